// @vitest-environment happy-dom
/**
 * Session tools in the popup's Sessions view and the panel (issue 6 §3): claims decoded from
 * `sessions/export`, copy as header / curl / JSON, closing the SC session, the session's own
 * request log, and the panel's Sessions tab (also when the vault is locked).
 */
import { act, cleanup, fireEvent, screen, waitFor, within } from '@testing-library/preact';
import { afterEach, describe, expect, test, vi } from 'vitest';
import { formatLocalTime } from '../../../src/ui/devtools/labels';
import { PANEL_PAGE } from '../../../src/ui/sessions/session-log';
import { loadHar, makeJwt, renderDevtools } from './devtools-harness';
import type { SessionSeed } from './fake-signin';
import { renderPopup, t, type PopupOptions } from './render-popup';
import { KOODRIVE, SLAUNCHX } from './signin-fixtures';

afterEach(() => {
  cleanup();
  vi.useRealTimers();
});

const NOW = Date.UTC(2025, 2, 12, 9, 41, 10);
const ACCESS = makeJwt({
  sub: 'ACC_TEST_001',
  portal: 'system',
  iat: NOW / 1000,
  exp: NOW / 1000 + 900,
});

const ADMIN: SessionSeed = {
  id: 'ses-admin',
  profileId: 'prof-slx',
  accessToken: ACCESS,
  account: { email: 'admin@slaunchx.test', displayName: 'Admin' },
  expiresAt: NOW + 900_000,
};

const KD: SessionSeed = {
  id: 'ses-kd',
  profileId: 'prof-kd',
  accessToken: 'AT 0123456789abcdef',
  tokenType: 'AT',
  account: { login: '0027188460911' },
};

async function openSessions(options: PopupOptions = {}) {
  const harness = renderPopup({
    passphrase: 'right passphrase',
    unlocked: true,
    profiles: [SLAUNCHX, KOODRIVE],
    sessions: [ADMIN, KD],
    ...options,
  });
  fireEvent.click(await screen.findByTestId('tab-sessions'));
  await screen.findAllByTestId('session-row');
  return harness;
}

const row = (id: string) => {
  const found = screen
    .getAllByTestId('session-row')
    .find((r) => r.getAttribute('data-session-id') === id);
  if (found === undefined) throw new Error(`no session row ${id}`);
  return within(found);
};

describe('session tools in the popup', () => {
  test('Show claims decodes the exported access token, with its expiry counting down', async () => {
    vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval'] });
    const { worker, clock } = await openSessions();
    const admin = row('ses-admin');
    fireEvent.click(admin.getByTestId('session-claims'));
    const token = within(await admin.findByTestId('session-claims-token'));
    expect(worker.inspector.exports).toEqual([{ id: 'ses-admin', format: 'json' }]);
    expect(JSON.parse(token.getByTestId('jwt-claims').textContent)).toMatchObject({
      sub: 'ACC_TEST_001',
      portal: 'system',
    });
    expect(token.getByTestId('jwt-exp').textContent).toContain(formatLocalTime(NOW + 900_000));
    expect(token.getByTestId('jwt-exp-relative').textContent).toBe(
      t('devtools_jwt_expires_in', [t('duration_minutes', ['15', '00'])]),
    );
    clock.now += 2000;
    await act(() => {
      vi.advanceTimersByTime(2000);
    });
    expect(token.getByTestId('jwt-exp-relative').textContent).toBe(
      t('devtools_jwt_expires_in', [t('duration_minutes', ['14', '58'])]),
    );
    fireEvent.click(admin.getByTestId('session-claims'));
    expect(admin.queryByTestId('session-claims-token')).toBeNull();
  });

  test('an id token is decoded beside the access token; an opaque token has no claims', async () => {
    await openSessions({
      setup: (worker) => {
        worker.inspector.idTokens.set('ses-admin', makeJwt({ sub: 'ACC_TEST_001', aud: 'web' }));
      },
    });
    fireEvent.click(row('ses-admin').getByTestId('session-claims'));
    await waitFor(() => {
      expect(row('ses-admin').getAllByTestId('session-claims-token')).toHaveLength(2);
    });
    expect(row('ses-admin').getByText(t('sessions_id_token'))).toBeTruthy();
    fireEvent.click(row('ses-kd').getByTestId('session-claims'));
    expect((await row('ses-kd').findByTestId('jwt-malformed')).getAttribute('data-problem')).toBe(
      'segment-count',
    );
  });

  test.each([
    ['session-copy-header', 'authorization-header', `Authorization: Bearer ${ACCESS}`],
    [
      'session-copy-curl',
      'curl',
      `curl -H 'Authorization: Bearer ${ACCESS}' 'http://127.0.0.1:8787/profile'`,
    ],
  ])(
    '%s copies the export and asks the worker to clear the clipboard',
    async (id, format, text) => {
      const { worker, clipboard } = await openSessions();
      fireEvent.click(row('ses-admin').getByTestId(id));
      await waitFor(() => {
        expect(clipboard).toEqual([text]);
      });
      expect(worker.inspector.exports).toEqual([{ id: 'ses-admin', format }]);
      await waitFor(() => {
        expect(worker.calls.at(-1)?.type).toBe('clipboard/copied');
      });
      expect(row('ses-admin').getByTestId('session-tools-status').textContent).toBe(
        t('list_copied'),
      );
    },
  );

  test('copy as JSON copies the session as the worker exports it', async () => {
    const { clipboard } = await openSessions();
    fireEvent.click(row('ses-admin').getByTestId('session-copy-json'));
    await waitFor(() => {
      expect(clipboard).toHaveLength(1);
    });
    expect(JSON.parse(clipboard[0] ?? '')).toMatchObject({
      accessToken: ACCESS,
      tokenType: 'Bearer',
    });
  });

  test('closes the SlaunchX secure channel; other families have none to close', async () => {
    const { worker } = await openSessions();
    expect(row('ses-kd').queryByTestId('session-close-channel')).toBeNull();
    fireEvent.click(row('ses-admin').getByTestId('session-close-channel'));
    await waitFor(() => {
      expect(row('ses-admin').getByTestId('session-tools-status').textContent).toBe(
        t('sessions_channel_closed'),
      );
    });
    expect(worker.inspector.closedChannels).toEqual(['ses-admin']);
  });

  test('a refused export shows the reason', async () => {
    await openSessions({
      setup: (worker) => {
        worker.failNext('sessions/export', 'SESSION_NOT_FOUND');
      },
    });
    fireEvent.click(row('ses-admin').getByTestId('session-claims'));
    expect((await row('ses-admin').findByTestId('error')).textContent).toBe(
      t('error_SESSION_NOT_FOUND'),
    );
  });
});

