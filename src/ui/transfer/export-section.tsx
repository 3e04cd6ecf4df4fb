/**
 * The options page's export (issue 7 §2). Only the Authdeck backup is encrypted; the other
 * three hand over secrets in the clear, which the section says before any button.
 *
 *   choose ─┬─ backup ──▶ passphrase ×2 ──▶ download (encrypted, backup codes included)
 *           ├─ otpauth / aegis ──────────▶ download
 *           └─ google ──▶ QR batches, one at a time ── close ──▶ choose
 */
import { useState } from 'preact/hooks';
import type { ExportResult, TransferFormat } from '../../messaging/transfer-protocol';
import { ErrorText } from '../components/error-text';
import { useUi } from '../context';
import { UiInputError } from '../error-message';
import { BackupForm } from './backup-form';
import { MigrationQrViewer } from './migration-qr-viewer';
import type { TransferPageDeps } from './transfer-deps';
import { useTransferAction } from './use-transfer-action';

export interface ExportSectionProps {
  files: Pick<TransferPageDeps, 'download' | 'renderQr'>;
}

const PLAIN_FORMATS = [
  ['otpauth', 'export_otpauth'],
  ['aegis', 'export_aegis'],
  ['google-migration', 'export_google'],
] as const;

export function ExportSection({ files }: ExportSectionProps) {
  const { send, t } = useUi();
  const [open, setOpen] = useState<'backup' | null>(null);
  const [qr, setQr] = useState<ExportResult | null>(null);
  const [saved, setSaved] = useState<string | null>(null);

  const create = useTransferAction(async (format: TransferFormat, passphrase?: string) => {
    setSaved(null);
    setQr(null);
    const result = await send(
      'export/create',
      passphrase === undefined ? { format } : { format, passphrase },
    );
    if (format === 'google-migration') {
      setQr(result);
      return;
    }
    if (result.text === null) throw new UiInputError('INTERNAL');
    files.download(result.filename, result.mimeType, result.text);
    setSaved(result.filename);
  });

  return (
    <section class="stack" aria-labelledby="export-title" data-testid="export-section">
      <h2 id="export-title">{t('export_title')}</h2>
      <p class="warning" data-testid="export-warning">
        {t('export_plain_warning')}
      </p>
      <div class="button-row export-choices">
        <button
          type="button"
          class="primary"
          data-testid="export-backup"
          aria-expanded={open === 'backup'}
          onClick={() => {
            setOpen(open === 'backup' ? null : 'backup');
          }}
        >
          {t('export_backup')}
        </button>
        {PLAIN_FORMATS.map(([format, key]) => (
          <button
            key={format}
            type="button"
            data-testid={`export-${format}`}
            disabled={create.busy}
            onClick={() => {
              setOpen(null);
              void create.run(format);
            }}
          >
            {t(key)}
          </button>
        ))}
      </div>
      {open === 'backup' ? (
        <BackupForm
          busy={create.busy}
          onSubmit={(passphrase) => create.run('authdeck-backup', passphrase)}
        />
      ) : null}
      <ErrorText text={create.error?.text} />
      <p class="status" role="status" data-testid="export-saved">
        {saved === null ? '' : t('export_saved', [saved])}
      </p>
      {qr === null ? null : (
        <MigrationQrViewer
          result={qr}
          renderQr={files.renderQr}
          onClose={() => {
            setQr(null);
          }}
        />
      )}
    </section>
  );
}
