import { ActionError, type UiHandlers } from '../messaging/router';
import type { TransferReplies } from '../messaging/transfer-protocol';
import { decodeQr, type RgbaImage } from './qr';
import type { TransferService } from './transfer-service';

function fromBase64(b64: string): Uint8Array {
  const binary = atob(b64);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

async function scanForExport(
  captureTab: (tabId: number) => Promise<RgbaImage>,
  tabId: number,
): Promise<string> {
  let image: RgbaImage;
  try {
    image = await captureTab(tabId);
  } catch {
    throw new ActionError('CAPTURE_FAILED', 'Authdeck could not capture this page.');
  }
  const text = decodeQr(image)?.trim();
  if (text === undefined)
    throw new ActionError('QR_NOT_FOUND', 'No QR code was found on this page.');
  if (!/^otpauth(-migration)?:\/\//i.test(text)) {
    throw new ActionError(
      'QR_NOT_OTPAUTH',
      'The QR code on this page is not an authenticator export.',
    );
  }
  return text;
}

export function createTransferHandlers(
  t: TransferService,
  captureTab: (tabId: number) => Promise<RgbaImage>,
): Pick<UiHandlers, keyof TransferReplies> {
  return {
    'import/preview': ({ source, password }) =>
      t.preview(source.kind === 'text' ? source.text : fromBase64(source.base64), password),
    'import/scan-qr': async ({ tabId }) => t.preview(await scanForExport(captureTab, tabId)),
    'import/confirm': ({ previewId }) => t.confirm(previewId),
    'import/cancel': ({ previewId }) => t.cancel(previewId),
    'export/create': ({ format, passphrase }) => t.exportAs(format, passphrase),
  };
}
