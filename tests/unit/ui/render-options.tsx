/**
 * Renders the real options page against the fake worker, with a recorded, controllable host
 * permission prompt (`requestOrigin`).
 */
import { render } from '@testing-library/preact';
import { OptionsApp } from '../../../src/ui/options/options-app';
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
}

export function renderOptions(options: Partial<Omit<FakeWorkerOptions, 'now'>> = {}) {
  const clock = { now: Date.UTC(2025, 2, 12, 9, 41, 10) };
  const worker = createFakeWorker({ ...options, now: () => clock.now });
  const requested: string[] = [];
  const events: string[] = [];
  const permission: OptionsHarness['permission'] = { grant: true, hold: false, release: () => {} };
  const send: typeof worker.send = (type, payload) => {
    events.push(type);
    return worker.send(type, payload);
  };
  const view = render(
    <OptionsApp
      deps={{
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
  return { worker, requested, events, permission, view } satisfies OptionsHarness;
}
