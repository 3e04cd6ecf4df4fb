// @vitest-environment happy-dom
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/preact';
import { afterEach, describe, expect, test } from 'vitest';
import type { FakeAccountSeed } from './fake-worker';
import { renderOptions } from './render-options';
import { t } from './render-popup';

afterEach(cleanup);

const PASSPHRASE = 'right passphrase';

async function openExport(accounts: FakeAccountSeed[] = [{ issuer: 'GitHub', label: 'alice' }]) {
  const harness = renderOptions({ passphrase: PASSPHRASE, unlocked: true, accounts });
  await screen.findByTestId('export-section');
  return harness;
}

const exports = (h: ReturnType<typeof renderOptions>) =>
  h.worker.calls.filter((c) => c.type === 'export/create').map((c) => c.payload);

const fill = (testId: string, value: string) => {
  fireEvent.input(screen.getByTestId(testId), { target: { value } });
};

describe('encrypted backup', () => {
  async function openBackup() {
    const h = await openExport();
    fireEvent.click(screen.getByTestId('export-backup'));
    await screen.findByTestId('export-backup-form');
    return h;
  }
  const alertIn = () => within(screen.getByTestId('export-backup-form')).getByRole('alert');

  test('refuses a passphrase under 8 characters without asking the worker', async () => {
    const h = await openBackup();
    fill('export-passphrase', 'short');
    fill('export-passphrase-confirm', 'short');
    fireEvent.click(screen.getByTestId('export-backup-submit'));
    await waitFor(() => {
      expect(alertIn().textContent).toBe(t('create_too_short', ['8']));
    });
    expect(exports(h)).toEqual([]);
    expect(h.files.downloads).toEqual([]);
  });

  test('refuses two different passphrases without asking the worker', async () => {
    const h = await openBackup();
    fill('export-passphrase', 'long enough one');
    fill('export-passphrase-confirm', 'long enough two');
    fireEvent.click(screen.getByTestId('export-backup-submit'));
    await waitFor(() => {
      expect(alertIn().textContent).toBe(t('create_mismatch'));
    });
    expect(exports(h)).toEqual([]);
  });

  test('downloads the worker’s file under the worker’s name and clears the fields', async () => {
    const h = await openBackup();
    fill('export-passphrase', 'long enough one');
    fill('export-passphrase-confirm', 'long enough one');
    fireEvent.click(screen.getByTestId('export-backup-submit'));
    await waitFor(() => {
      expect(h.files.downloads).toHaveLength(1);
    });
    expect(exports(h)).toEqual([{ format: 'authdeck-backup', passphrase: 'long enough one' }]);
    expect(h.files.downloads[0]).toEqual({
      filename: 'authdeck-backup-2025-03-12.json',
      mimeType: 'application/json',
      text: JSON.stringify({ fake: 'authdeck-backup', passphrase: 'long enough one', accounts: 1 }),
    });
    await waitFor(() => {
      expect(screen.getByTestId('export-saved').textContent).toBe(
        t('export_saved', ['authdeck-backup-2025-03-12.json']),
      );
    });
    expect(screen.getByTestId<HTMLInputElement>('export-passphrase').value).toBe('');
    expect(screen.getByTestId<HTMLInputElement>('export-passphrase-confirm').value).toBe('');
  });
});

describe('plain exports', () => {
  test('the section warns that plain exports hold secrets in the clear', async () => {
    await openExport();
    expect(screen.getByTestId('export-warning').textContent).toBe(t('export_plain_warning'));
  });

  test.each([
    ['otpauth', 'authdeck-otpauth-2025-03-12.txt', 'text/plain'],
    ['aegis', 'aegis-export-plain-2025-03-12.json', 'application/json'],
  ])('%s downloads what the worker made', async (format, filename, mimeType) => {
    const h = await openExport();
    fireEvent.click(screen.getByTestId(`export-${format}`));
    await waitFor(() => {
      expect(h.files.downloads).toHaveLength(1);
    });
    expect(exports(h)).toEqual([{ format }]);
    expect(h.files.downloads[0]).toMatchObject({ filename, mimeType });
    expect(h.files.downloads[0]?.text).toContain('alice');
  });

  test('a failed export shows its message and downloads nothing', async () => {
    const h = await openExport();
    h.worker.failNext('export/create', 'INTERNAL', 'worker text');
    fireEvent.click(screen.getByTestId('export-otpauth'));
    expect((await screen.findByRole('alert')).textContent).toBe(t('error_INTERNAL'));
    expect(h.files.downloads).toEqual([]);
  });
});

describe('Google Authenticator QR codes', () => {
  const SECRETS = ['JBSWY3DPEHPK3PXP', 'KRSXG5CTMVRXEZLU', 'MFRGGZDFMZTWQ2LK', 'NBSWY3DPO5XXE3DE'];
  const ACCOUNTS: FakeAccountSeed[] = [
    ...SECRETS.map((secret, i) => ({ issuer: 'Example', label: `user${i + 1}`, secret })),
    { issuer: 'Steam', label: 'gamer', type: 'steam' },
    { issuer: 'Slow', label: 'minute', period: 60 },
    { issuer: 'Odd', label: 'seven', digits: 7 },
  ];

  async function openQr() {
    const h = await openExport(ACCOUNTS);
    h.worker.transfer.batchSize = 2;
    fireEvent.click(screen.getByTestId('export-google-migration'));
    await screen.findByTestId('export-qr');
    return h;
  }
  const batchShown = async (k: number, n: number) => {
    await waitFor(() => {
      expect(screen.getByTestId('export-qr-batch').textContent).toBe(
        t('export_qr_batch', [String(k), String(n)]),
      );
      expect(screen.getByTestId<HTMLImageElement>('export-qr-image').getAttribute('src')).toBe(
        `data:text/plain,${encodeURIComponent(`otpauth-migration://offline?data=batch-${k}`)}`,
      );
    });
  };
  const button = (testId: string) => screen.getByTestId<HTMLButtonElement>(testId);

  test('shows one batch at a time, with previous and next', async () => {
    const h = await openQr();
    expect(exports(h)).toEqual([{ format: 'google-migration' }]);
    await batchShown(1, 2);
    expect(button('export-qr-previous').disabled).toBe(true);
    fireEvent.click(button('export-qr-next'));
    await batchShown(2, 2);
    expect(button('export-qr-next').disabled).toBe(true);
    fireEvent.click(button('export-qr-previous'));
    await batchShown(1, 2);
    expect(h.files.downloads).toEqual([]);
  });

  test('lists the accounts left out, each with its reason', async () => {
    await openQr();
    const items = screen.getAllByTestId('export-skipped-item').map((li) => li.textContent);
    expect(items).toEqual([
      `Steam: gamer ${t('export_skipped_steam')}`,
      `Slow: minute ${t('export_skipped_period')}`,
      `Odd: seven ${t('export_skipped_digits')}`,
    ]);
  });

  test('with nothing to carry, says so instead of showing a code', async () => {
    const h = await openExport([{ issuer: 'Steam', label: 'gamer', type: 'steam' }]);
    fireEvent.click(screen.getByTestId('export-google-migration'));
    const panel = await screen.findByTestId('export-qr');
    expect(panel.textContent).toContain(t('export_qr_none'));
    expect(within(panel).queryByTestId('export-qr-image')).toBeNull();
    expect(exports(h)).toHaveLength(1);
  });

  test('hiding the codes removes them from the page', async () => {
    await openQr();
    fireEvent.click(screen.getByTestId('export-qr-close'));
    await waitFor(() => {
      expect(screen.queryByTestId('export-qr')).toBeNull();
    });
  });
});
