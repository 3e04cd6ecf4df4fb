/**
 * An account's backup codes: paste to add, copy the next unused one (the worker marks it used
 * as it hands it out), and an explicit reveal that lists them all — the only time codes leave
 * the worker (protocol.ts header).
 */
import { useState } from 'preact/hooks';
import type { AccountView, BackupAddResult } from '../../messaging/protocol';
import { ErrorText } from '../components/error-text';
import { Field } from '../components/field';
import { useUi } from '../context';
import { useAction } from '../hooks/use-action';
import { useCopy } from '../hooks/use-copy';
import { BackupCodeList } from './backup-code-list';

/** Warn when this many or fewer unused codes are left (issue §7). */
export const LOW_BACKUP_THRESHOLD = 2;

export interface BackupCounts {
  total: number;
  remaining: number;
}

export interface BackupCodesPanelProps {
  account: AccountView;
}

function AddSummary({ result }: { result: BackupAddResult }) {
  const { t } = useUi();
  return (
    <div class="stack" role="status" data-testid="backup-add-summary">
      <p>
        {t('backup_added', [String(result.added)])}{' '}
        {result.duplicates > 0 ? t('backup_duplicates', [String(result.duplicates)]) : ''}
      </p>
      {result.rejected.length > 0 ? (
        <ul class="rejected" aria-label={t('backup_rejected')}>
          {result.rejected.map((r) => (
            <li key={r.line}>{t('backup_rejected_line', [String(r.line), r.text, r.reason])}</li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}

function CountLine({ counts }: { counts: BackupCounts }) {
  const { t } = useUi();
  if (counts.total === 0) return <p data-testid="backup-count">{t('backup_none')}</p>;
  const low = counts.remaining <= LOW_BACKUP_THRESHOLD;
  return (
    <p class={low ? 'warning' : undefined}>
      <span data-testid="backup-count">
        {t('backup_remaining', [String(counts.remaining), String(counts.total)])}
      </span>
      {low ? (
        <strong data-testid="backup-low">
          {' '}
          {counts.remaining === 0 ? t('backup_empty_warning') : t('backup_low_warning')}
        </strong>
      ) : null}
    </p>
  );
}

export function BackupCodesPanel({ account }: BackupCodesPanelProps) {
  const { send, t } = useUi();
  const [counts, setCounts] = useState<BackupCounts>(account.backup);
  const [text, setText] = useState('');
  const [result, setResult] = useState<BackupAddResult | null>(null);
  const [taken, setTaken] = useState<string | null>(null);
  const [listVersion, setListVersion] = useState(0);
  const copy = useCopy();

  const add = useAction(async () => {
    const added = await send('backup/add', { id: account.id, text });
    setResult(added);
    setCounts((c) => ({ total: c.total + added.added, remaining: added.remaining }));
    setText('');
    setListVersion((v) => v + 1);
  });
  const take = useAction(async () => {
    const next = await send('backup/take-next', { id: account.id });
    setCounts((c) => ({ ...c, remaining: next.remaining }));
    setListVersion((v) => v + 1);
    // Already marked used: if the clipboard refuses, the code must still reach the user.
    setTaken((await copy.run(next.code)) ? null : next.code);
  });

  return (
    <section class="stack card" aria-labelledby="backup-title">
      <h3 id="backup-title">{t('backup_title')}</h3>
      <CountLine counts={counts} />
      <button
        type="button"
        class="primary"
        data-testid="backup-take-next"
        disabled={counts.remaining === 0 || take.busy}
        onClick={() => void take.run()}
      >
        {copy.copied ? t('list_copied') : t('backup_take_next')}
      </button>
      <span class="visually-hidden" role="status">
        {copy.copied ? t('list_copied') : ''}
      </span>
      <ErrorText text={take.error?.text ?? copy.error?.text} />
      {taken === null ? null : (
        <p data-testid="backup-taken">{t('backup_copy_by_hand', [taken])}</p>
      )}
      <BackupCodeList
        accountId={account.id}
        version={listVersion}
        onRemaining={(remaining) => {
          setCounts((c) => ({ ...c, remaining }));
        }}
      />
      <form
        class="stack"
        aria-busy={add.busy}
        onSubmit={(event) => {
          event.preventDefault();
          void add.run();
        }}
      >
        <Field label={t('backup_paste_label')}>
          <textarea
            data-testid="backup-paste"
            rows={4}
            class="mono"
            spellcheck={false}
            value={text}
            readOnly={add.busy}
            onInput={(e) => {
              setText(e.currentTarget.value);
            }}
            onKeyDown={(e) => {
              // Enter is a new line here; Ctrl/⌘+Enter submits like Enter does elsewhere.
              if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
                e.preventDefault();
                void add.run();
              }
            }}
          />
        </Field>
        <ErrorText text={add.error?.text} />
        <button type="submit" data-testid="backup-add" disabled={add.busy || text.trim() === ''}>
          {t('backup_add')}
        </button>
        {result === null ? null : <AddSummary result={result} />}
      </form>
    </section>
  );
}
