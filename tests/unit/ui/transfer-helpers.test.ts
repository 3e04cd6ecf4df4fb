import QRCode from 'qrcode';
import { describe, expect, test } from 'vitest';
import { WorkerError } from '../../../src/messaging/client';
import { KNOWN_ERROR_CODES } from '../../../src/ui/error-message';
import {
  isImageFile,
  sourceFromBytes,
  sourceFromFile,
} from '../../../src/ui/transfer/import-source';
import { decodeQrImage, readQrFromPixels } from '../../../src/ui/transfer/qr-image';
import {
  describeTransferError,
  describeWarning,
  IMPORT_WARNING_CODES,
  TRANSFER_ERROR_CODES,
  TransferInputError,
} from '../../../src/ui/transfer/transfer-errors';
import { loadCatalog, t } from './render-popup';

const en = loadCatalog('en');

/** A QR code drawn black on white, `scale` pixels per module, with a 4-module quiet zone. */
function qrPixels(text: string, scale = 4) {
  const { modules } = QRCode.create(text, { errorCorrectionLevel: 'M' });
  const side = (modules.size + 8) * scale;
  const data = new Uint8ClampedArray(side * side * 4).fill(255);
  for (let y = 0; y < side; y++) {
    for (let x = 0; x < side; x++) {
      const row = Math.floor(y / scale) - 4;
      const col = Math.floor(x / scale) - 4;
      const inside = row >= 0 && col >= 0 && row < modules.size && col < modules.size;
      if (inside && modules.get(row, col)) data.fill(0, (y * side + x) * 4, (y * side + x) * 4 + 3);
    }
  }
  return { data, width: side, height: side };
}

describe('sourceFromBytes', () => {
  test('sends UTF-8 as text, without a byte-order mark', () => {
    const text = '{"name": "Đà Nẵng 東京"}';
    expect(sourceFromBytes(new TextEncoder().encode(`\uFEFF${text}`))).toEqual({
      kind: 'text',
      text,
    });
  });

  test('sends anything else as base64 bytes, large files included', () => {
    const bytes = new Uint8Array(100_000).map((_, i) => (i * 7 + 0x80) % 256);
    expect(sourceFromBytes(bytes)).toEqual({
      kind: 'bytes',
      base64: Buffer.from(bytes).toString('base64'),
    });
  });
});

describe('which files are images', () => {
  test.each([
    [{ name: 'shot.png', type: 'image/png' }, true],
    [{ name: 'photo', type: 'image/jpeg' }, true],
    [{ name: 'anim.GIF', type: '' }, true],
    [{ name: 'code.webp', type: '' }, true],
    [{ name: 'vector.svg', type: 'image/svg+xml' }, false],
    [{ name: 'export.json', type: 'application/json' }, false],
    [{ name: 'backup.2fas', type: '' }, false],
  ])('%o → %s', (file, image) => {
    expect(isImageFile(file)).toBe(image);
  });
});

describe('sourceFromFile', () => {
  const deps = {
    readFile: async (file: File) => new Uint8Array(await file.arrayBuffer()),
    decodeQrImage: () => Promise.resolve('otpauth://totp/A:b?secret=JBSWY3DPEHPK3PXP'),
  };

  test('refuses a file over 4 MB before reading it', async () => {
    const big = new File([new Uint8Array(4 * 1024 * 1024 + 1)], 'huge.json');
    const error = await sourceFromFile(big, deps).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TransferInputError);
    expect(describeTransferError(error, t)).toBe(t('import_too_large', ['4']));
  });

  test('reads a large image for its QR code all the same', async () => {
    const big = new File([new Uint8Array(5 * 1024 * 1024)], 'scan.png', { type: 'image/png' });
    expect(await sourceFromFile(big, deps)).toEqual({
      kind: 'text',
      text: 'otpauth://totp/A:b?secret=JBSWY3DPEHPK3PXP',
    });
  });

  test('accepts an upper-case otpauth-migration:// code', async () => {
    const file = new File([new Uint8Array(1)], 'scan.png', { type: 'image/png' });
    const text = 'OTPAUTH-MIGRATION://offline?data=CgA%3D';
    const source = await sourceFromFile(file, {
      ...deps,
      decodeQrImage: () => Promise.resolve(text),
    });
    expect(source).toEqual({ kind: 'text', text });
  });
});

describe('reading QR codes from pixels', () => {
  test('reads a Google Authenticator export code', () => {
    const uri = `otpauth-migration://offline?data=${encodeURIComponent('CjEKCkhlbGxvId6tvu8SGEV4YW1wbGU6YWxpY2VAZ29vZ2xlLmNvbRoHRXhhbXBsZSABKAEwAhABGAEgACjr4JKl')}`;
    expect(readQrFromPixels(qrPixels(uri))).toBe(uri);
  });

  test('reads a light-on-dark code', () => {
    const image = qrPixels('otpauth://totp/A:b?secret=JBSWY3DPEHPK3PXP');
    for (let i = 0; i < image.data.length; i += 4) {
      for (let c = 0; c < 3; c++) image.data[i + c] = 255 - (image.data[i + c] ?? 0);
    }
    expect(readQrFromPixels(image)).toBe('otpauth://totp/A:b?secret=JBSWY3DPEHPK3PXP');
  });

  test('finds nothing in a blank image', () => {
    const data = new Uint8ClampedArray(64 * 64 * 4).fill(255);
    expect(readQrFromPixels({ data, width: 64, height: 64 })).toBeNull();
  });

  test('a file the browser cannot decode as an image holds no QR code', async () => {
    const broken = () => Promise.reject(new DOMException('bad image', 'InvalidStateError'));
    expect(await decodeQrImage(new Blob(['not an image']), broken)).toBeNull();
  });
});

describe('transfer messages', () => {
  test('every import error and warning code has its own English message', () => {
    const codes = [...TRANSFER_ERROR_CODES, ...IMPORT_WARNING_CODES, ...KNOWN_ERROR_CODES];
    const messages = codes.map((code) => en[`error_${code}`]?.message);
    expect(codes.filter((_, i) => messages[i] === undefined)).toEqual([]);
    expect(new Set(messages).size).toBe(codes.length);
  });

  test('a worker error is shown by its code, an unknown one by the worker’s text', () => {
    const known = new WorkerError('IMPORT_WRONG_PASSWORD', 'Wrong password.');
    expect(describeTransferError(known, t)).toBe(t('error_IMPORT_WRONG_PASSWORD'));
    const shared = new WorkerError('VAULT_LOCKED', 'Locked.');
    expect(describeTransferError(shared, t)).toBe(t('error_VAULT_LOCKED'));
    expect(describeTransferError(new WorkerError('IMPORT_NEW', 'New words.'), t)).toBe(
      'New words.',
    );
  });

  test('a warning is shown by its code, an unknown one by its message', () => {
    expect(describeWarning({ code: 'IMPORT_ENTRY_ENCRYPTED', message: 'x' }, t)).toBe(
      t('error_IMPORT_ENTRY_ENCRYPTED'),
    );
    expect(describeWarning({ code: 'OTP_PERIOD', message: 'x' }, t)).toBe(t('error_OTP_PERIOD'));
    expect(describeWarning({ code: 'IMPORT_SOMETHING', message: 'As written.' }, t)).toBe(
      'As written.',
    );
  });
});
