// @vitest-environment happy-dom
import { cleanup, fireEvent, screen, waitFor } from '@testing-library/preact';
import { afterEach, describe, expect, test } from 'vitest';
import { errorText, renderPopup, t } from './render-popup';

afterEach(cleanup);

async function openSettings() {
  const harness = renderPopup({ passphrase: 'old passphrase', unlocked: true });
  fireEvent.click(await screen.findByTestId('settings'));
  await waitFor(() => {
    expect(screen.getByTestId<HTMLInputElement>('settings-auto-lock').value).toBe('15');
  });
  return harness;
}

const fill = (testId: string, value: string) => {
  fireEvent.input(screen.getByTestId(testId), { target: { value } });
};

describe('settings', () => {
  test('shows the current timers and saves a new auto-lock time', async () => {
    const { worker } = await openSettings();
    expect(screen.getByTestId<HTMLInputElement>('settings-clipboard').value).toBe('30');
    fill('settings-auto-lock', '5');
    fireEvent.click(screen.getByTestId('settings-submit'));
    await waitFor(() => {
      expect(screen.getByTestId('settings-saved').textContent).toBe(t('settings_saved'));
    });
    expect(worker.settings).toEqual({ autoLockMinutes: 5, clipboardClearSeconds: 30 });
  });

  test('refuses a value out of range without asking the worker', async () => {
    const { worker } = await openSettings();
    fill('settings-auto-lock', '99999');
    fireEvent.click(screen.getByTestId('settings-submit'));
    expect(screen.getByRole('alert').textContent).toBe(t('settings_invalid'));
    expect(worker.calls.some((c) => c.type === 'settings/set')).toBe(false);
  });

  test('Escape goes back to the list', async () => {
    await openSettings();
    fireEvent.keyDown(document.body, { key: 'Escape' });
    expect(await screen.findByTestId('search')).toBeTruthy();
  });
});

describe('change passphrase', () => {
  test('a wrong current passphrase is refused; the right one changes it', async () => {
    const { worker } = await openSettings();
    fill('change-current', 'not it at all');
    fill('change-next', 'new passphrase');
    fill('change-confirm', 'new passphrase');
    fireEvent.click(screen.getByTestId('change-submit'));
    expect((await screen.findByRole('alert')).textContent).toBe(
      errorText('VAULT_WRONG_PASSPHRASE'),
    );
    await waitFor(() => {
      expect(document.activeElement).toBe(screen.getByTestId('change-current'));
    });

    fill('change-current', 'old passphrase');
    fireEvent.click(screen.getByTestId('change-submit'));
    await waitFor(() => {
      expect(screen.getByTestId('change-done').textContent).toBe(t('settings_change_done'));
    });

    fireEvent.click(screen.getByTestId('lock'));
    fireEvent.input(await screen.findByTestId('unlock-passphrase'), {
      target: { value: 'new passphrase' },
    });
    fireEvent.click(screen.getByTestId('unlock-submit'));
    expect(await screen.findByTestId('search')).toBeTruthy();
    expect(worker.state()).toBe('unlocked');
  });

  test('a new passphrase under 8 characters is refused before sending', async () => {
    const { worker } = await openSettings();
    fill('change-current', 'old passphrase');
    fill('change-next', 'short');
    fill('change-confirm', 'short');
    fireEvent.click(screen.getByTestId('change-submit'));
    expect(screen.getByRole('alert').textContent).toBe(t('create_too_short', ['8']));
    expect(worker.calls.some((c) => c.type === 'vault/change-passphrase')).toBe(false);
  });
});
