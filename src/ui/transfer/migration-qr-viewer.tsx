/**
 * Google Authenticator's "Import accounts" scans one QR code per batch of ten accounts: shown
 * one at a time with previous/next, and the accounts its format cannot carry listed with why.
 */
import { useEffect, useState } from 'preact/hooks';
import type { ExportResult } from '../../messaging/transfer-protocol';
import { ErrorText } from '../components/error-text';
import { useUi } from '../context';
import type { TransferPageDeps } from './transfer-deps';
import { describeTransferError } from './transfer-errors';

/** GoogleMigrationSkipReason (src/otp/export/export-google-migration.ts) → message key. */
const SKIP_KEYS: Record<string, string> = {
  'steam-unsupported': 'export_skipped_steam',
  'period-not-30': 'export_skipped_period',
  'digits-not-6-or-8': 'export_skipped_digits',
};

export interface MigrationQrViewerProps {
  result: Pick<ExportResult, 'uris' | 'skipped'>;
  renderQr: TransferPageDeps['renderQr'];
  onClose: () => void;
}

type Rendered = { index: number; url: string } | { index: number; error: string };

function Skipped({ skipped }: Pick<ExportResult, 'skipped'>) {
  const { t } = useUi();
  if (skipped.length === 0) return null;
  return (
    <div class="warning stack">
      <p>{t('export_skipped_title', [String(skipped.length)])}</p>
      <ul class="import-warnings" data-testid="export-skipped">
        {skipped.map((s, i) => {
          const key = SKIP_KEYS[s.reason];
          return (
            <li key={i} data-testid="export-skipped-item">
              <strong>{s.label}</strong> {key === undefined ? s.reason : t(key)}
            </li>
          );
        })}
      </ul>
    </div>
  );
}

export function MigrationQrViewer({ result, renderQr, onClose }: MigrationQrViewerProps) {
  const { t } = useUi();
  const { uris } = result;
  const [index, setIndex] = useState(0);
  const [rendered, setRendered] = useState<Rendered | null>(null);
  const uri = uris[index];

  useEffect(() => {
    if (uri === undefined) return;
    let current = true;
    renderQr(uri).then(
      (url) => {
        if (current) setRendered({ index, url });
      },
      (caught: unknown) => {
        if (current) setRendered({ index, error: describeTransferError(caught, t) });
      },
    );
    return () => {
      current = false;
    };
  }, [uri, index, renderQr, t]);

  const batch = t('export_qr_batch', [String(index + 1), String(uris.length)]);
  const shown = rendered?.index === index ? rendered : null;
  return (
    <div class="card stack migration-qr" data-testid="export-qr">
      <h3>{t('export_google')}</h3>
      {uri === undefined ? (
        <p class="note">{t('export_qr_none')}</p>
      ) : (
        <>
          <p class="note">{t('export_qr_how')}</p>
          <p data-testid="export-qr-batch" aria-live="polite">
            {batch}
          </p>
          {shown !== null && 'url' in shown ? (
            <img class="qr-image" src={shown.url} alt={batch} data-testid="export-qr-image" />
          ) : (
            <div class="qr-image" />
          )}
          <ErrorText text={shown !== null && 'error' in shown ? shown.error : null} />
          <div class="button-row">
            <button
              type="button"
              data-testid="export-qr-previous"
              disabled={index === 0}
              onClick={() => {
                setIndex(index - 1);
              }}
            >
              {t('export_qr_previous')}
            </button>
            <button
              type="button"
              data-testid="export-qr-next"
              disabled={index >= uris.length - 1}
              onClick={() => {
                setIndex(index + 1);
              }}
            >
              {t('export_qr_next')}
            </button>
          </div>
        </>
      )}
      <Skipped skipped={result.skipped} />
      <button type="button" class="link-button" data-testid="export-qr-close" onClick={onClose}>
        {t('export_qr_close')}
      </button>
    </div>
  );
}
