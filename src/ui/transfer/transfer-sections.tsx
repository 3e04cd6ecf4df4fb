/**
 * Import and export on the options page, under one anchor (`#transfer`) that the popup's
 * "Import / export" link opens. They need the vault open: a preview compares with the vault's
 * accounts, and an export reads them.
 */
import { useEffect, useRef } from 'preact/hooks';
import { ExportSection } from './export-section';
import { ImportSection } from './import-section';
import { TRANSFER_SECTION_ID, type TransferPageDeps } from './transfer-deps';

export interface TransferSectionsProps {
  files: TransferPageDeps;
  /** The page was opened at `#transfer`: bring the sections into view once they exist. */
  focus: boolean;
}

export function TransferSections({ files, focus }: TransferSectionsProps) {
  const anchor = useRef<HTMLDivElement | null>(null);
  useEffect(() => {
    // The browser's own jump to the hash happened before the vault said it was unlocked.
    if (focus) anchor.current?.scrollIntoView({ block: 'start' });
  }, [focus]);
  return (
    <div id={TRANSFER_SECTION_ID} ref={anchor} class="stack" data-testid="transfer-sections">
      <ImportSection files={files} />
      <ExportSection files={files} />
    </div>
  );
}
