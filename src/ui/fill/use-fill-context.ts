/**
 * The tab the popup was opened over, as the worker sees it (`fill/context`). Only a
 * convenience for the codes list: when there is no tab, or the worker cannot tell, the list
 * simply shows no fill controls.
 */
import { useCallback, useEffect, useState } from 'preact/hooks';
import type { FillContextView } from '../../messaging/fill-protocol';
import { useUi } from '../context';

export interface FillContextState {
  context: FillContextView | null;
  reload: () => void;
}

export function useFillContext(): FillContextState {
  const { send, activeTabId } = useUi();
  const [context, setContext] = useState<FillContextView | null>(null);
  const reload = useCallback(() => {
    void (async () => {
      try {
        const tabId = await activeTabId();
        setContext(tabId === null ? null : await send('fill/context', { tabId }));
      } catch {
        setContext(null);
      }
    })();
  }, [send, activeTabId]);
  useEffect(reload, [reload]);
  return { context, reload };
}
