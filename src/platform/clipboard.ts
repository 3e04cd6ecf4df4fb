/**
 * Clearing the clipboard after a copy. A Chrome MV3 worker has no DOM, so the clear runs in
 * an offscreen document (reason CLIPBOARD); Firefox's background page has a DOM of its own.
 */
import { browser } from 'wxt/browser';

export const OFFSCREEN_CHANNEL = 'authdeck/offscreen';
const OFFSCREEN_PATH = '/offscreen.html';

/** Replaces the clipboard's text with the empty string through a copy event. */
export function clearClipboardInDocument(doc: Document): boolean {
  const onCopy = (event: ClipboardEvent) => {
    event.clipboardData?.setData('text/plain', '');
    event.preventDefault();
  };
  doc.addEventListener('copy', onCopy);
  try {
    // eslint-disable-next-line @typescript-eslint/no-deprecated -- the only clipboard write an unfocused document can do
    return doc.execCommand('copy');
  } finally {
    doc.removeEventListener('copy', onCopy);
  }
}

export async function clearClipboard(): Promise<void> {
  if (typeof document !== 'undefined') {
    clearClipboardInDocument(document);
    return;
  }
  const contexts = await browser.runtime.getContexts({
    contextTypes: ['OFFSCREEN_DOCUMENT'],
  });
  if (contexts.length === 0) {
    await browser.offscreen.createDocument({
      url: browser.runtime.getURL(OFFSCREEN_PATH),
      reasons: ['CLIPBOARD'],
      justification: 'Clear a copied one-time code from the clipboard after a delay.',
    });
  }
  await browser.runtime.sendMessage({ channel: OFFSCREEN_CHANNEL, type: 'clear-clipboard' });
  await browser.offscreen.closeDocument();
}
