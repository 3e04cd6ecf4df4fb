// @vitest-environment happy-dom
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/preact';
import { afterEach, describe, expect, test, vi } from 'vitest';
import { renderOptions } from './render-options';
import { errorText, t } from './render-popup';

afterEach(() => {
  cleanup();
  vi.restoreAllMocks();
});

const PASSPHRASE = 'right passphrase';
const SECRET = 'JBSWY3DPEHPK3PXP';
const OTHER = 'KRSXG5CTMVRXEZLU';

async function openImport(extra: Parameters<typeof renderOptions>[0] = {}) {
  const harness = renderOptions({
    passphrase: PASSPHRASE,
    unlocked: true,
    accounts: [{ issuer: 'GitHub', label: 'alice' }],
    ...extra,
  });
  await screen.findByTestId('import-section');
  return harness;
}

const calls = (h: ReturnType<typeof renderOptions>, type: string) =>
  h.worker.calls.filter((c) => c.type === type).map((c) => c.payload);

function paste(text: string) {
  fireEvent.input(screen.getByTestId('import-paste'), { target: { value: text } });
  fireEvent.click(screen.getByTestId('import-paste-submit'));
}

function choose(file: File) {
  fireEvent.change(screen.getByTestId('import-file'), { target: { files: [file] } });
}

const encryptedFile = () =>
  new File(
    [
      JSON.stringify({
        fakeEncrypted: {
          password: 'open sesame',
          text: `otpauth://totp/Example:bob?secret=${OTHER}&issuer=Example`,
        },
      }),
    ],
    'aegis-backup.json',
    { type: 'application/json' },
  );

describe('import preview and confirm', () => {
  const PASTED = [
    `otpauth://totp/GitHub:alice?secret=${SECRET}&issuer=GitHub`,
    `otpauth://totp/Example:bob?secret=${OTHER}&issuer=Example&digits=8&period=60`,
    'not a link',
    'otpauth://totp/Broken:carol?issuer=Broken',
  ].join('\n');

  test('lists every entry, flags the duplicate and every warning line, and writes nothing yet', async () => {
    const h = await openImport();
    paste(PASTED);
    const preview = await screen.findByTestId('import-preview');
    const entries = within(preview).getAllByTestId('import-entry');
    expect(entries.map((e) => e.querySelector('.item-title')?.textContent)).toEqual([
      'GitHub',
      'Example',
    ]);
    expect(within(entries[0] as HTMLElement).getByTestId('import-duplicate').textContent).toBe(
      t('import_entry_duplicate'),
    );
    expect(within(entries[1] as HTMLElement).queryByTestId('import-duplicate')).toBeNull();
    expect(entries[1]?.textContent).toContain(t('import_entry_digits_period', ['8', '60']));
    expect(entries[1]?.textContent).toContain(t('manual_type_totp'));
    const warnings = within(preview).getAllByTestId('import-warning');
    expect(warnings.map((w) => w.textContent)).toEqual([
      `${t('import_warning_line', ['3'])} ${errorText('IMPORT_LINE_UNRECOGNISED')}`,
      `${t('import_warning_line', ['4'])} · otpauth://totp/Broken:carol?issuer=Broken ${errorText('OTP_SECRET_MISSING')}`,
    ]);
    expect(within(preview).getByTestId('import-confirm').textContent).toBe(t('import_confirm_one'));
    expect(h.worker.accounts()).toHaveLength(1);
    expect(calls(h, 'import/confirm')).toEqual([]);
  });

  test('confirm sends import/confirm for the preview and shows what was added and skipped', async () => {
    const h = await openImport();
    paste(PASTED);
    fireEvent.click(await screen.findByTestId('import-confirm'));
    await waitFor(() => {
      expect(screen.getByTestId('import-result').textContent).toBe(t('import_result', ['1', '1']));
    });
    expect(calls(h, 'import/confirm')).toEqual([{ previewId: 'preview-1' }]);
    expect(h.worker.accounts().map((a) => a.label)).toEqual(['alice', 'bob']);
    expect(screen.queryByTestId('import-preview')).toBeNull();
    expect(screen.getByTestId<HTMLTextAreaElement>('import-paste').value).toBe('');
  });

  test('cancel sends import/cancel, closes the preview and writes nothing', async () => {
    const h = await openImport();
    paste(PASTED);
    fireEvent.click(await screen.findByTestId('import-cancel'));
    await waitFor(() => {
      expect(screen.queryByTestId('import-preview')).toBeNull();
    });
    expect(calls(h, 'import/cancel')).toEqual([{ previewId: 'preview-1' }]);
    expect(h.worker.transfer.pending()).toBeNull();
    expect(h.worker.accounts()).toHaveLength(1);
  });

  test('a preview of nothing new cannot be confirmed', async () => {
    await openImport();
    paste(`otpauth://totp/GitHub:alice?secret=${SECRET}&issuer=GitHub`);
    const confirm = await screen.findByTestId<HTMLButtonElement>('import-confirm');
    expect(confirm.disabled).toBe(true);
    expect(screen.getByTestId('import-preview').textContent).toContain(t('import_nothing_new'));
  });

  test('an expired preview says so, disappears and adds nothing', async () => {
    const h = await openImport();
    paste(PASTED);
    h.worker.failNext('import/confirm', 'IMPORT_PREVIEW_EXPIRED', 'worker text');
    fireEvent.click(await screen.findByTestId('import-confirm'));
    expect((await screen.findByRole('alert')).textContent).toBe(
      errorText('IMPORT_PREVIEW_EXPIRED'),
    );
    expect(screen.queryByTestId('import-preview')).toBeNull();
    expect(h.worker.accounts()).toHaveLength(1);
  });
});

