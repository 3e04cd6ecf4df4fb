// @vitest-environment happy-dom
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/preact';
import { afterEach, describe, expect, test } from 'vitest';
import { errorText, renderPopup, t } from './render-popup';

afterEach(cleanup);

const SECRET = 'JBSWY3DPEHPK3PXP';
const OTHER = 'KRSXG5CTMVRXEZLU';
const googleExport = (...uris: string[]) =>
  `otpauth-migration://fake?${uris.map((u) => `uri=${encodeURIComponent(u)}`).join('&')}`;

async function openAdd() {
  const harness = renderPopup({
    passphrase: 'right passphrase',
    unlocked: true,
    accounts: [{ issuer: 'GitHub', label: 'alice' }],
  });
  fireEvent.click(await screen.findByTestId('add-account'));
  await screen.findByTestId('import-scan');
  return harness;
}

const sent = (h: ReturnType<typeof renderPopup>, type: string) =>
  h.worker.calls.filter((c) => c.type === type).map((c) => c.payload);

describe('import from a QR code on the tab', () => {
  test('previews the export in the popup and imports it on confirm', async () => {
    const h = await openAdd();
    h.worker.qr.text = googleExport(
      `otpauth://totp/GitHub:alice?secret=${SECRET}&issuer=GitHub`,
      `otpauth://totp/Example:bob?secret=${OTHER}&issuer=Example`,
    );
    fireEvent.click(screen.getByTestId('import-scan'));
    const preview = await screen.findByTestId('import-preview');
    expect(sent(h, 'import/scan-qr')).toEqual([{ tabId: 7 }]);
    const entries = within(preview).getAllByTestId('import-entry');
    expect(entries).toHaveLength(2);
    expect(within(entries[0] as HTMLElement).queryByTestId('import-duplicate')).not.toBeNull();
    expect(h.worker.accounts()).toHaveLength(1);

    fireEvent.click(within(preview).getByTestId('import-confirm'));
    await waitFor(() => {
      expect(screen.getByTestId('import-result').textContent).toBe(t('import_result', ['1', '1']));
    });
    expect(sent(h, 'import/confirm')).toEqual([{ previewId: 'preview-1' }]);
    fireEvent.click(screen.getByTestId('import-done'));
    const rows = await screen.findAllByTestId('account-row');
    expect(rows.map((r) => r.textContent)).toEqual([
      expect.stringContaining('alice'),
      expect.stringContaining('bob'),
    ]);
  });

  test('cancel sends import/cancel and adds nothing', async () => {
    const h = await openAdd();
    h.worker.qr.text = googleExport(`otpauth://totp/Example:bob?secret=${OTHER}`);
    fireEvent.click(screen.getByTestId('import-scan'));
    fireEvent.click(await screen.findByTestId('import-cancel'));
    await screen.findByTestId('import-scan');
    expect(sent(h, 'import/cancel')).toEqual([{ previewId: 'preview-1' }]);
    expect(h.worker.accounts()).toHaveLength(1);
  });

  test('leaving the view with a preview open ends it in the worker', async () => {
    const h = await openAdd();
    h.worker.qr.text = googleExport(`otpauth://totp/Example:bob?secret=${OTHER}`);
    fireEvent.click(screen.getByTestId('import-scan'));
    await screen.findByTestId('import-preview');
    fireEvent.click(screen.getByTestId('back'));
    await waitFor(() => {
      expect(sent(h, 'import/cancel')).toEqual([{ previewId: 'preview-1' }]);
    });
    expect(h.worker.transfer.pending()).toBeNull();
  });

  test.each([
    ['QR_NOT_FOUND', null],
    ['QR_NOT_OTPAUTH', 'https://example.com'],
  ])('%s: says so and shows no preview', async (code, text) => {
    const h = await openAdd();
    h.worker.qr.text = text;
    fireEvent.click(screen.getByTestId('import-scan'));
    expect((await screen.findByRole('alert')).textContent).toBe(errorText(code));
    expect(screen.queryByTestId('import-preview')).toBeNull();
    expect(h.worker.transfer.pending()).toBeNull();
  });

  test('without a tab to scan, asks nothing of the worker', async () => {
    const h = await openAdd();
    h.tabId.value = null;
    fireEvent.click(screen.getByTestId('import-scan'));
    expect((await screen.findByRole('alert')).textContent).toBe(errorText('CAPTURE_FAILED'));
    expect(sent(h, 'import/scan-qr')).toEqual([]);
  });
});

test('settings link to the options page’s import/export section', async () => {
  const h = renderPopup({ passphrase: 'right passphrase', unlocked: true });
  fireEvent.click(await screen.findByTestId('settings'));
  fireEvent.click(await screen.findByTestId('open-transfer'));
  fireEvent.click(screen.getByTestId('open-options'));
  expect(h.optionsOpened.sections).toEqual(['transfer', undefined]);
});
