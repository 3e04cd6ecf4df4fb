// @vitest-environment happy-dom
/**
 * The panel over the extension's own request log (`inspector/log`), as when it is opened as a
 * plain extension page: polling with `after`, masked entries revealed through the worker,
 * tokens decoded from fetched entries while staying masked on screen, caps said plainly.
 */
import { act, cleanup, fireEvent, screen, waitFor, within } from '@testing-library/preact';
import { afterEach, describe, expect, test, vi } from 'vitest';
import { fakeNetwork, loadHar, renderDevtools } from './devtools-harness';
import type { FakeWorker } from './fake-worker';
import { t } from './render-popup';

afterEach(() => {
  cleanup();
  vi.useRealTimers();
});

const OTP = loadHar('slaunchx-system-otp');

function appendOtp(worker: FakeWorker) {
  for (const entry of OTP) {
    worker.inspector.append(entry, { flowId: 'flow-a', sessionId: 'ses-1' });
  }
}

function step(kind: string) {
  const found = screen
    .getAllByTestId('flow-step')
    .find((s) => s.getAttribute('data-kind') === kind);
  if (found === undefined) throw new Error(`no ${kind} step`);
  fireEvent.click(within(found).getByTestId('step-toggle'));
  return within(found);
}

/** One poll interval, and the replies it waits for. */
async function tick() {
  await act(async () => {
    vi.advanceTimersByTime(1000);
    await Promise.resolve();
  });
}

const logCalls = (worker: FakeWorker) =>
  worker.calls.filter((c) => c.type === 'inspector/log').map((c) => c.payload);

