// @vitest-environment happy-dom
import { act, cleanup, fireEvent, screen, waitFor, within } from '@testing-library/preact';
import { afterEach, describe, expect, test, vi } from 'vitest';
import type { SessionSeed } from './fake-signin';
import { renderPopup, t, type PopupOptions } from './render-popup';
import { KOODRIVE, SLAUNCHX, WRONG_CODE } from './signin-fixtures';

afterEach(() => {
  cleanup();
  vi.useRealTimers();
});

const NOW = Date.UTC(2025, 2, 12, 9, 41, 10);
const TOKEN = 'eyJhbGciOiJIUzI1NiJ9.payload.signature';

const ADMIN: SessionSeed = {
  id: 'ses-admin',
  profileId: 'prof-slx',
  accessToken: TOKEN,
  account: { email: 'admin@slaunchx.test', displayName: 'Admin' },
  expiresAt: NOW + 3_725_000,
  refreshAt: NOW + 3_425_000,
};

const KD: SessionSeed = {
  id: 'ses-kd',
  profileId: 'prof-kd',
  accessToken: 'AT 0123456789abcdef',
  tokenType: 'AT',
  account: { login: '0027188460911' },
  expiresAt: NOW + 65_000,
  canRefresh: false,
  lastError: {
    ...WRONG_CODE,
    code: '10004',
    provider: 'koodrive',
    message: 'Invalid refresh token',
  },
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

describe('sessions list', () => {
  test('shows account, provider, profile, expiry and the masked token', async () => {
    await openSessions();
    const admin = row('ses-admin');
    expect(admin.getByText('Admin')).toBeTruthy();
    expect(admin.getByText('admin@slaunchx.test')).toBeTruthy();
    expect(admin.getByTestId('session-profile').textContent).toBe('SlaunchX · SlaunchX admin');
    expect(admin.getByTestId('session-expiry').textContent).toBe(
      t('sessions_expires_in', [t('duration_hours', ['1', '02'])]),
    );
    expect(admin.getByTestId('session-token').textContent).toBe('eyJh…');
    expect(admin.getByText(t('sessions_token', ['Bearer']))).toBeTruthy();
    expect(row('ses-kd').getByText('0027188460911')).toBeTruthy();
  });

  test('the expiry counts down live and says when it has passed', async () => {
    vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval'] });
    const { clock } = await openSessions();
    expect(row('ses-kd').getByTestId('session-expiry').textContent).toBe(
      t('sessions_expires_in', [t('duration_minutes', ['1', '05'])]),
    );
    clock.now += 60_000;
    await act(() => {
      vi.advanceTimersByTime(1000);
    });
    expect(row('ses-kd').getByTestId('session-expiry').textContent).toBe(
      t('sessions_expires_in', [t('duration_seconds', ['5'])]),
    );
    clock.now += 5_000;
    await act(() => {
      vi.advanceTimersByTime(1000);
    });
    expect(row('ses-kd').getByTestId('session-expiry').textContent).toBe(t('sessions_expired'));
  });

  test('the last refresh failure is shown with its code', async () => {
    await openSessions();
    const error = row('ses-kd').getByTestId('session-error');
    expect(error.textContent).toContain(t('sessions_last_error'));
    expect(within(error).getByTestId('error-message').textContent).toBe('Invalid refresh token');
    expect(within(error).getByTestId('error-code').textContent).toBe('10004');
    expect(row('ses-admin').queryByTestId('session-error')).toBeNull();
  });

  test('the empty state leads to Sign in', async () => {
    renderPopup({ passphrase: 'right passphrase', unlocked: true, profiles: [SLAUNCHX] });
    fireEvent.click(await screen.findByTestId('tab-sessions'));
    fireEvent.click(await screen.findByTestId('sessions-empty-signin'));
    expect(await screen.findByTestId('profile-row')).toBeTruthy();
    expect(screen.getByTestId('tab-signin').getAttribute('aria-selected')).toBe('true');
  });
});

describe('access token', () => {
  test('Reveal shows the whole token until hidden again', async () => {
    const { worker } = await openSessions();
    fireEvent.click(row('ses-admin').getByTestId('session-reveal'));
    await waitFor(() => {
      expect(row('ses-admin').getByTestId('session-token').textContent).toBe(TOKEN);
    });
    expect(row('ses-admin').getByTestId('session-reveal').textContent).toBe(t('sessions_hide'));
    expect(worker.calls.find((c) => c.type === 'sessions/reveal-token')?.payload).toEqual({
      id: 'ses-admin',
    });
    fireEvent.click(row('ses-admin').getByTestId('session-reveal'));
    expect(row('ses-admin').getByTestId('session-token').textContent).toBe('eyJh…');
  });

  test('a revealed token is gone when the view closes and opens again', async () => {
    await openSessions();
    fireEvent.click(row('ses-admin').getByTestId('session-reveal'));
    await waitFor(() => {
      expect(row('ses-admin').getByTestId('session-token').textContent).toBe(TOKEN);
    });
    fireEvent.click(screen.getByTestId('tab-codes'));
    fireEvent.click(screen.getByTestId('tab-sessions'));
    await waitFor(() => {
      expect(row('ses-admin').getByTestId('session-token').textContent).toBe('eyJh…');
    });
    expect(screen.queryByText(TOKEN)).toBeNull();
  });

  test('Copy puts the token on the clipboard without showing it, then schedules the clear', async () => {
    const { clipboard, worker } = await openSessions();
    fireEvent.click(row('ses-admin').getByTestId('session-copy'));
    await waitFor(() => {
      expect(worker.calls.map((c) => c.type)).toContain('clipboard/copied');
    });
    expect(clipboard).toEqual([TOKEN]);
    expect(row('ses-admin').getByTestId('session-token').textContent).toBe('eyJh…');
    expect(row('ses-admin').getByTestId('session-copy').textContent).toBe(t('list_copied'));
  });
});

describe('session actions', () => {
  test('Refresh now replaces the session and clears its error', async () => {
    const { worker } = await openSessions({
      sessions: [{ ...ADMIN, lastError: KD.lastError }, KD],
    });
    expect(row('ses-kd').getByTestId<HTMLButtonElement>('session-refresh').disabled).toBe(true);
    expect(row('ses-admin').getByTestId('session-error')).toBeTruthy();
    fireEvent.click(row('ses-admin').getByTestId('session-refresh'));
    await waitFor(() => {
      expect(row('ses-admin').getByTestId('session-status').textContent).toBe(
        t('sessions_refreshed'),
      );
    });
    expect(row('ses-admin').getByTestId('session-token').textContent).toBe('fres…');
    expect(row('ses-admin').queryByTestId('session-error')).toBeNull();
    expect(row('ses-admin').getByTestId('session-expiry').textContent).toBe(
      t('sessions_expires_in', [t('duration_hours', ['1', '00'])]),
    );
    expect(worker.calls.find((c) => c.type === 'sessions/refresh')?.payload).toEqual({
      id: 'ses-admin',
    });
  });

  test('a failed refresh is shown on its row', async () => {
    const { worker } = await openSessions();
    worker.failNext('sessions/refresh', 'NETWORK', 'The provider could not be reached.');
    fireEvent.click(row('ses-admin').getByTestId('session-refresh'));
    await waitFor(() => {
      expect(row('ses-admin').getByTestId('error').textContent).toBe(
        'The provider could not be reached.',
      );
    });
  });

  test('Sign out asks first; cancel keeps the session, confirm removes it', async () => {
    const { worker } = await openSessions();
    fireEvent.click(row('ses-admin').getByTestId('session-signout'));
    expect(row('ses-admin').getByRole('alertdialog').textContent).toContain(
      t('sessions_sign_out_text', ['Admin']),
    );
    fireEvent.click(row('ses-admin').getByTestId('session-signout-cancel'));
    expect(row('ses-admin').queryByRole('alertdialog')).toBeNull();
    expect(worker.calls.some((c) => c.type === 'sessions/sign-out')).toBe(false);

    fireEvent.click(row('ses-admin').getByTestId('session-signout'));
    fireEvent.click(row('ses-admin').getByTestId('session-signout-confirm'));
    await waitFor(() => {
      expect(screen.getAllByTestId('session-row')).toHaveLength(1);
    });
    expect(worker.signin.sessions().map((s) => s.id)).toEqual(['ses-kd']);
  });
});
