import { browser } from 'wxt/browser';
import { clearClipboardInDocument, OFFSCREEN_CHANNEL } from '../../src/platform/clipboard';

// Offscreen document: exists only for the few milliseconds of a clipboard clear.
browser.runtime.onMessage.addListener((message, sender, sendResponse) => {
  const { channel, type } = (message ?? {}) as { channel?: unknown; type?: unknown };
  if (channel !== OFFSCREEN_CHANNEL || sender.id !== browser.runtime.id) return false;
  if (type === 'clear-clipboard') sendResponse(clearClipboardInDocument(document));
  return false;
});
