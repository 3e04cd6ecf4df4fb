/**
 * Turns what the user handed the import section into an `import/preview` source. The worker
 * tells the formats apart (src/otp/import/index.ts); the page only decides text or bytes and
 * reads QR codes out of images, because the worker has no canvas to decode them with.
 */
import type * as v from 'valibot';
import type { transferSchemas } from '../../messaging/transfer-protocol';
import type { TransferPageDeps } from './transfer-deps';
import { TransferInputError } from './transfer-errors';

export type ImportSource = v.InferOutput<(typeof transferSchemas)['import/preview']>['source'];

/** Far above any authenticator export, and within the message schema's 4 Mi characters. */
export const MAX_IMPORT_MEGABYTES = 4;
const MAX_IMPORT_BYTES = MAX_IMPORT_MEGABYTES * 1024 * 1024;
const IMAGE_TYPE = /^image\/(png|jpeg|gif|webp)$/;
const IMAGE_NAME = /\.(png|jpe?g|gif|webp)$/i;
const EXPORT_URI = /^otpauth(-migration)?:\/\//i;

export function isImageFile(file: Pick<File, 'name' | 'type'>): boolean {
  return IMAGE_TYPE.test(file.type) || (file.type === '' && IMAGE_NAME.test(file.name));
}

function toBase64(bytes: Uint8Array): string {
  let binary = '';
  // In slices: spreading megabytes into one call overflows the argument stack.
  for (let i = 0; i < bytes.length; i += 0x8000) {
    binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  }
  return btoa(binary);
}

/** UTF-8 text goes as text (every supported format is); anything else as bytes, for the worker to refuse precisely. */
export function sourceFromBytes(bytes: Uint8Array): ImportSource {
  try {
    return { kind: 'text', text: new TextDecoder('utf-8', { fatal: true }).decode(bytes) };
  } catch (error) {
    if (!(error instanceof TypeError)) throw error;
    return { kind: 'bytes', base64: toBase64(bytes) };
  }
}

/** A Google Authenticator export screenshot, or any otpauth:// QR code saved as an image. */
async function sourceFromImage(
  file: File,
  decodeQrImage: TransferPageDeps['decodeQrImage'],
): Promise<ImportSource> {
  const text = (await decodeQrImage(file))?.trim() ?? '';
  if (text === '') throw new TransferInputError('QR_NOT_FOUND', 'import_image_no_qr');
  if (!EXPORT_URI.test(text)) {
    throw new TransferInputError('QR_NOT_OTPAUTH', 'import_image_not_otpauth');
  }
  return { kind: 'text', text };
}

export async function sourceFromFile(
  file: File,
  deps: Pick<TransferPageDeps, 'readFile' | 'decodeQrImage'>,
): Promise<ImportSource> {
  if (isImageFile(file)) return sourceFromImage(file, deps.decodeQrImage);
  if (file.size > MAX_IMPORT_BYTES) {
    throw new TransferInputError('IMPORT_TOO_LARGE', 'import_too_large', [
      String(MAX_IMPORT_MEGABYTES),
    ]);
  }
  return sourceFromBytes(await deps.readFile(file));
}
