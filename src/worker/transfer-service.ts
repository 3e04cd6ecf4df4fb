/**
 * Import preview/confirm and export on top of the vault. The preview (secrets included) waits
 * in storage.session, never storage.local; confirm adds it in one vault write, so an import is
 * either wholly stored or not at all, and a failed or abandoned one changes nothing.
 */
import {
  exportAegisPlain,
  exportAuthdeckBackup,
  exportGoogleMigration,
  exportOtpauthText,
} from '../otp/export';
import { importAccounts, type ImportedAccount } from '../otp/import';
import type { OtpAccount } from '../otp/types';
import type { ExportResult, ImportPreview, TransferFormat } from '../messaging/transfer-protocol';
import { ActionError } from '../messaging/router';
import type { StoredAccount } from './vault-contents';
import type { ValueStore, VaultService } from './vault-service';

export interface PendingImport {
  previewId: string;
  createdAt: number;
  accounts: ImportedAccount[];
  duplicates: boolean[];
}

export interface TransferDeps {
  vault: VaultService;
  pendingStore: ValueStore<PendingImport>;
  now: () => number;
  newId: () => string;
  /** Backup KDF override for tests; production uses the format's default. */
  backupKdf?: { logN: number; r: number; p: number };
}

const PREVIEW_TTL_MS = 10 * 60_000;
const keyOf = (a: OtpAccount) => `${a.type}\u0000${a.secret}\u0000${a.issuer}\u0000${a.label}`;

function describe(a: OtpAccount): string {
  return a.issuer ? `${a.issuer}: ${a.label}` : a.label;
}

export function createTransferService(d: TransferDeps) {
  async function preview(input: string | Uint8Array, password?: string): Promise<ImportPreview> {
    const existing = new Set((await d.vault.read()).accounts.map(keyOf));
    const result = await importAccounts(input, password === undefined ? {} : { password });
    const seen = new Set(existing);
    const duplicates = result.accounts.map((a) => {
      const dup = seen.has(keyOf(a));
      seen.add(keyOf(a));
      return dup;
    });
    const pending: PendingImport = {
      previewId: d.newId(),
      createdAt: d.now(),
      accounts: result.accounts,
      duplicates,
    };
    await d.pendingStore.setValue(pending);
    return {
      previewId: pending.previewId,
      format: result.format,
      entries: result.accounts.map((a, i) => ({
        index: i + 1,
        type: a.type,
        issuer: a.issuer,
        label: a.label,
        algorithm: a.algorithm,
        digits: a.digits,
        period: a.period,
        backupCodes: a.backupCodes?.length ?? 0,
        duplicate: duplicates[i] ?? false,
      })),
      warnings: result.warnings.map((w) => ({ ...w })),
    };
  }

  async function takePending(previewId: string): Promise<PendingImport> {
    const pending = await d.pendingStore.getValue();
    if (
      !pending ||
      pending.previewId !== previewId ||
      d.now() - pending.createdAt > PREVIEW_TTL_MS
    ) {
      throw new ActionError(
        'IMPORT_PREVIEW_EXPIRED',
        'This import preview is no longer available: read the file again.',
      );
    }
    return pending;
  }

  async function confirm(previewId: string): Promise<{ added: number; skipped: number }> {
    const pending = await takePending(previewId);
    const result = await d.vault.update((contents) => {
      const present = new Set(contents.accounts.map(keyOf));
      const added: StoredAccount[] = [];
      for (const account of pending.accounts) {
        if (present.has(keyOf(account))) continue;
        present.add(keyOf(account));
        const { backupCodes, ...otp } = account;
        added.push({ ...otp, id: d.newId(), createdAt: d.now(), backupCodes: backupCodes ?? [] });
      }
      return {
        contents: { ...contents, accounts: [...contents.accounts, ...added] },
        result: { added: added.length, skipped: pending.accounts.length - added.length },
      };
    });
    await d.pendingStore.removeValue();
    return result;
  }

  async function exportAs(format: TransferFormat, passphrase?: string): Promise<ExportResult> {
    const accounts = (await d.vault.read()).accounts;
    const otp: OtpAccount[] = accounts.map(
      ({ id: _id, createdAt: _c, backupCodes: _b, ...a }) => a,
    );
    const stamp = new Date(d.now()).toISOString().slice(0, 10);
    const base = { text: null, uris: [], skipped: [] };
    switch (format) {
      case 'authdeck-backup': {
        if (!passphrase || Array.from(passphrase).length < 8) {
          throw new ActionError(
            'PASSPHRASE_TOO_SHORT',
            'Protect the backup with a passphrase of at least 8 characters.',
          );
        }
        const opts = d.backupKdf ? { kdf: d.backupKdf } : {};
        const text = await exportAuthdeckBackup(accounts, passphrase, opts);
        return {
          ...base,
          text,
          filename: `authdeck-backup-${stamp}.json`,
          mimeType: 'application/json',
        };
      }
      case 'otpauth':
        return {
          ...base,
          text: exportOtpauthText(otp),
          filename: `authdeck-otpauth-${stamp}.txt`,
          mimeType: 'text/plain',
        };
      case 'aegis':
        return {
          ...base,
          text: exportAegisPlain(otp),
          filename: `aegis-export-plain-${stamp}.json`,
          mimeType: 'application/json',
        };
      case 'google-migration': {
        const { uris, skipped } = exportGoogleMigration(otp);
        return {
          ...base,
          uris,
          skipped: skipped.map((s) => ({ label: describe(s.account), reason: s.reason })),
          filename: '',
          mimeType: 'text/plain',
        };
      }
    }
  }

  return {
    preview,
    confirm,
    cancel: async (previewId: string) => {
      const pending = await d.pendingStore.getValue();
      if (pending?.previewId === previewId) await d.pendingStore.removeValue();
      return null;
    },
    exportAs,
    /** Lock: an import preview holds secrets. */
    clear: () => d.pendingStore.removeValue(),
  };
}

export type TransferService = ReturnType<typeof createTransferService>;
