/**
 * The options page's import (issue 7 §1): a file (chosen or dropped), or pasted text. Images are
 * decoded in the page; everything else goes to the worker, which recognises the format. An
 * encrypted file stays here while the password is asked for, again after a wrong one.
 */
import { useEffect, useState } from 'preact/hooks';
import { ErrorText } from '../components/error-text';
import { Field } from '../components/field';
import { useUi } from '../context';
import { useAutofocus } from '../hooks/use-autofocus';
import { ImportPreviewPanel, ImportResultLine } from './import-preview';
import { sourceFromFile } from './import-source';
import type { TransferPageDeps } from './transfer-deps';
import { useImportFlow, type ImportFlow } from './use-import-flow';

export interface ImportSectionProps {
  files: Pick<TransferPageDeps, 'readFile' | 'decodeQrImage'>;
}

function PasswordForm({ flow }: { flow: ImportFlow }) {
  const { t } = useUi();
  const [password, setPassword] = useState('');
  const input = useAutofocus<HTMLInputElement>();
  const submit = async (event: Event) => {
    event.preventDefault();
    if (await flow.retryWithPassword(password)) return;
    // Asked again after a wrong password: start the field over.
    setPassword('');
    input.current?.focus();
  };
  return (
    <form
      class="stack"
      noValidate
      data-testid="import-password-form"
      onSubmit={(event) => void submit(event)}
    >
      <Field label={t('import_password')}>
        <input
          ref={input}
          type="password"
          autocomplete="off"
          data-testid="import-password"
          value={password}
          readOnly={flow.busy}
          onInput={(e) => {
            setPassword(e.currentTarget.value);
          }}
        />
      </Field>
      <button
        type="submit"
        class="primary"
        data-testid="import-password-submit"
        disabled={flow.busy}
      >
        {t('import_password_submit')}
      </button>
    </form>
  );
}

export function ImportSection({ files }: ImportSectionProps) {
  const { t } = useUi();
  const flow = useImportFlow();
  const [paste, setPaste] = useState('');
  const [dragging, setDragging] = useState(false);
  const readFile = (file: File | undefined) => {
    if (file !== undefined) void flow.read(() => sourceFromFile(file, files));
  };
  // The pasted secrets are in the worker's preview now, or written, or dropped.
  useEffect(() => {
    if (flow.result !== null) setPaste('');
  }, [flow.result]);

  return (
    <section
      class={`stack import-section${dragging ? ' dragging' : ''}`}
      aria-labelledby="import-title"
      aria-busy={flow.busy}
      data-testid="import-section"
      onDragOver={(event) => {
        event.preventDefault();
        setDragging(true);
      }}
      onDragLeave={() => {
        setDragging(false);
      }}
      onDrop={(event) => {
        event.preventDefault();
        setDragging(false);
        readFile(event.dataTransfer?.files[0]);
      }}
    >
      <h2 id="import-title">{t('import_title')}</h2>
      <p class="note">{t('import_intro')}</p>
      <div class="card stack drop-zone">
        <Field label={t('import_file')}>
          <input
            type="file"
            data-testid="import-file"
            disabled={flow.busy}
            onChange={(event) => {
              const input = event.currentTarget;
              readFile(input.files?.[0]);
              // Choosing the same file again (after fixing it) must fire change again.
              input.value = '';
            }}
          />
        </Field>
        <p class="note">{t('import_drop_hint')}</p>
      </div>
      <form
        class="stack"
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          void flow.read(() => Promise.resolve({ kind: 'text', text: paste }));
        }}
      >
        <Field label={t('import_paste')}>
          <textarea
            class="mono"
            rows={4}
            data-testid="import-paste"
            autocomplete="off"
            spellcheck={false}
            placeholder="otpauth://totp/…"
            value={paste}
            readOnly={flow.busy}
            onInput={(e) => {
              setPaste(e.currentTarget.value);
            }}
          />
        </Field>
        <button type="submit" data-testid="import-paste-submit" disabled={flow.busy}>
          {t('import_paste_submit')}
        </button>
      </form>
      {flow.needsPassword ? <PasswordForm flow={flow} /> : null}
      <ErrorText text={flow.error?.text} />
      {flow.preview === null ? null : (
        <ImportPreviewPanel
          preview={flow.preview}
          busy={flow.busy}
          onConfirm={() => void flow.confirm()}
          onCancel={() => {
            void flow.cancel().then((done) => {
              if (done) setPaste('');
            });
          }}
        />
      )}
      <ImportResultLine result={flow.result} />
    </section>
  );
}
