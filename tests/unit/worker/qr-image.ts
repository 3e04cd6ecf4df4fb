import QRCode from 'qrcode';
import type { RgbaImage } from '../../../src/worker/qr';

/** Renders `text` as a black-on-white QR code with a quiet zone, the way a page would show it. */
export function qrImage(text: string, scale = 4, margin = 4): RgbaImage {
  const { modules } = QRCode.create(text, { errorCorrectionLevel: 'M' });
  const size = (modules.size + margin * 2) * scale;
  const data = new Uint8ClampedArray(size * size * 4).fill(255);
  for (let y = 0; y < modules.size; y++) {
    for (let x = 0; x < modules.size; x++) {
      if (!modules.get(y, x)) continue;
      for (let dy = 0; dy < scale; dy++) {
        for (let dx = 0; dx < scale; dx++) {
          const offset = (((y + margin) * scale + dy) * size + (x + margin) * scale + dx) * 4;
          data.fill(0, offset, offset + 3);
        }
      }
    }
  }
  return { data, width: size, height: size };
}

export function blankImage(width = 200, height = 120): RgbaImage {
  return { data: new Uint8ClampedArray(width * height * 4).fill(255), width, height };
}