describe("the session's own request log in the popup", () => {
  test('lists method, path and status of the calls made for the session only', async () => {
    const otp = loadHar('slaunchx-system-otp');
    const at = (entry: unknown, iso: string) => ({ ...(entry as object), startedDateTime: iso });
    await openSessions({
      setup: (worker) => {
        const { append } = worker.inspector;
        // An earlier sign-in of the same profile, and a later one of another profile.
        append(at(otp[2], '2025-03-12T08:00:00.000Z'), { flowId: 'flow-old' });
        // The worker tags a sign-in's calls with the flow; calls with tokens with the session.
        append(at(otp[2], '2025-03-12T09:40:00.000Z'), { flowId: 'flow-a' });
        append(at(otp[3], '2025-03-12T09:40:05.000Z'), { flowId: 'flow-a' });
        append(at(otp[4], '2025-03-12T09:41:00.000Z'), { sessionId: 'ses-admin' });
        append(at(otp[2], '2025-03-12T09:40:30.000Z'), { flowId: 'flow-b', profileId: 'prof-kd' });
        append(otp[6], { sessionId: 'ses-other' });
      },
    });
    const admin = row('ses-admin');
    fireEvent.click(admin.getByTestId('session-log-toggle'));
    await waitFor(() => {
      expect(admin.getAllByTestId('session-log-entry')).toHaveLength(3);
    });
    expect(admin.getAllByTestId('session-log-entry').map((li) => li.textContent)).toEqual([
      'POST /web/v1/system/auth/login/initiate 200',
      'POST /web/v1/system/auth/login/complete 200',
      'GET /web/v1/system/profile 200',
    ]);
    fireEvent.click(admin.getByTestId('session-log-devtools'));
    expect(admin.getByTestId('session-log-howto').textContent).toContain(
      t('sessions_log_devtools_howto'),
    );
    expect(admin.getByTestId('session-log-page').getAttribute('href')).toBe(PANEL_PAGE);
  });

  test('says so when the log holds nothing for the session', async () => {
    await openSessions();
    fireEvent.click(row('ses-kd').getByTestId('session-log-toggle'));
    expect((await row('ses-kd').findByTestId('session-log-empty')).textContent).toBe(
      t('sessions_log_empty'),
    );
  });
});

describe('sessions in the DevTools panel', () => {
  test('lists the sessions with their tools, without the popup log list', async () => {
    renderDevtools({ profiles: [SLAUNCHX, KOODRIVE], sessions: [ADMIN, KD], now: NOW });
    fireEvent.click(screen.getByTestId('devtools-tab-sessions'));
    await waitFor(() => {
      expect(screen.getAllByTestId('session-row')).toHaveLength(2);
    });
    expect(screen.getAllByTestId('session-tools')).toHaveLength(2);
    expect(screen.queryByTestId('session-log-toggle')).toBeNull();
  });

  test('with no sessions, points to the popup to sign in', async () => {
    renderDevtools({ now: NOW });
    fireEvent.click(screen.getByTestId('devtools-tab-sessions'));
    await screen.findByTestId('sessions-empty');
    expect(screen.getByText(t('sessions_signin_in_popup'))).toBeTruthy();
    expect(screen.queryByTestId('sessions-empty-signin')).toBeNull();
  });

  test('a locked vault asks for the passphrase, then lists the sessions', async () => {
    renderDevtools({
      profiles: [SLAUNCHX],
      sessions: [ADMIN],
      unlocked: false,
      now: NOW,
    });
    fireEvent.click(screen.getByTestId('devtools-tab-sessions'));
    await screen.findByTestId('devtools-unlock');
    fireEvent.input(screen.getByTestId('unlock-passphrase'), {
      target: { value: 'right passphrase' },
    });
    fireEvent.click(screen.getByTestId('unlock-submit'));
    await waitFor(() => {
      expect(screen.getAllByTestId('session-row')).toHaveLength(1);
    });
  });
});
