/**
 * "Load HAR file…": a recorded HAR (chosen or dropped) becomes the panel's page traffic, also
 * where the panel has no devtools.network (opened as a tab). Says which file the traffic is from,
 * what was cut, and why a file could not be used; the file can be removed again.
 */
import { useState } from 'preact/hooks';
import { ErrorText } from '../components/error-text';
import { Field } from '../components/field';
import { useUi } from '../context';
import type { Translate } from '../i18n';
import type { HarFileError, HarFileErrorCode, HarFileLimits } from './har-file-source';
import { formatBytes } from './labels';
import type { HarFileState } from './use-har-file';
import './har-file.css';

const ERROR_KEYS: Record<HarFileErrorCode, string> = {
  HAR_FILE_TOO_LARGE: 'devtools_har_too_large',
  HAR_FILE_UNREADABLE: 'devtools_har_unreadable',
  HAR_FILE_NOT_JSON: 'devtools_har_not_json',
  HAR_FILE_NOT_HAR: 'devtools_har_not_har',
};

function errorText(error: HarFileError, limits: HarFileLimits, t: Translate): string {
  const args =
    error.code === 'HAR_FILE_TOO_LARGE'
      ? [error.fileName, formatBytes(error.bytes, t), formatBytes(limits.maxBytes, t)]
      : [error.fileName, error.detail];
  return t(ERROR_KEYS[error.code], args);
}

function LoadedFile({ har, limits }: { har: HarFileState; limits: HarFileLimits }) {
  const { t } = useUi();
  const { loaded } = har;
  if (loaded === null) return null;
  const read = loaded.total - loaded.cut;
  return (
    <div class="stack" data-testid="har-file-loaded" data-file={loaded.name}>
      <p class="note" data-testid="har-file-status">
        {t('devtools_har_loaded', [loaded.name, String(read)])}
      </p>
      {loaded.cut > 0 ? (
        <p class="warning" data-testid="har-file-cut">
          {t('devtools_har_cut', [
            String(loaded.total),
            String(read),
            String(loaded.cut),
            String(limits.maxEntries),
          ])}
        </p>
      ) : null}
    </div>
  );
}

export interface LoadHarProps {
  har: HarFileState;
  limits: HarFileLimits;
}

export function LoadHar({ har, limits }: LoadHarProps) {
  const { t } = useUi();
  const [dragging, setDragging] = useState(false);
  const take = (file: File | undefined) => {
    if (file !== undefined) void har.load(file);
  };
  return (
    <section
      class={`card stack har-file${dragging ? ' dragging' : ''}`}
      aria-label={t('devtools_har_load')}
      aria-busy={har.busy}
      data-testid="har-file"
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
        take(event.dataTransfer?.files[0]);
      }}
    >
      <div class="har-file-row">
        <Field label={t('devtools_har_load')}>
          <input
            type="file"
            accept=".har,application/json,.json"
            data-testid="har-file-input"
            disabled={har.busy}
            onChange={(event) => {
              const input = event.currentTarget;
              take(input.files?.[0]);
              // Choosing the same file again (after a clear) must fire change again.
              input.value = '';
            }}
          />
        </Field>
        {har.loaded === null ? null : (
          <button type="button" data-testid="har-file-clear" onClick={har.clear}>
            {t('devtools_har_clear')}
          </button>
        )}
      </div>
      <p class="note">{t('devtools_har_hint')}</p>
      <LoadedFile har={har} limits={limits} />
      <ErrorText text={har.error === null ? null : errorText(har.error, limits, t)} />
    </section>
  );
}
