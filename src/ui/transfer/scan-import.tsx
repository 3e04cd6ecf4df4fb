/**
 * The popup's way to import a Google Authenticator export (or any otpauth:// QR code) shown on
 * the current tab: the worker captures and reads it (`import/scan-qr`, activeTab), and the
 * preview is confirmed right here, since the options page has no tab to scan.
 */
import { ErrorText } from '../components/error-text';
import { useUi } from '../context';
import { UiInputError } from '../error-message';
import { ImportPreviewPanel, ImportResultLine } from './import-preview';
import { useImportFlow } from './use-import-flow';

export interface ScanImportProps {
  /** After an import was written: back to the codes. */
  onDone: () => void;
}

export function ScanImport({ onDone }: ScanImportProps) {
  const { send, t, activeTabId } = useUi();
  const flow = useImportFlow();
  const scan = () =>
    flow.show(async () => {
      const tabId = await activeTabId();
      if (tabId === null) throw new UiInputError('CAPTURE_FAILED');
      return send('import/scan-qr', { tabId });
    });

  return (
    <div class="stack" data-testid="scan-import">
      {flow.preview === null ? (
        <button
          type="button"
          data-testid="import-scan"
          disabled={flow.busy}
          aria-busy={flow.busy}
          onClick={() => void scan()}
        >
          {flow.busy ? t('add_scan_busy') : t('import_scan')}
        </button>
      ) : (
        <ImportPreviewPanel
          preview={flow.preview}
          busy={flow.busy}
          onConfirm={() => void flow.confirm()}
          onCancel={() => void flow.cancel()}
        />
      )}
      <ErrorText text={flow.error?.text} />
      <ImportResultLine result={flow.result} />
      {flow.result === null ? null : (
        <button type="button" class="primary" data-testid="import-done" onClick={onDone}>
          {t('import_done')}
        </button>
      )}
    </div>
  );
}
