/**
 * Renders the real options page against the fake worker, with a recorded, controllable host
 * permission prompt (`requestOrigin`), and recording stand-ins for files: `qrImages` says what
 * each image file's QR code reads (by file name), downloads and rendered QR codes are kept.
 */
import { render } from '@testing-library/preact';
import { OptionsApp } from '../../../src/ui/options/options-app';
import type { TransferPageDeps } from '../../../src/ui/transfer/transfer-deps';
import { createFakeWorker, type FakeWorker, type FakeWorkerOptions } from './fake-worker';
import { t } from './render-popup';

export interface OptionsHarness {
  worker: FakeWorker;
  /** Origins asked for, in order, and what was happening when: 'permission' or a message type. */
  requested: string[];
  events: string[];
  /** The answer the next prompts give; `hold` keeps the prompt open until released. */
  permission: { grant: boolean; hold: boolean; release: () => void };
  view: ReturnType<typeof render>;
  files: FakeFiles;
}

export interface FakeFiles {
  /** QR text per image file name; an image not listed holds no QR code. */
  qrImages: Map<string, string>;
  /** Image files the page asked to decode, by name. */
  decoded: string[];
  downloads: { filename: string; mimeType: string; text: string }[];
}

function fakeFiles(): FakeFiles & TransferPageDeps {
  const files: FakeFiles = { qrImages: new Map(), decoded: [], downloads: [] };
  return {
    ...files,
    readFile: async (file) => new Uint8Array(await file.arrayBuffer()),
    decodeQrImage: (file) => {
      files.decoded.push(file.name);
      return Promise.resolve(files.qrImages.get(file.name) ?? null);
    },
    download: (filename, mimeType, text) => {
      files.downloads.push({ filename, mimeType, text });
    },
    // The "image" names its text, so tests can tell which batch is on screen.
    renderQr: (text) => Promise.resolve(`data:text/plain,${encodeURIComponent(text)}`),
  };
}

export function renderOptions(
  options: Partial<Omit<FakeWorkerOptions, 'now'>> = {},
  section?: string,
) {
  const clock = { now: Date.UTC(2025, 2, 12, 9, 41, 10) };
  const worker = createFakeWorker({ ...options, now: () => clock.now });
  const requested: string[] = [];
  const events: string[] = [];
  const permission: OptionsHarness['permission'] = { grant: true, hold: false, release: () => {} };
  const send: typeof worker.send = (type, payload) => {
    events.push(type);
    return worker.send(type, payload);
  };
  const files = fakeFiles();
  const view = render(
    <OptionsApp
      section={section}
      deps={{
        ...files,
        send,
        t,
        now: () => clock.now,
        copyText: () => Promise.resolve(),
        activeTabId: () => Promise.resolve(null),
        requestOrigin: (origin) => {
          requested.push(origin);
          events.push('permission');
          if (!permission.hold) return Promise.resolve(permission.grant);
          return new Promise<boolean>((resolve) => {
            permission.release = () => {
              resolve(permission.grant);
            };
          });
        },
      }}
    />,
  );
  return { worker, requested, events, permission, view, files } satisfies OptionsHarness;
}
