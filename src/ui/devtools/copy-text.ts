/**
 * Clipboard writes from the panel. Inside DevTools the panel is a frame whose permissions policy
 * may refuse the async clipboard API, so a refusal falls back to a selected textarea and the
 * `copy` command, which an extension with `clipboardWrite` may run.
 */
export function createPanelCopy(
  doc: Document = document,
  clipboard: Pick<Clipboard, 'writeText'> = navigator.clipboard,
): (text: string) => Promise<void> {
  return async (text) => {
    try {
      await clipboard.writeText(text);
    } catch (error) {
      const area = doc.createElement('textarea');
      area.value = text;
      area.setAttribute('readonly', '');
      area.style.position = 'fixed';
      area.style.opacity = '0';
      doc.body.append(area);
      area.select();
      // eslint-disable-next-line @typescript-eslint/no-deprecated -- the one copy path left to a frame without clipboard-write
      const copied = doc.execCommand('copy');
      area.remove();
      if (!copied) throw error;
    }
  };
}
