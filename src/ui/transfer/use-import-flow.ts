/**
 * One import, shared by the options page (files, pastes) and the popup (the QR code on the
 * tab). Nothing is written before `confirm` (issue 7 §1); a file that asks for a password is
 * kept, so a wrong password only asks again.
 *
 *   idle ── read(source) ──▶ preview ── confirm ──▶ result (added, skipped)
 *    ▲          │                └───── cancel ───▶ idle (import/cancel)
 *    │          └─ IMPORT_PASSWORD_REQUIRED | IMPORT_WRONG_PASSWORD ─▶ password ─ retry(pw) ─┐
 *    └─ any other failure: its message, the source dropped                  ◀─────────────────┘
 */
import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import type { ImportPreview } from '../../messaging/transfer-protocol';
import { useUi } from '../context';
import { errorCode } from '../error-message';
import type { ImportSource } from './import-source';
import { useTransferAction, type ActionError } from './use-transfer-action';

const PASSWORD_CODES = new Set(['IMPORT_PASSWORD_REQUIRED', 'IMPORT_WRONG_PASSWORD']);
const GONE_CODES = new Set(['IMPORT_PREVIEW_EXPIRED', 'VAULT_LOCKED']);

export interface ImportOutcome {
  added: number;
  skipped: number;
}

export interface ImportFlow {
  busy: boolean;
  error: ActionError | null;
  /** The encrypted file waiting for its password, else false. */
  needsPassword: boolean;
  preview: ImportPreview | null;
  result: ImportOutcome | null;
  /** Reads a file or paste; `prepare` may fail with the page's own checks (an image without QR). */
  read: (prepare: () => Promise<ImportSource>) => Promise<boolean>;
  retryWithPassword: (password: string) => Promise<boolean>;
  /** A preview the worker made itself (the popup's `import/scan-qr`). */
  show: (fetch: () => Promise<ImportPreview>) => Promise<boolean>;
  confirm: () => Promise<boolean>;
  cancel: () => Promise<boolean>;
}

export function useImportFlow(): ImportFlow {
  const { send } = useUi();
  const [source, setSource] = useState<ImportSource | null>(null);
  const [preview, setPreview] = useState<ImportPreview | null>(null);
  const [result, setResult] = useState<ImportOutcome | null>(null);
  // What to cancel if the view goes away with a preview still open.
  const open = useRef<string | null>(null);
  const action = useTransferAction((job: () => Promise<void>) => job());

  const showPreview = useCallback((next: ImportPreview | null) => {
    open.current = next?.previewId ?? null;
    setPreview(next);
  }, []);

  const previewOf = useCallback(
    async (next: ImportSource, password?: string) => {
      try {
        const payload = password === undefined ? { source: next } : { source: next, password };
        showPreview(await send('import/preview', payload));
        setSource(null);
      } catch (caught) {
        setSource(PASSWORD_CODES.has(errorCode(caught) ?? '') ? next : null);
        throw caught;
      }
    },
    [send, showPreview],
  );

  const start = useCallback(() => {
    setResult(null);
    setSource(null);
    showPreview(null);
  }, [showPreview]);

  useEffect(
    () => () => {
      const previewId = open.current;
      // The worker drops it after ten minutes anyway; this only ends it sooner.
      if (previewId !== null) send('import/cancel', { previewId }).catch(() => undefined);
    },
    [send],
  );

  return {
    busy: action.busy,
    error: action.error,
    needsPassword: source !== null,
    preview,
    result,
    read: (prepare) =>
      action.run(async () => {
        start();
        await previewOf(await prepare());
      }),
    retryWithPassword: (password) =>
      action.run(async () => {
        if (source !== null) await previewOf(source, password);
      }),
    show: (fetch) =>
      action.run(async () => {
        start();
        showPreview(await fetch());
      }),
    confirm: () =>
      action.run(async () => {
        if (preview === null) return;
        try {
          setResult(await send('import/confirm', { previewId: preview.previewId }));
          showPreview(null);
        } catch (caught) {
          // Gone from the worker (expired, or cleared by a lock): offering it again cannot work.
          if (GONE_CODES.has(errorCode(caught) ?? '')) showPreview(null);
          throw caught;
        }
      }),
    cancel: () =>
      action.run(async () => {
        const previewId = preview?.previewId;
        showPreview(null);
        if (previewId !== undefined) await send('import/cancel', { previewId });
      }),
  };
}
