import { browser } from 'wxt/browser';
import type { RgbaImage } from '../worker/qr';

/**
 * Screenshot of the tab the user opened the popup on. activeTab grants this for that tab only,
 * after the user's click on the toolbar button; no host permission is involved.
 */
export async function captureTabImage(tabId: number): Promise<RgbaImage> {
  const tab = await browser.tabs.get(tabId);
  const dataUrl = await browser.tabs.captureVisibleTab(tab.windowId, { format: 'png' });
  const bitmap = await createImageBitmap(await (await fetch(dataUrl)).blob());
  const canvas = new OffscreenCanvas(bitmap.width, bitmap.height);
  const context = canvas.getContext('2d');
  if (!context) throw new Error('2D canvas unavailable');
  context.drawImage(bitmap, 0, 0);
  const { data, width, height } = context.getImageData(0, 0, bitmap.width, bitmap.height);
  bitmap.close();
  return { data, width, height };
}