describe('encrypted files', () => {
  test('asks for the password, asks again after a wrong one, and keeps the file', async () => {
    const h = await openImport();
    choose(encryptedFile());
    expect((await screen.findByRole('alert')).textContent).toBe(
      errorText('IMPORT_PASSWORD_REQUIRED'),
    );
    fireEvent.input(screen.getByTestId('import-password'), { target: { value: 'wrong guess' } });
    fireEvent.click(screen.getByTestId('import-password-submit'));
    await waitFor(() => {
      expect(screen.getByRole('alert').textContent).toBe(errorText('IMPORT_WRONG_PASSWORD'));
    });
    expect(screen.getByTestId<HTMLInputElement>('import-password').value).toBe('');
    fireEvent.input(screen.getByTestId('import-password'), { target: { value: 'open sesame' } });
    fireEvent.click(screen.getByTestId('import-password-submit'));
    const preview = await screen.findByTestId('import-preview');
    expect(within(preview).getByTestId('import-entry').textContent).toContain('bob');
    expect(screen.queryByTestId('import-password')).toBeNull();
    expect(screen.queryByRole('alert')).toBeNull();

    const sent = calls(h, 'import/preview') as { source: unknown; password?: string }[];
    expect(sent.map((p) => p.password)).toEqual([undefined, 'wrong guess', 'open sesame']);
    // The same file each time: read once, never asked for again.
    expect(new Set(sent.map((p) => JSON.stringify(p.source))).size).toBe(1);
    expect(sent[0]?.source).toMatchObject({ kind: 'text' });
  });

  test('another failure drops the file and its password field', async () => {
    const h = await openImport();
    choose(encryptedFile());
    await screen.findByTestId('import-password');
    h.worker.failNext('import/preview', 'IMPORT_CORRUPT');
    fireEvent.input(screen.getByTestId('import-password'), { target: { value: 'open sesame' } });
    fireEvent.click(screen.getByTestId('import-password-submit'));
    await waitFor(() => {
      expect(screen.getByRole('alert').textContent).toBe(errorText('IMPORT_CORRUPT'));
    });
    expect(screen.queryByTestId('import-password')).toBeNull();
  });
});

