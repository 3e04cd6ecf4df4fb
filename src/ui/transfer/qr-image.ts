/**
 * Reads the QR code out of an image file in the page: Google Authenticator's "Transfer
 * accounts" screen photographed or screenshotted, or any saved otpauth:// code. The worker's
 * own decoder (src/worker/qr.ts) needs a captured tab; a file never reaches it as pixels.
 */
import jsQR from 'jsqr';

export interface RgbaPixels {
  data: Uint8ClampedArray;
  width: number;
  height: number;
}

/**
 * Enough for the densest export QR code (ten accounts, ~100 modules) with several pixels per
 * module, while a 48-megapixel photo does not need 200 MB of canvas.
 */
const MAX_SIDE = 2048;

/** The text of the first QR code in the pixels, dark-on-light or inverted, or null. */
export function readQrFromPixels(image: RgbaPixels): string | null {
  const found = jsQR(image.data, image.width, image.height, { inversionAttempts: 'attemptBoth' });
  return found === null ? null : found.data;
}

function drawScaled(bitmap: ImageBitmap): RgbaPixels | null {
  const scale = Math.min(1, MAX_SIDE / Math.max(bitmap.width, bitmap.height));
  const width = Math.max(1, Math.round(bitmap.width * scale));
  const height = Math.max(1, Math.round(bitmap.height * scale));
  const context = new OffscreenCanvas(width, height).getContext('2d');
  if (context === null) return null;
  // White under the image: a transparent PNG's empty pixels would otherwise read as black.
  context.fillStyle = '#ffffff';
  context.fillRect(0, 0, width, height);
  context.drawImage(bitmap, 0, 0, width, height);
  return { data: context.getImageData(0, 0, width, height).data, width, height };
}

/** null when the file holds no readable QR code, including when it is not a decodable image. */
export async function decodeQrImage(
  file: Blob,
  createBitmap: (image: Blob) => Promise<ImageBitmap> = (image) => createImageBitmap(image),
): Promise<string | null> {
  let bitmap: ImageBitmap;
  try {
    bitmap = await createBitmap(file);
  } catch (error) {
    // createImageBitmap rejects a broken or unsupported image with InvalidStateError.
    if (error instanceof DOMException) return null;
    throw error;
  }
  try {
    const pixels = drawScaled(bitmap);
    return pixels === null ? null : readQrFromPixels(pixels);
  } finally {
    bitmap.close();
  }
}
