/**
 * The options page's TransferPageDeps over real browser APIs; entrypoints/options/main.tsx wires
 * them in, tests pass fakes. Kept out of the components so they never touch `document`.
 */
import { toDataURL } from 'qrcode';
import type { TransferPageDeps } from './transfer-deps';

export { decodeQrImage } from './qr-image';

export async function readFileBytes(file: File): Promise<Uint8Array> {
  return new Uint8Array(await file.arrayBuffer());
}

/** Long enough for the browser to start reading the Blob; short, since it may hold secrets. */
const REVOKE_AFTER_MS = 5_000;

export function createTextDownloader(doc: Document = document): TransferPageDeps['download'] {
  return (filename, mimeType, text) => {
    const url = URL.createObjectURL(new Blob([text], { type: mimeType }));
    const link = doc.createElement('a');
    link.href = url;
    link.download = filename;
    doc.body.append(link);
    link.click();
    link.remove();
    setTimeout(() => {
      URL.revokeObjectURL(url);
    }, REVOKE_AFTER_MS);
  };
}

/**
 * Google Authenticator reads ten-account codes (~100 modules) from a screen at this size; the
 * quiet zone is the 4 modules ISO/IEC 18004 §7.3.7 asks for.
 */
export function renderQrDataUrl(text: string): Promise<string> {
  return toDataURL(text, { errorCorrectionLevel: 'M', margin: 4, width: 400 });
}
