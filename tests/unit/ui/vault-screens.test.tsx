// @vitest-environment happy-dom
import { cleanup, fireEvent, screen, waitFor } from '@testing-library/preact';
import { afterEach, describe, expect, test } from 'vitest';
import { errorText, renderPopup, t } from './render-popup';

afterEach(cleanup);

const input = (testId: string) => screen.getByTestId<HTMLInputElement>(testId);
const type = (testId: string, value: string) => {
  fireEvent.input(input(testId), { target: { value } });
};

describe('first run', () => {
  test('shows the creation form with the no-recovery note and focuses the passphrase', async () => {
    renderPopup();
    expect(await screen.findByText(t('create_no_recovery'))).toBeTruthy();
    await waitFor(() => {
      expect(document.activeElement).toBe(input('create-passphrase'));
    });
  });

  test('refuses a passphrase under 8 characters without calling the worker', async () => {
    const { worker } = renderPopup();
    await screen.findByTestId('create-passphrase');
    type('create-passphrase', 'short12');
    type('create-confirm', 'short12');
    fireEvent.click(screen.getByTestId('create-submit'));
    expect(screen.getByRole('alert').textContent).toBe(t('create_too_short', ['8']));
    expect(worker.calls.some((c) => c.type === 'vault/create')).toBe(false);
    expect(worker.state()).toBe('absent');
  });

  test('refuses a confirmation that differs and focuses it', async () => {
    renderPopup();
    await screen.findByTestId('create-passphrase');
    type('create-passphrase', 'correct horse');
    type('create-confirm', 'correct hose');
    fireEvent.submit(input('create-confirm').form as HTMLFormElement);
    expect(screen.getByRole('alert').textContent).toBe(t('create_mismatch'));
    await waitFor(() => {
      expect(document.activeElement).toBe(input('create-confirm'));
    });
  });

  test('shows a busy state while the key is derived, then the empty account list', async () => {
    const { worker } = renderPopup();
    await screen.findByTestId('create-passphrase');
    type('create-passphrase', 'correct horse');
    type('create-confirm', 'correct horse');
    const release = worker.hold('vault/create');
    fireEvent.click(screen.getByTestId('create-submit'));
    expect((await screen.findByTestId('create-busy')).textContent).toContain(t('create_busy'));
    expect(screen.getByTestId<HTMLButtonElement>('create-submit').disabled).toBe(true);
    release();
    expect(await screen.findByTestId('empty-state')).toBeTruthy();
    expect(worker.state()).toBe('unlocked');
    expect(screen.getByTestId('lock')).toBeTruthy();
  });
});

describe('unlock', () => {
  test('a wrong passphrase shows the message, keeps the input and refocuses it; the right one opens the list', async () => {
    const { worker } = renderPopup({
      passphrase: 'right passphrase',
      accounts: [{ issuer: 'GitHub', label: 'alice' }],
    });
    await screen.findByTestId('unlock-passphrase');
    type('unlock-passphrase', 'wrong passphrase');
    fireEvent.click(screen.getByTestId('unlock-submit'));
    expect((await screen.findByRole('alert')).textContent).toBe(
      errorText('VAULT_WRONG_PASSPHRASE'),
    );
    expect(input('unlock-passphrase').value).toBe('wrong passphrase');
    await waitFor(() => {
      expect(document.activeElement).toBe(input('unlock-passphrase'));
    });
    expect(worker.state()).toBe('locked');

    type('unlock-passphrase', 'right passphrase');
    fireEvent.submit(input('unlock-passphrase').form as HTMLFormElement);
    expect(await screen.findByTestId('account-row')).toBeTruthy();
    expect(worker.state()).toBe('unlocked');
  });

  test('the lock button locks the vault and returns to the unlock screen', async () => {
    const { worker } = renderPopup({ passphrase: 'right passphrase' });
    await screen.findByTestId('unlock-passphrase');
    type('unlock-passphrase', 'right passphrase');
    fireEvent.click(screen.getByTestId('unlock-submit'));
    fireEvent.click(await screen.findByTestId('lock'));
    expect(await screen.findByTestId('unlock-passphrase')).toBeTruthy();
    expect(worker.state()).toBe('locked');
  });

  test('a request answered VAULT_LOCKED (auto-lock meanwhile) sends the user to unlock', async () => {
    const { worker } = renderPopup({ passphrase: 'right passphrase' });
    await screen.findByTestId('unlock-passphrase');
    type('unlock-passphrase', 'right passphrase');
    fireEvent.click(screen.getByTestId('unlock-submit'));
    await screen.findByTestId('empty-state');
    worker.autoLock();
    fireEvent.click(screen.getByTestId('add-account'));
    fireEvent.input(await screen.findByTestId('add-uri-input'), {
      target: { value: 'otpauth://totp/X:y?secret=JBSWY3DPEHPK3PXP' },
    });
    fireEvent.click(screen.getByTestId('add-uri-submit'));
    expect(await screen.findByTestId('unlock-passphrase')).toBeTruthy();
  });
});

describe('worker unreachable', () => {
  test('shows why and retries on request', async () => {
    renderPopup({
      passphrase: 'right passphrase',
      setup: (worker) => {
        worker.failNext('vault/status', 'NO_REPLY');
      },
    });
    expect((await screen.findByRole('alert')).textContent).toBe(errorText('NO_REPLY'));
    fireEvent.click(screen.getByTestId('retry'));
    expect(await screen.findByTestId('unlock-passphrase')).toBeTruthy();
  });
});
