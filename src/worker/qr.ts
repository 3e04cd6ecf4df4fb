import jsQR from 'jsqr';
import { parseOtpauthUri } from '../otp';
import type { OtpAccount } from '../otp/types';
import { ActionError } from '../messaging/router';

export interface RgbaImage {
  data: Uint8ClampedArray;
  width: number;
  height: number;
}

/** The text of the first QR code in the image, or null when there is none. */
export function decodeQr(image: RgbaImage): string | null {
  const found = jsQR(image.data, image.width, image.height, { inversionAttempts: 'attemptBoth' });
  return found ? found.data : null;
}

/** Scans an image for an otpauth:// QR code and parses it; precise errors for the UI. */
export function accountFromQrImage(image: RgbaImage): OtpAccount {
  const text = decodeQr(image);
  if (text === null) {
    throw new ActionError('QR_NOT_FOUND', 'No QR code was found on this page.');
  }
  if (!/^otpauth:\/\//i.test(text.trim())) {
    throw new ActionError(
      'QR_NOT_OTPAUTH',
      'The QR code on this page is not an authenticator code.',
    );
  }
  return parseOtpauthUri(text.trim());
}