describe('the extension log only', () => {
  test('shows the worker log flows and says it is not following a page', async () => {
    renderDevtools({ network: null, setup: appendOtp });
    const [row] = await screen.findAllByTestId('flow-row');
    expect(row?.textContent).toContain(t('devtools_source_extension'));
    expect(screen.getAllByTestId('flow-step')).toHaveLength(OTP.length);
    expect(screen.getByTestId('devtools-mode').textContent).toBe(t('devtools_mode_log_only_short'));
    expect(screen.getByTestId('note-mode').textContent).toBe(t('devtools_mode_log_only'));
  });

  test("one profile's calls never join another profile's flow through a masked token", async () => {
    renderDevtools({
      network: null,
      setup: (worker) => {
        for (const entry of OTP) worker.inspector.append(entry, { profileId: 'prof-a' });
        for (const entry of OTP) {
          const { startedDateTime } = entry as { startedDateTime: string };
          const later = new Date(Date.parse(startedDateTime) + 600_000).toISOString();
          worker.inspector.append(
            { ...(entry as object), startedDateTime: later },
            { profileId: 'prof-b' },
          );
        }
      },
    });
    await waitFor(() => {
      expect(screen.getAllByTestId('flow-row')).toHaveLength(2);
    });
    for (const row of screen.getAllByTestId('flow-row')) {
      fireEvent.click(row);
      expect(screen.getAllByTestId('flow-step')).toHaveLength(OTP.length);
    }
  });

  test('decodes the flow tokens by fetching the unmasked entries; the token stays masked', async () => {
    const { worker } = renderDevtools({ network: null, setup: appendOtp });
    await screen.findAllByTestId('flow-row');
    expect(screen.queryByTestId('flow-tokens')).toBeNull();
    fireEvent.click(screen.getByTestId('flow-decode'));
    const tokens = within(await screen.findByTestId('flow-tokens'));
    expect(worker.inspector.revealed).toEqual(OTP.map((_, i) => i + 1));
    const [first] = tokens.getAllByTestId('token');
    if (first === undefined) throw new Error('no token');
    expect(within(first).getByTestId('jwt-claims').textContent).toContain('"sub": "ACC_TEST_001"');
    expect(within(first).getByTestId('token-value').textContent).toBe('eyJh…');
  });

  test('a step reveals its password only after asking the worker for that entry', async () => {
    const { worker } = renderDevtools({ network: null, setup: appendOtp });
    await screen.findAllByTestId('flow-row');
    const initiate = step('initiate');
    const plaintext = () => initiate.getByTestId('request-plaintext-body').textContent;
    expect(plaintext()).toContain('"password": "Corr…"');
    expect(worker.inspector.revealed).toEqual([]);
    fireEvent.click(initiate.getByTestId('step-reveal'));
    await waitFor(() => {
      expect(plaintext()).toContain('"password": "Correct-Horse-42"');
    });
    expect(worker.inspector.revealed).toEqual([3]);
    fireEvent.click(initiate.getByTestId('step-reveal'));
    expect(plaintext()).not.toContain('Correct-Horse-42');
  });

  test('a reveal refused for a locked vault offers the unlock form above the flows', async () => {
    renderDevtools({
      network: null,
      setup: (worker) => {
        appendOtp(worker);
        worker.failNext('inspector/reveal', 'VAULT_LOCKED');
      },
    });
    await screen.findAllByTestId('flow-row');
    fireEvent.click(step('initiate').getByTestId('step-reveal'));
    await screen.findByTestId('devtools-unlock');
    expect(screen.getAllByTestId('flow-step')).toHaveLength(OTP.length);
    fireEvent.input(screen.getByTestId('unlock-passphrase'), {
      target: { value: 'right passphrase' },
    });
    fireEvent.click(screen.getByTestId('unlock-submit'));
    await waitFor(() => {
      expect(screen.queryByTestId('devtools-unlock')).toBeNull();
    });
  });

  test('an export with secrets fetches the unmasked entries first', async () => {
    const { worker, downloads } = renderDevtools({ network: null, setup: appendOtp });
    await screen.findAllByTestId('flow-row');
    fireEvent.click(screen.getByTestId('export-har'));
    await waitFor(() => {
      expect(downloads).toHaveLength(1);
    });
    expect(downloads[0]?.text).not.toContain('Correct-Horse-42');
    expect(worker.inspector.revealed).toEqual([]);
    fireEvent.click(screen.getByTestId('export-secrets'));
    fireEvent.click(screen.getByTestId('export-har'));
    await waitFor(() => {
      expect(downloads).toHaveLength(2);
    });
    expect(downloads[1]?.text).toContain('Correct-Horse-42');
    expect(worker.inspector.revealed).toHaveLength(OTP.length);
  });

  test('polls about once a second for what follows the last entry seen', async () => {
    vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval'] });
    const { worker } = renderDevtools({ network: null, pollMs: 1000 });
    await screen.findByTestId('flows-empty');
    for (const entry of OTP.slice(0, 3)) worker.inspector.append(entry);
    await tick();
    await waitFor(() => {
      expect(screen.getAllByTestId('flow-step')).toHaveLength(3);
    });
    worker.inspector.append(OTP[3]);
    await tick();
    await waitFor(() => {
      expect(screen.getAllByTestId('flow-step')).toHaveLength(4);
    });
    // The last entry seen comes back with the new ones: that is how a replaced log shows.
    expect(logCalls(worker)).toEqual([{}, {}, { after: 2 }]);
  });

  test('a log erased by the lock (seqs from 1 again) is read whole again', async () => {
    vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval'] });
    const { worker } = renderDevtools({ network: null, pollMs: 1000 });
    for (const entry of OTP.slice(0, 3)) worker.inspector.append(entry);
    await tick();
    await waitFor(() => {
      expect(screen.getAllByTestId('flow-step')).toHaveLength(3);
    });
    worker.inspector.erase();
    for (const entry of OTP.slice(3)) worker.inspector.append(entry);
    await tick();
    await waitFor(() => {
      expect(screen.getAllByTestId('flow-step')).toHaveLength(OTP.length - 3);
    });
    expect(logCalls(worker).slice(-2)).toEqual([{ after: 2 }, {}]);
  });

  test('says what the caps dropped and cut', async () => {
    renderDevtools({
      network: null,
      setup: (worker) => {
        worker.inspector.bounds.dropped = 12;
        worker.inspector.append(OTP[2], { cutBytes: 4096 });
      },
    });
    await screen.findAllByTestId('flow-row');
    expect(screen.getByTestId('note-log-dropped').textContent).toBe(
      t('devtools_log_dropped', ['12', '200']),
    );
    expect(step('initiate').getByTestId('step-log-cut').textContent).toBe(
      t('devtools_log_cut', [t('devtools_bytes', [(4096).toLocaleString()])]),
    );
  });

  test('Clear empties the worker log and the page capture', async () => {
    const { worker } = renderDevtools({ network: fakeNetwork(OTP.slice(0, 2)), setup: appendOtp });
    await waitFor(() => {
      expect(screen.getAllByTestId('flow-row')).toHaveLength(2);
    });
    fireEvent.click(screen.getByTestId('flows-clear'));
    await screen.findByTestId('flows-empty');
    expect(worker.inspector.entries()).toEqual([]);
  });

  test('a worker without the log says so and keeps the page flows', async () => {
    renderDevtools({
      network: fakeNetwork(OTP),
      setup: (worker) => {
        worker.failNext('inspector/log', 'INTERNAL', 'storage.session unavailable');
      },
    });
    await screen.findAllByTestId('flow-row');
    expect(screen.getByTestId('error').textContent).toBe(t('error_INTERNAL'));
  });
});
