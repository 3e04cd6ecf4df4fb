// @vitest-environment happy-dom
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/preact';
import { afterEach, describe, expect, test } from 'vitest';
import { errorText, renderPopup, t } from './render-popup';

afterEach(cleanup);

const SECRET = 'JBSWY3DPEHPK3PXP';

async function openAdd(options: Parameters<typeof renderPopup>[0] = {}) {
  const harness = renderPopup({ passphrase: 'right passphrase', unlocked: true, ...options });
  fireEvent.click(await screen.findByTestId('add-account'));
  await screen.findByTestId('add-uri-input');
  return harness;
}

function submitUri(uri: string) {
  fireEvent.input(screen.getByTestId('add-uri-input'), { target: { value: uri } });
  fireEvent.click(screen.getByTestId('add-uri-submit'));
}

describe('add by otpauth:// link', () => {
  test('a valid link adds the account and returns to the list', async () => {
    const { worker } = await openAdd();
    submitUri(`otpauth://totp/GitHub:alice?secret=${SECRET}&issuer=GitHub`);
    const row = await screen.findByTestId('account-row');
    expect(row.textContent).toContain('GitHub');
    expect(row.textContent).toContain('alice');
    expect(worker.accounts()).toHaveLength(1);
  });

  test.each([
    ['OTP_URI_MALFORMED', 'not a link at all'],
    ['OTP_URI_TYPE', `otpauth://yotp/GitHub:alice?secret=${SECRET}`],
    ['OTP_SECRET_MISSING', 'otpauth://totp/GitHub:alice?issuer=GitHub'],
    ['OTP_SECRET_INVALID', 'otpauth://totp/GitHub:alice?secret=not-base32!'],
  ])('%s: shows its own message, keeps the input and adds nothing', async (code, uri) => {
    const { worker } = await openAdd();
    submitUri(uri);
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toBe(errorText(code));
    expect(screen.getByTestId<HTMLInputElement>('add-uri-input').value).toBe(uri);
    expect(worker.accounts()).toHaveLength(0);
  });

  test('a duplicate account is refused with its message', async () => {
    const { worker } = await openAdd({ accounts: [{ issuer: 'GitHub', label: 'alice' }] });
    submitUri(`otpauth://totp/GitHub:alice?secret=${SECRET}`);
    expect((await screen.findByRole('alert')).textContent).toBe(errorText('ACCOUNT_DUPLICATE'));
    expect(worker.accounts()).toHaveLength(1);
  });

  test('an error code the UI does not know shows the worker message', async () => {
    const { worker } = await openAdd();
    worker.failNext('accounts/add-uri', 'SOMETHING_NEW', 'The worker explains it.');
    submitUri(`otpauth://totp/GitHub:alice?secret=${SECRET}`);
    expect((await screen.findByRole('alert')).textContent).toBe('The worker explains it.');
  });
});

describe('add manually', () => {
  async function openManual() {
    const harness = await openAdd();
    fireEvent.click(screen.getByTestId('add-manual-toggle'));
    await screen.findByTestId('manual-form');
    return harness;
  }
  const fill = (testId: string, value: string) => {
    fireEvent.input(screen.getByTestId(testId), { target: { value } });
  };

  test('defaults to TOTP, SHA1, 6 digits, 30 seconds and sends them', async () => {
    const { worker } = await openManual();
    expect(screen.getByTestId<HTMLSelectElement>('manual-type').value).toBe('totp');
    expect(screen.getByTestId<HTMLSelectElement>('manual-algorithm').value).toBe('SHA1');
    expect(screen.getByTestId<HTMLInputElement>('manual-digits').value).toBe('6');
    expect(screen.getByTestId<HTMLInputElement>('manual-period').value).toBe('30');
    fill('manual-issuer', 'Example');
    fill('manual-label', ' dave ');
    fill('manual-secret', SECRET);
    fireEvent.click(screen.getByTestId('manual-submit'));
    await screen.findByTestId('account-row');
    expect(worker.calls.find((c) => c.type === 'accounts/add-manual')?.payload).toEqual({
      type: 'totp',
      issuer: 'Example',
      label: 'dave',
      secret: SECRET,
      algorithm: 'SHA1',
      digits: 6,
      period: 30,
      counter: 0,
    });
  });

  test('HOTP asks for the counter instead of the period', async () => {
    const { worker } = await openManual();
    fireEvent.change(screen.getByTestId('manual-type'), { target: { value: 'hotp' } });
    expect(screen.queryByTestId('manual-period')).toBeNull();
    fill('manual-counter', '42');
    fill('manual-secret', SECRET);
    fireEvent.click(screen.getByTestId('manual-submit'));
    await screen.findByTestId('account-row');
    expect(worker.calls.find((c) => c.type === 'accounts/add-manual')?.payload).toMatchObject({
      type: 'hotp',
      counter: 42,
    });
  });

  test('digits that are not a whole number are refused before sending', async () => {
    const { worker } = await openManual();
    fill('manual-secret', SECRET);
    fill('manual-digits', '6.5');
    fireEvent.click(screen.getByTestId('manual-submit'));
    expect((await screen.findByRole('alert')).textContent).toBe(errorText('OTP_DIGITS'));
    expect(worker.calls.some((c) => c.type === 'accounts/add-manual')).toBe(false);
  });

  test("the worker's verdict on the secret is shown and nothing is added", async () => {
    const { worker } = await openManual();
    fill('manual-secret', 'hello world 1');
    fireEvent.click(screen.getByTestId('manual-submit'));
    const form = screen.getByTestId('manual-form');
    expect((await within(form).findByRole('alert')).textContent).toBe(
      errorText('OTP_SECRET_INVALID'),
    );
    expect(worker.accounts()).toHaveLength(0);
  });
});

describe('scan a QR code on the page', () => {
  test('scans the active tab and adds what it finds', async () => {
    const { worker } = await openAdd();
    worker.qr.text = `otpauth://totp/Shop:erin?secret=${SECRET}`;
    fireEvent.click(screen.getByTestId('add-scan'));
    expect((await screen.findByTestId('account-row')).textContent).toContain('Shop');
    expect(worker.qr.scannedTabs).toEqual([7]);
  });

  test.each([
    ['QR_NOT_FOUND', null],
    ['QR_NOT_OTPAUTH', 'https://example.com/'],
  ])('%s: shows its own message', async (code, text) => {
    const { worker } = await openAdd();
    worker.qr.text = text;
    fireEvent.click(screen.getByTestId('add-scan'));
    expect((await screen.findByRole('alert')).textContent).toBe(errorText(code));
    expect(worker.accounts()).toHaveLength(0);
  });

  test('without an active tab it says so and asks the worker nothing', async () => {
    const { worker, tabId } = await openAdd();
    tabId.value = null;
    fireEvent.click(screen.getByTestId('add-scan'));
    expect((await screen.findByRole('alert')).textContent).toBe(errorText('CAPTURE_FAILED'));
    expect(worker.qr.scannedTabs).toEqual([]);
  });
});

describe('navigation', () => {
  test('Escape returns from the add screen to the list', async () => {
    await openAdd();
    fireEvent.keyDown(screen.getByTestId('add-uri-input'), { key: 'Escape' });
    await waitFor(() => {
      expect(screen.queryByTestId('add-uri-input')).toBeNull();
    });
    expect(screen.getByTestId('search')).toBeTruthy();
  });

  test('the back button returns to the list', async () => {
    await openAdd();
    fireEvent.click(screen.getByRole('button', { name: t('action_back') }));
    expect(await screen.findByTestId('search')).toBeTruthy();
  });
});
