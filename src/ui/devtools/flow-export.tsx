/**
 * A flow out of the panel: a HAR 1.2 file (downloaded) or a curl script (copied), masked unless
 * the user asks for secrets, in which case the extension's own entries are fetched unmasked
 * first. SCv2 steps come out explained (src/inspector flowToCurl), not pretended.
 */
import { useState } from 'preact/hooks';
import { flowToCurl, flowToHar, type Flow, type HarEntry } from '../../inspector';
import { ErrorText } from '../components/error-text';
import { useUi } from '../context';
import { useAction } from '../hooks/use-action';
import { useCopy } from '../hooks/use-copy';

export type Download = (filename: string, mimeType: string, text: string) => void;

export interface FlowExportProps {
  flow: Flow;
  download: Download;
  /** The flow's entries unmasked, for an export with secrets. */
  unmaskedEntries: () => Promise<HarEntry[]>;
}

function withEntries(flow: Flow, entries: readonly HarEntry[]): Flow {
  return {
    ...flow,
    steps: flow.steps.map((step, i) => ({ ...step, entry: entries[i] ?? step.entry })),
  };
}

export function FlowExport({ flow, download, unmaskedEntries }: FlowExportProps) {
  const { t } = useUi();
  const [secrets, setSecrets] = useState(false);
  const [saved, setSaved] = useState(false);
  const copy = useCopy();
  const source = async () => (secrets ? withEntries(flow, await unmaskedEntries()) : flow);
  const har = useAction(async () => {
    const text = JSON.stringify(flowToHar(await source(), { reveal: secrets }), null, 2);
    download(`authdeck-${flow.family}-${flow.id}.har`, 'application/json', `${text}\n`);
    setSaved(true);
  });
  const curl = useAction(async () => {
    await copy.run(flowToCurl(await source(), { reveal: secrets }));
  });
  const busy = har.busy || curl.busy || copy.busy;
  return (
    <div class="stack flow-export">
      <div class="row-actions">
        <button
          type="button"
          data-testid="export-har"
          disabled={busy}
          onClick={() => void har.run()}
        >
          {t('devtools_export_har')}
        </button>
        <button
          type="button"
          data-testid="export-curl"
          disabled={busy}
          onClick={() => void curl.run()}
        >
          {copy.copied ? t('list_copied') : t('devtools_copy_flow_curl')}
        </button>
        <label class="check">
          <input
            type="checkbox"
            data-testid="export-secrets"
            checked={secrets}
            onChange={(event) => {
              setSecrets(event.currentTarget.checked);
            }}
          />
          {t('devtools_export_secrets')}
        </label>
      </div>
      <p role="status" class="status" data-testid="export-status">
        {copy.copied ? t('list_copied') : saved ? t('devtools_export_saved') : ''}
      </p>
      <ErrorText text={(har.error ?? curl.error ?? copy.error)?.text} />
    </div>
  );
}
