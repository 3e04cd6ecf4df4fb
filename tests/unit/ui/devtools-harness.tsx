/**
 * Renders the real DevTools panel against the fake worker, with recorded HAR fixtures fed
 * through an injected NetworkSource (as DevTools would: what it held at open, then each finished
 * request), a controllable clock, a recording clipboard and recorded downloads.
 */
import { render } from '@testing-library/preact';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { harEntries } from '../../../src/inspector';
import { DevtoolsApp } from '../../../src/ui/devtools/devtools-app';
import type { NetworkSource } from '../../../src/ui/devtools/network-source';
import { createFakeWorker, type FakeWorker, type FakeWorkerOptions } from './fake-worker';
import { t } from './render-popup';

/** The entries of tests/fixtures/har/<name>.har. */
export function loadHar(name: string): unknown[] {
  const file = join(import.meta.dirname, '../../fixtures/har', `${name}.har`);
  return harEntries(JSON.parse(readFileSync(file, 'utf8')));
}

export interface FakeNetwork extends NetworkSource {
  /** A request finishing in the inspected page. */
  finish: (entry: unknown) => void;
  subscribers: () => number;
}

export function fakeNetwork(initial: unknown[] = []): FakeNetwork {
  const listeners = new Set<(entry: unknown) => void>();
  return {
    initial: () => Promise.resolve(initial),
    subscribe: (onEntry) => {
      listeners.add(onEntry);
      return () => listeners.delete(onEntry);
    },
    finish: (entry) => {
      for (const listener of listeners) listener(entry);
    },
    subscribers: () => listeners.size,
  };
}

/** 2024-04-01T00:00:20Z: 20 s into the recorded SlaunchX flows. */
export const FIXTURE_NOW = Date.UTC(2024, 3, 1, 0, 0, 20);

export interface DevtoolsHarness {
  worker: FakeWorker;
  clipboard: string[];
  downloads: { filename: string; mimeType: string; text: string }[];
  clock: { now: number };
  view: ReturnType<typeof render>;
}

export interface DevtoolsOptions extends Partial<Omit<FakeWorkerOptions, 'now'>> {
  /** null: the panel opened as a plain page (extension log only). */
  network?: NetworkSource | null;
  now?: number;
  pollMs?: number;
  setup?: (worker: FakeWorker) => void;
}

export function renderDevtools(options: DevtoolsOptions = {}): DevtoolsHarness {
  const clock = { now: options.now ?? FIXTURE_NOW };
  const clipboard: string[] = [];
  const downloads: DevtoolsHarness['downloads'] = [];
  const worker = createFakeWorker({
    passphrase: 'right passphrase',
    unlocked: true,
    ...options,
    now: () => clock.now,
  });
  options.setup?.(worker);
  const view = render(
    <DevtoolsApp
      deps={{
        send: worker.send,
        t,
        now: () => clock.now,
        copyText: (text) => {
          clipboard.push(text);
          return Promise.resolve();
        },
        activeTabId: () => Promise.resolve(null),
        network: options.network === undefined ? null : options.network,
        download: (filename, mimeType, text) => {
          downloads.push({ filename, mimeType, text });
        },
        // Tests that follow the log drive the timer themselves.
        pollMs: options.pollMs ?? 3_600_000,
      }}
    />,
  );
  return { worker, clipboard, downloads, clock, view };
}

/** A JWT with these claims (HS256 header, a stand-in signature: nothing verifies it). */
export function makeJwt(claims: Record<string, unknown>, header = { alg: 'HS256', typ: 'JWT' }) {
  const part = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');
  return `${part(header)}.${part(claims)}.c2lnbmF0dXJl`;
}
