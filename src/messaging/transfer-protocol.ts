/**
 * Import and export (issue 7). An import is two steps — preview, then confirm — and nothing is
 * written before the confirm. Exports hand secrets to the options page on purpose: that is the
 * one screen where the user asked for them.
 */
import * as v from 'valibot';
import type { OtpAccountDisplay } from './protocol';

export type TransferFormat = 'authdeck-backup' | 'otpauth' | 'aegis' | 'google-migration';

export interface ImportPreviewEntry extends OtpAccountDisplay {
  /** 1-based position among the accounts read. */
  index: number;
  backupCodes: number;
  /** Already in the vault, or earlier in the same file: it will not be added again. */
  duplicate: boolean;
}

export interface ImportPreview {
  previewId: string;
  format: string;
  entries: ImportPreviewEntry[];
  /** Entries that cannot be imported, line by line. */
  warnings: { entry: number | null; label: string; code: string; message: string }[];
}

export interface ExportResult {
  filename: string;
  mimeType: string;
  /** The file's text (backup, otpauth text, Aegis JSON). */
  text: string | null;
  /** Google Authenticator migration URIs, one QR code each, in batches. */
  uris: string[];
  skipped: { label: string; reason: string }[];
}

const base64 = v.pipe(v.string(), v.maxLength(8 * 1024 * 1024), v.regex(/^[A-Za-z0-9+/]*={0,2}$/));

export const transferSchemas = {
  'import/preview': v.strictObject({
    source: v.variant('kind', [
      v.strictObject({
        kind: v.literal('text'),
        text: v.pipe(v.string(), v.maxLength(4 * 1024 * 1024)),
      }),
      v.strictObject({ kind: v.literal('bytes'), base64 }),
    ]),
    password: v.optional(v.pipe(v.string(), v.maxLength(1024))),
  }),
  /** A Google Authenticator export (or any otpauth) QR code on the current tab (activeTab). */
  'import/scan-qr': v.strictObject({ tabId: v.pipe(v.number(), v.integer()) }),
  'import/confirm': v.strictObject({
    previewId: v.pipe(v.string(), v.minLength(1), v.maxLength(64)),
  }),
  'import/cancel': v.strictObject({
    previewId: v.pipe(v.string(), v.minLength(1), v.maxLength(64)),
  }),
  'export/create': v.strictObject({
    format: v.picklist(['authdeck-backup', 'otpauth', 'aegis', 'google-migration']),
    passphrase: v.optional(v.pipe(v.string(), v.maxLength(1024))),
  }),
} satisfies Record<string, v.GenericSchema>;

export interface TransferReplies {
  'import/preview': ImportPreview;
  'import/scan-qr': ImportPreview;
  'import/confirm': { added: number; skipped: number };
  'import/cancel': null;
  'export/create': ExportResult;
}
