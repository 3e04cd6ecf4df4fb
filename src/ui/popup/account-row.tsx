import type { ComponentChildren } from 'preact';
import type { AccountView, CodeView } from '../../messaging/protocol';
import { Countdown } from '../components/countdown';
import { ErrorText } from '../components/error-text';
import { useUi } from '../context';
import { accountSubtitle, accountTitle, formatCode } from '../format-code';
import { useAction } from '../hooks/use-action';
import { useCopy } from '../hooks/use-copy';

export interface AccountRowProps {
  account: AccountView;
  code: CodeView | undefined;
  now: number;
  onOpen: (account: AccountView) => void;
  onNextHotp: (id: string) => Promise<void>;
  /** Fill controls for the current site (src/ui/fill), when the popup has a tab. */
  fill?: (props: { code: string | null; name: string }) => ComponentChildren;
}

/** One account: name, live code, countdown, and its actions (each a `[data-nav]` column). */
export function AccountRow({ account, code, now, onOpen, onNextHotp, fill }: AccountRowProps) {
  const { t } = useUi();
  const copy = useCopy();
  const next = useAction(() => onNextHotp(account.id));
  const title = accountTitle(account);
  const subtitle = accountSubtitle(account);
  const value = code?.code ?? null;
  const name = subtitle === '' ? title : `${title} (${subtitle})`;

  return (
    <li class="account-row" data-row data-testid="account-row" data-account-id={account.id}>
      <div class="account-name">
        <span class="account-issuer">{title}</span>
        {subtitle === '' ? null : <span class="account-label">{subtitle}</span>}
      </div>
      <div class="account-code-line">
        <span class="account-code" data-testid="account-code">
          {value === null ? t('list_no_code') : formatCode(value)}
        </span>
        {code !== undefined && code.validFrom !== null && code.validUntil !== null ? (
          <Countdown now={now} validFrom={code.validFrom} validUntil={code.validUntil} />
        ) : null}
      </div>
      <div class="row-actions">
        {fill?.({ code: value, name })}
        {account.type === 'hotp' ? (
          <button
            type="button"
            data-nav
            data-testid="hotp-next"
            disabled={next.busy}
            aria-label={t('list_next_code_for', [name])}
            onClick={() => void next.run()}
          >
            {t('list_next_code')}
          </button>
        ) : null}
        <button
          type="button"
          data-nav
          data-testid="copy-code"
          class="primary"
          disabled={value === null || copy.busy}
          aria-label={t('list_copy_for', [name])}
          onClick={() => {
            if (value !== null) void copy.run(value);
          }}
        >
          {copy.copied ? t('list_copied') : t('list_copy')}
        </button>
        <button
          type="button"
          data-nav
          data-testid="account-details"
          aria-label={t('list_details_for', [name])}
          onClick={() => {
            onOpen(account);
          }}
        >
          {t('list_details')}
        </button>
      </div>
      <span class="visually-hidden" role="status">
        {copy.copied ? t('list_copied') : ''}
      </span>
      <ErrorText text={copy.error?.text ?? next.error?.text} />
    </li>
  );
}
