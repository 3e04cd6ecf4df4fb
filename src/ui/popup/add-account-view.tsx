/**
 * Three ways in: scan a QR code shown on the current tab, paste an otpauth:// link, or type
 * the details. A failure shows the message for its code beside the way that failed and adds
 * nothing; the typed input stays for correction. A Google Authenticator export shown on the tab
 * (several accounts in one QR code) goes through an import preview instead (issue 7).
 */
import { useState } from 'preact/hooks';
import type { AccountView } from '../../messaging/protocol';
import { ErrorText } from '../components/error-text';
import { Field } from '../components/field';
import { ViewHeader } from '../components/view-header';
import { useUi } from '../context';
import { UiInputError } from '../error-message';
import { useAction } from '../hooks/use-action';
import { useAutofocus } from '../hooks/use-autofocus';
import { ScanImport } from '../transfer/scan-import';
import { ManualAccountForm } from './manual-account-form';

export interface AddAccountViewProps {
  onBack: () => void;
  onAdded: (account: AccountView) => void;
  /** After accounts were imported from a QR code on the tab. */
  onImported: () => void;
}

export function AddAccountView({ onBack, onAdded, onImported }: AddAccountViewProps) {
  const { send, t, activeTabId } = useUi();
  const [uri, setUri] = useState('');
  const [manual, setManual] = useState(false);
  const uriInput = useAutofocus<HTMLInputElement>();

  const scan = useAction(async () => {
    const tabId = await activeTabId();
    if (tabId === null) throw new UiInputError('CAPTURE_FAILED');
    onAdded(await send('accounts/scan-qr', { tabId }));
  });
  const addUri = useAction(async () => {
    if (uri.trim() === '') throw new UiInputError('OTP_URI_MALFORMED');
    onAdded(await send('accounts/add-uri', { uri: uri.trim() }));
  });

  return (
    <section class="view stack" aria-labelledby="add-title">
      <ViewHeader title={t('add_title')} titleId="add-title" onBack={onBack} />
      <div class="stack">
        <button
          type="button"
          data-testid="add-scan"
          disabled={scan.busy}
          aria-busy={scan.busy}
          onClick={() => void scan.run()}
        >
          {scan.busy ? t('add_scan_busy') : t('add_scan')}
        </button>
        <ErrorText text={scan.error?.text} />
      </div>
      <ScanImport onDone={onImported} />
      <form
        class="stack"
        aria-busy={addUri.busy}
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          void addUri.run();
        }}
      >
        <Field label={t('add_uri_label')}>
          <input
            ref={uriInput}
            type="text"
            class="mono"
            data-testid="add-uri-input"
            placeholder="otpauth://totp/…"
            autocomplete="off"
            spellcheck={false}
            aria-invalid={addUri.error !== null}
            value={uri}
            readOnly={addUri.busy}
            onInput={(e) => {
              setUri(e.currentTarget.value);
            }}
          />
        </Field>
        <ErrorText text={addUri.error?.text} />
        <button type="submit" class="primary" data-testid="add-uri-submit" disabled={addUri.busy}>
          {t('add_uri_submit')}
        </button>
      </form>
      <button
        type="button"
        class="link-button"
        data-testid="add-manual-toggle"
        aria-expanded={manual}
        aria-controls="manual-section"
        onClick={() => {
          setManual(!manual);
        }}
      >
        {t('add_manual_toggle')}
      </button>
      {manual ? (
        <div id="manual-section">
          <ManualAccountForm onAdded={onAdded} />
        </div>
      ) : null}
    </section>
  );
}
