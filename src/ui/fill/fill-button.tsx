/**
 * "Fill" on an account row (issue 5 §2, §3). The click is the trusted gesture: the worker
 * injects the code into the tab the popup was opened over, into the document the popup saw.
 * An account not yet bound to the site asks first ("Bind this account to <origin>?"), asks the
 * browser for the site's host permission (for the inline button on later visits; filling now
 * works without it through activeTab), binds, then fills. When nothing could be filled, the
 * code is offered for copying instead.
 *
 *   idle ──click──▶ bound? ──yes──▶ filling ──▶ filled | not filled (+ copy)
 *                     └─no──▶ confirm ──Bind and fill──▶ binding ──▶ filling …
 */
import { useState } from 'preact/hooks';
import type { AccountView } from '../../messaging/protocol';
import type { FillContextView, FillOutcomeView } from '../../messaging/fill-protocol';
import { matchPatternOf } from '../../messaging/origin-match';
import { useUi } from '../context';
import { useAction } from '../hooks/use-action';
import { useCopy } from '../hooks/use-copy';
import { fillErrorKey, fillTextKey } from './fill-text';

export interface FillButtonProps {
  account: AccountView;
  /** The live code, for the copy fallback; null for HOTP before "next". */
  code: string | null;
  context: FillContextView;
  /** A name for screen readers ("GitHub (alice)"). */
  name: string;
  onBound: () => void;
}

export function FillButton({ account, code, context, name, onBound }: FillButtonProps) {
  const { send, t, requestSiteAccess } = useUi();
  const [confirming, setConfirming] = useState(false);
  const [wide, setWide] = useState(false);
  const [outcome, setOutcome] = useState<FillOutcomeView | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const copy = useCopy();
  const origin = context.origin ?? '';
  const bound = context.boundAccountIds.includes(account.id);

  const fill = useAction(async (bind: boolean) => {
    setFailure(null);
    setOutcome(null);
    if (bind) {
      const pattern = matchPatternOf({ origin, baseDomain: wide });
      // First await of the click: the permission prompt needs the gesture. Refusing it still
      // binds; only the inline button on later visits needs the permission.
      if (pattern !== null) await requestSiteAccess?.([pattern]).catch(() => false);
      await send('sites/bind', { accountId: account.id, origin, baseDomain: wide });
      setConfirming(false);
      onBound();
    }
    try {
      const tabId = context.tabId;
      setOutcome(
        await send('fill/code', { tabId, accountId: account.id, documentId: context.documentId }),
      );
    } catch (caught) {
      setFailure(t(fillErrorKey(caught)));
    }
  });

  if (context.origin === null || !context.secure) return null;
  const notFilled =
    failure ??
    (outcome !== null && outcome.status !== 'filled' ? t(fillTextKey(outcome.code)) : null);
  return (
    <div class="fill-control">
      {confirming ? (
        <div class="confirm stack" data-testid="bind-confirm">
          <p>{t('list_fill_bind_prompt', [origin])}</p>
          {context.baseDomain !== null ? (
            <label class="check">
              <input
                type="checkbox"
                data-testid="bind-subdomains"
                checked={wide}
                onChange={(e) => {
                  setWide(e.currentTarget.checked);
                }}
              />
              {t('list_fill_bind_subdomains', [context.baseDomain])}
            </label>
          ) : null}
          <div class="button-row">
            <button
              type="button"
              class="primary"
              data-testid="bind-and-fill"
              disabled={fill.busy}
              onClick={() => void fill.run(true)}
            >
              {t('list_fill_bind_and_fill')}
            </button>
            <button
              type="button"
              onClick={() => {
                setConfirming(false);
              }}
            >
              {t('list_fill_not_now')}
            </button>
          </div>
        </div>
      ) : (
        <button
          type="button"
          data-nav
          data-testid="fill-code"
          disabled={fill.busy}
          aria-label={t('list_fill_for', [name])}
          onClick={() => {
            if (bound) void fill.run(false);
            else setConfirming(true);
          }}
        >
          {t('list_fill')}
        </button>
      )}
      <span role="status" data-testid="fill-status">
        {outcome?.status === 'filled' ? t('list_fill_filled') : ''}
      </span>
      {notFilled !== null || fill.error !== null ? (
        <div class="warning" data-testid="fill-refused">
          <span>{notFilled ?? fill.error?.text}</span>
          {code !== null ? (
            <button
              type="button"
              class="link-button"
              data-testid="fill-copy-instead"
              onClick={() => void copy.run(code)}
            >
              {copy.copied ? t('list_copied') : t('list_fill_copy_instead')}
            </button>
          ) : null}
        </div>
      ) : null}
    </div>
  );
}
