/**
 * Renders the real popup against the fake worker, with a controllable clock, a recording
 * clipboard and the real English messages (a missing key throws, so it fails the test).
 */
import { render } from '@testing-library/preact';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as v from 'valibot';
import { createCatalogTranslator, type Catalog, type Translate } from '../../../src/ui/i18n';
import { PopupApp } from '../../../src/ui/popup/popup-app';
import { createFakeWorker, type FakeWorker, type FakeWorkerOptions } from './fake-worker';

const catalogSchema = v.record(
  v.string(),
  v.object({
    message: v.string(),
    description: v.optional(v.string()),
    placeholders: v.optional(
      v.record(v.string(), v.object({ content: v.string(), example: v.optional(v.string()) })),
    ),
  }),
);

export const LOCALES = ['en', 'zh_CN', 'zh_TW', 'ja', 'vi'] as const;

export function loadCatalog(locale: string): Catalog {
  // Not `new URL(…, import.meta.url)`: happy-dom's URL does not resolve file: URLs.
  const file = join(import.meta.dirname, '../../../public/_locales', locale, 'messages.json');
  return v.parse(catalogSchema, JSON.parse(readFileSync(file, 'utf8')));
}

export const t: Translate = createCatalogTranslator(loadCatalog('en'), (key) => {
  throw new Error(`missing message key: ${key}`);
});

export interface PopupHarness {
  worker: FakeWorker;
  clipboard: string[];
  /** How many times the popup asked to open the options page, and at which sections. */
  optionsOpened: { count: number; sections: (string | undefined)[] };
  clock: { now: number };
  tabId: { value: number | null };
  view: ReturnType<typeof render>;
}

export interface PopupOptions extends Partial<Omit<FakeWorkerOptions, 'now'>> {
  failCopy?: boolean;
  /** Runs on the fake worker before the popup mounts (e.g. to fail its first request). */
  setup?: (worker: FakeWorker) => void;
}

export function renderPopup(options: PopupOptions = {}): PopupHarness {
  // 10 s into a 30 s window, so countdowns read 20.
  const clock = { now: Date.UTC(2025, 2, 12, 9, 41, 10) };
  const clipboard: string[] = [];
  const tabId = { value: 7 as number | null };
  const optionsOpened: PopupHarness['optionsOpened'] = { count: 0, sections: [] };
  const worker = createFakeWorker({ ...options, now: () => clock.now });
  options.setup?.(worker);
  const view = render(
    <PopupApp
      deps={{
        send: worker.send,
        t,
        now: () => clock.now,
        copyText: (text) => {
          if (options.failCopy === true)
            return Promise.reject(new Error('Document is not focused'));
          clipboard.push(text);
          return Promise.resolve();
        },
        activeTabId: () => Promise.resolve(tabId.value),
        openOptions: (section) => {
          optionsOpened.count++;
          optionsOpened.sections.push(section);
          return Promise.resolve();
        },
      }}
    />,
  );
  return { worker, clipboard, optionsOpened, clock, tabId, view };
}

/** The message the user sees for a worker error code. */
export function errorText(code: string): string {
  return t(`error_${code}`);
}
