import { beforeEach, describe, expect, it } from 'vitest';
import { blankImage, qrImage } from './qr-image';
import { createWorkerFixture, type WorkerFixture } from './worker-fixture';

const URI = 'otpauth://totp/Shop:dana?secret=JBSWY3DPEHPK3PXP&issuer=Shop&digits=8';

describe('scan QR code on this page', () => {
  let w: WorkerFixture;
  beforeEach(async () => {
    w = createWorkerFixture();
    await w.value('vault/create', { passphrase: 'correct horse battery' });
  });

  it('adds the account encoded in an otpauth QR code on the captured page', async () => {
    w.captured.image = qrImage(URI);
    const view = await w.value('accounts/scan-qr', { tabId: 1 });
    expect(view).toMatchObject({ issuer: 'Shop', label: 'dana', digits: 8 });
  });

  it.each([
    ['a page without a QR code', blankImage(), 'QR_NOT_FOUND'],
    ['a QR code that is not otpauth', qrImage('https://example.com/menu'), 'QR_NOT_OTPAUTH'],
    [
      'an otpauth QR code with a bad secret',
      qrImage('otpauth://totp/x?secret=1111'),
      'OTP_SECRET_INVALID',
    ],
  ])('refuses %s with a specific error and adds nothing', async (_name, image, code) => {
    w.captured.image = image;
    expect(await w.send('accounts/scan-qr', { tabId: 1 })).toMatchObject({
      ok: false,
      error: { code },
    });
    expect(await w.value('accounts/list', {})).toEqual([]);
  });

  it('reports a failed capture as CAPTURE_FAILED', async () => {
    w.captured.image = null;
    expect(await w.send('accounts/scan-qr', { tabId: 1 })).toMatchObject({
      ok: false,
      error: { code: 'CAPTURE_FAILED' },
    });
  });

  it('does not capture anything while the vault is locked', async () => {
    await w.value('vault/lock', {});
    w.captured.image = qrImage(URI);
    expect(await w.send('accounts/scan-qr', { tabId: 1 })).toMatchObject({
      ok: false,
      error: { code: 'VAULT_LOCKED' },
    });
  });
});