describe('whole-file failures', () => {
  test('an unknown format gets its own message and no preview', async () => {
    const h = await openImport();
    paste('hello world');
    expect((await screen.findByRole('alert')).textContent).toBe(errorText('IMPORT_UNKNOWN_FORMAT'));
    expect(screen.queryByTestId('import-preview')).toBeNull();
    expect(screen.queryByTestId('import-password')).toBeNull();
    expect(h.worker.transfer.pending()).toBeNull();
  });

  test.each([
    'IMPORT_UNKNOWN_FORMAT',
    'IMPORT_ENCRYPTED_UNSUPPORTED',
    'IMPORT_CORRUPT',
    'IMPORT_EMPTY',
  ])('%s is shown in the user’s words, not the worker’s', async (code) => {
    const h = await openImport();
    h.worker.failNext('import/preview', code, 'English worker text');
    choose(new File(['{}'], 'export.json', { type: 'application/json' }));
    await waitFor(() => {
      expect(screen.getByText(errorText(code))).toBeTruthy();
    });
    expect(screen.queryByText('English worker text')).toBeNull();
    expect(h.worker.accounts()).toHaveLength(1);
  });

  test('a vault locked meanwhile sends the page back to its unlock form', async () => {
    const h = await openImport();
    h.worker.autoLock();
    paste(`otpauth://totp/Example:bob?secret=${OTHER}`);
    await screen.findByTestId('options-unlock');
    expect(screen.queryByTestId('transfer-sections')).toBeNull();
  });

  test('an empty paste is IMPORT_EMPTY', async () => {
    await openImport();
    paste('   ');
    expect((await screen.findByRole('alert')).textContent).toBe(errorText('IMPORT_EMPTY'));
  });

  test('a file that is not UTF-8 text goes to the worker as bytes', async () => {
    const h = await openImport();
    choose(new File([new Uint8Array([0xff, 0xfe, 0x00])], 'vault.bin'));
    expect((await screen.findByRole('alert')).textContent).toBe(errorText('IMPORT_UNKNOWN_FORMAT'));
    expect(calls(h, 'import/preview')).toEqual([{ source: { kind: 'bytes', base64: '//4A' } }]);
  });
});

describe('image files', () => {
  test('an image without a QR code says so and sends nothing', async () => {
    const h = await openImport();
    choose(new File([new Uint8Array([0x89, 0x50])], 'screenshot.png', { type: 'image/png' }));
    expect((await screen.findByRole('alert')).textContent).toBe(t('import_image_no_qr'));
    expect(h.files.decoded).toEqual(['screenshot.png']);
    expect(calls(h, 'import/preview')).toEqual([]);
  });

  test('an image whose QR code is not an authenticator code sends nothing', async () => {
    const h = await openImport();
    h.files.qrImages.set('menu.jpg', 'https://example.com/menu');
    choose(new File([new Uint8Array([0xff, 0xd8])], 'menu.jpg', { type: 'image/jpeg' }));
    expect((await screen.findByRole('alert')).textContent).toBe(t('import_image_not_otpauth'));
    expect(calls(h, 'import/preview')).toEqual([]);
  });

  test('a Google Authenticator export image is read in the page and sent as text', async () => {
    const h = await openImport();
    const text = `otpauth-migration://fake?uri=${encodeURIComponent(
      `otpauth://totp/Example:bob?secret=${OTHER}&issuer=Example`,
    )}`;
    h.files.qrImages.set('transfer.webp', ` ${text}\n`);
    choose(new File([new Uint8Array([1])], 'transfer.webp', { type: 'image/webp' }));
    const preview = await screen.findByTestId('import-preview');
    expect(preview.textContent).toContain(t('import_preview_format', ['Google Authenticator']));
    expect(calls(h, 'import/preview')).toEqual([{ source: { kind: 'text', text } }]);
  });

  test('a file dropped onto the section is read like a chosen one', async () => {
    const h = await openImport();
    const file = new File([`otpauth://totp/Example:bob?secret=${OTHER}`], 'codes.txt', {
      type: 'text/plain',
    });
    fireEvent.drop(screen.getByTestId('import-section'), { dataTransfer: { files: [file] } });
    await screen.findByTestId('import-preview');
    expect(calls(h, 'import/preview')).toHaveLength(1);
  });
});

describe('on the options page', () => {
  test('import and export appear only once the vault is unlocked', async () => {
    renderOptions({ passphrase: PASSPHRASE });
    await screen.findByTestId('options-unlock');
    expect(screen.queryByTestId('transfer-sections')).toBeNull();
    fireEvent.input(screen.getByTestId('unlock-passphrase'), { target: { value: PASSPHRASE } });
    fireEvent.click(screen.getByTestId('unlock-submit'));
    expect(await screen.findByTestId('transfer-sections')).toBeTruthy();
  });

  test('opened at #transfer, the page scrolls to import/export', async () => {
    const scrolled: Element[] = [];
    vi.spyOn(HTMLElement.prototype, 'scrollIntoView').mockImplementation(function (
      this: HTMLElement,
    ) {
      scrolled.push(this);
    });
    renderOptions({ passphrase: PASSPHRASE, unlocked: true }, 'transfer');
    const sections = await screen.findByTestId('transfer-sections');
    expect(sections.id).toBe('transfer');
    await waitFor(() => {
      expect(scrolled).toEqual([sections]);
    });
  });
});
