/** The "Reveal" part of the backup panel: every code, used ones struck through with the time. */
import { useEffect, useState } from 'preact/hooks';
import type { BackupCodeView } from '../../messaging/protocol';
import { ErrorText } from '../components/error-text';
import { useUi } from '../context';
import { useAction } from '../hooks/use-action';

export interface BackupCodeListProps {
  accountId: string;
  /** Bumped by the panel when codes changed elsewhere (added, taken), to re-read the list. */
  version: number;
  onRemaining: (remaining: number) => void;
}

const usedAtFormat = new Intl.DateTimeFormat(undefined, {
  dateStyle: 'medium',
  timeStyle: 'short',
});

export function BackupCodeList({ accountId, version, onRemaining }: BackupCodeListProps) {
  const { send, t } = useUi();
  const [revealed, setRevealed] = useState(false);
  const [codes, setCodes] = useState<BackupCodeView[] | null>(null);
  const load = useAction(async () => {
    setCodes(await send('backup/list', { id: accountId }));
  });
  const mark = useAction(async (code: string) => {
    const { remaining } = await send('backup/mark-used', { id: accountId, code });
    onRemaining(remaining);
    setCodes(await send('backup/list', { id: accountId }));
  });
  const { run: runLoad } = load;

  useEffect(() => {
    if (revealed) void runLoad();
    else setCodes(null);
  }, [revealed, version, runLoad]);

  return (
    <div class="stack">
      <button
        type="button"
        data-testid="backup-reveal"
        aria-expanded={revealed}
        aria-controls="backup-code-list"
        onClick={() => {
          setRevealed(!revealed);
        }}
      >
        {revealed ? t('backup_hide') : t('backup_reveal')}
      </button>
      <ErrorText text={load.error?.text ?? mark.error?.text} />
      {revealed && codes !== null ? (
        <ul id="backup-code-list" class="backup-codes" aria-label={t('backup_title')}>
          {codes.map((c) => (
            <li key={c.code} data-testid="backup-code" data-used={c.usedAt !== null}>
              {c.usedAt === null ? (
                <>
                  <span class="mono">{c.code}</span>
                  <button
                    type="button"
                    class="small"
                    disabled={mark.busy}
                    aria-label={t('backup_mark_used_code', [c.code])}
                    onClick={() => void mark.run(c.code)}
                  >
                    {t('backup_mark_used')}
                  </button>
                </>
              ) : (
                <>
                  <s class="mono">{c.code}</s>
                  <span class="used-at">
                    {t('backup_used_at', [usedAtFormat.format(c.usedAt)])}
                  </span>
                </>
              )}
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}
