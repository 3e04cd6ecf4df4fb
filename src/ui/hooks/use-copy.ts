/**
 * Copy a secret-ish value: write it to the clipboard, then tell the worker so it clears the
 * clipboard after the configured delay (protocol `clipboard/copied`). `copied` stays true for
 * a moment so the button can say "Copied".
 */
import { useEffect, useState } from 'preact/hooks';
import { useUi } from '../context';
import { UiInputError } from '../error-message';
import { useAction, type Action } from './use-action';

export const COPIED_FEEDBACK_MS = 1500;

export interface Copy extends Action<[string]> {
  copied: boolean;
}

export function useCopy(): Copy {
  const { send, copyText } = useUi();
  const [copied, setCopied] = useState(0);
  const action = useAction(async (text: string) => {
    try {
      await copyText(text);
    } catch {
      // The clipboard API rejects without a useful code (no focus, no permission).
      throw new UiInputError('COPY_FAILED');
    }
    setCopied((n) => n + 1);
    await send('clipboard/copied', {});
  });
  useEffect(() => {
    if (copied === 0) return undefined;
    const timer = setTimeout(() => {
      setCopied(0);
    }, COPIED_FEEDBACK_MS);
    return () => {
      clearTimeout(timer);
    };
  }, [copied]);
  return { ...action, copied: copied > 0 };
}
