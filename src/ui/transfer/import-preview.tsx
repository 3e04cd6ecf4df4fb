/**
 * What an import would add, before anything is written (issue 7 §1): every entry with its
 * type, digits and period, duplicates flagged, and every entry left out with its reason, line
 * by line. Used by the options page and by the popup's QR import.
 */
import type { ImportPreview, ImportPreviewEntry } from '../../messaging/transfer-protocol';
import { useUi } from '../context';
import type { Translate } from '../i18n';
import type { ImportOutcome } from './use-import-flow';
import { describeWarning } from './transfer-errors';

/** Product names, not translated. */
const FORMAT_NAMES: Record<string, string> = {
  otpauth: 'otpauth://',
  'google-migration': 'Google Authenticator',
  aegis: 'Aegis',
  '2fas': '2FAS',
  'authenticator-extension': 'Authenticator (authenticator.cc)',
  bitwarden: 'Bitwarden',
  andotp: 'andOTP',
  'authdeck-backup': 'Authdeck',
};

const TYPE_KEYS = {
  totp: 'manual_type_totp',
  hotp: 'manual_type_hotp',
  steam: 'manual_type_steam',
} as const;

function entryDetails(entry: ImportPreviewEntry, t: Translate): string {
  const parts = [t(TYPE_KEYS[entry.type])];
  if (entry.type === 'totp') {
    parts.push(t('import_entry_digits_period', [String(entry.digits), String(entry.period)]));
  } else if (entry.type === 'hotp') {
    parts.push(t('import_entry_digits', [String(entry.digits)]));
  }
  if (entry.algorithm !== 'SHA1') parts.push(entry.algorithm);
  if (entry.backupCodes > 0) {
    parts.push(t('import_entry_backup_codes', [String(entry.backupCodes)]));
  }
  return parts.join(' · ');
}

function EntryRow({ entry }: { entry: ImportPreviewEntry }) {
  const { t } = useUi();
  const title = entry.issuer === '' ? entry.label : entry.issuer;
  const label = entry.issuer === '' ? '' : entry.label;
  return (
    <li class="item-row import-entry" data-testid="import-entry">
      <span class="item-name">
        <span class="item-title">{title}</span>
        {label === '' ? null : <span class="item-subtitle">{label}</span>}
        <span class="item-subtitle">{entryDetails(entry, t)}</span>
        {entry.duplicate ? (
          <span class="import-duplicate" data-testid="import-duplicate">
            {t('import_entry_duplicate')}
          </span>
        ) : null}
      </span>
    </li>
  );
}

function Warnings({ preview }: { preview: ImportPreview }) {
  const { t } = useUi();
  if (preview.warnings.length === 0) return null;
  // otpauth:// text is read line by line; every other format by its list of entries.
  const where = preview.format === 'otpauth' ? 'import_warning_line' : 'import_warning_entry';
  return (
    <div class="warning stack">
      <p>{t('import_warnings_title', [String(preview.warnings.length)])}</p>
      <ul class="import-warnings" data-testid="import-warnings">
        {preview.warnings.map((w, i) => (
          <li key={i} data-testid="import-warning">
            <strong>
              {[w.entry === null ? '' : t(where, [String(w.entry)]), w.label]
                .filter((part) => part !== '')
                .join(' · ')}
            </strong>{' '}
            {describeWarning(w, t)}
          </li>
        ))}
      </ul>
    </div>
  );
}

export interface ImportPreviewPanelProps {
  preview: ImportPreview;
  busy: boolean;
  onConfirm: () => void;
  onCancel: () => void;
}

export function ImportPreviewPanel({
  preview,
  busy,
  onConfirm,
  onCancel,
}: ImportPreviewPanelProps) {
  const { t } = useUi();
  const adding = preview.entries.filter((e) => !e.duplicate).length;
  const format = FORMAT_NAMES[preview.format] ?? preview.format;
  return (
    <div class="card stack" data-testid="import-preview" aria-busy={busy}>
      <h3>{t('import_preview_title', [String(preview.entries.length)])}</h3>
      <p class="note">{t('import_preview_format', [format])}</p>
      {preview.entries.length === 0 ? null : (
        <ul class="item-list">
          {preview.entries.map((entry) => (
            <EntryRow key={entry.index} entry={entry} />
          ))}
        </ul>
      )}
      <Warnings preview={preview} />
      {adding === 0 ? <p class="note">{t('import_nothing_new')}</p> : null}
      <div class="button-row">
        <button type="button" data-testid="import-cancel" disabled={busy} onClick={onCancel}>
          {t('action_cancel')}
        </button>
        <button
          type="button"
          class="primary"
          data-testid="import-confirm"
          disabled={busy || adding === 0}
          onClick={onConfirm}
        >
          {adding === 1 ? t('import_confirm_one') : t('import_confirm_many', [String(adding)])}
        </button>
      </div>
    </div>
  );
}

export function ImportResultLine({ result }: { result: ImportOutcome | null }) {
  const { t } = useUi();
  return (
    <p class="status" role="status" data-testid="import-result">
      {result === null ? '' : t('import_result', [String(result.added), String(result.skipped)])}
    </p>
  );
}
