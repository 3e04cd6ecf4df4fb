/**
 * The import/export half of the in-memory worker (fake-worker.ts), behind the real request
 * schemas. Its "formats" are stand-ins the UI cannot tell from the real ones:
 *
 * - otpauth:// text, one URI per line; other lines are IMPORT_LINE_UNRECOGNISED warnings and
 *   URIs the fake parser refuses are warnings with their OTP_* code (format `otpauth`);
 * - `otpauth-migration://fake?uri=…&uri=…`, a Google export carrying plain URIs
 *   (format `google-migration`);
 * - `{"fakeEncrypted": {"password": …, "text": …}}`, an encrypted file around otpauth text;
 * - other JSON is IMPORT_UNKNOWN_FORMAT, broken JSON IMPORT_CORRUPT, blank IMPORT_EMPTY.
 *
 * Exports are deterministic text named after the real ones; Google batches are
 * `otpauth-migration://offline?data=batch-<k>` over `batchSize` accounts.
 */
import type { AccountView, ManualAccountInput, UiToWorker } from '../../../src/messaging/protocol';
import type {
  ImportPreview,
  ImportPreviewEntry,
  TransferReplies,
} from '../../../src/messaging/transfer-protocol';
import { WorkerError } from '../../../src/messaging/client';

type TransferType = keyof TransferReplies;

export type TransferHandlers = {
  [K in TransferType]: (p: UiToWorker[K]['request']) => UiToWorker[K]['reply'];
};

export interface FakeTransferDeps {
  unlocked: () => void;
  fail: (code: string, message?: string) => never;
  parseUri: (uri: string) => ManualAccountInput;
  /** The vault's accounts with their secrets, for duplicates and exports. */
  vault: () => (ManualAccountInput & { backupCodes: number })[];
  add: (input: ManualAccountInput) => AccountView;
  /** What a tab shows for `import/scan-qr` (shared with `accounts/scan-qr`). */
  qr: { text: string | null; scannedTabs: number[] };
}

export interface FakeTransfer {
  handlers: TransferHandlers;
  /** The preview waiting for confirm, if any. */
  pending: () => { previewId: string; accounts: ManualAccountInput[] } | null;
  /** Google Authenticator export batch size (10 in the real worker). */
  batchSize: number;
}

const STAMP = '2025-03-12';

function decodeSource(source: UiToWorker['import/preview']['request']['source']): string {
  if (source.kind === 'text') return source.text;
  const binary = atob(source.base64);
  const bytes = Uint8Array.from(binary, (c) => c.charCodeAt(0));
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new WorkerError('IMPORT_UNKNOWN_FORMAT', 'The file is not text.');
  }
}

interface Read {
  format: string;
  accounts: ManualAccountInput[];
  warnings: ImportPreview['warnings'];
}

function readLines(lines: string[], format: string, d: FakeTransferDeps): Read {
  const read: Read = { format, accounts: [], warnings: [] };
  lines.forEach((raw, i) => {
    const line = raw.trim();
    if (line === '') return;
    if (!line.startsWith('otpauth://')) {
      read.warnings.push({
        entry: i + 1,
        label: '',
        code: 'IMPORT_LINE_UNRECOGNISED',
        message: 'Not an otpauth:// URI.',
      });
      return;
    }
    try {
      read.accounts.push(d.parseUri(line));
    } catch (error) {
      if (!(error instanceof WorkerError)) throw error;
      read.warnings.push({ entry: i + 1, label: line, code: error.code, message: error.message });
    }
  });
  return read;
}

function readJson(text: string, password: string | undefined, d: FakeTransferDeps): Read {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return d.fail('IMPORT_CORRUPT', 'The file is not valid JSON (truncated?).');
  }
  const wrapped = (json as { fakeEncrypted?: { password: string; text: string } }).fakeEncrypted;
  if (wrapped === undefined) return d.fail('IMPORT_UNKNOWN_FORMAT', 'Unknown JSON.');
  if (password === undefined || password === '') d.fail('IMPORT_PASSWORD_REQUIRED', 'Encrypted.');
  if (password !== wrapped.password) d.fail('IMPORT_WRONG_PASSWORD', 'Wrong password.');
  return readLines(wrapped.text.split('\n'), 'aegis', d);
}

function readAny(text: string, password: string | undefined, d: FakeTransferDeps): Read {
  const trimmed = text.trim();
  if (trimmed === '') return d.fail('IMPORT_EMPTY', 'The file is empty.');
  if (trimmed.startsWith('{')) return readJson(trimmed, password, d);
  if (trimmed.startsWith('otpauth-migration://fake?')) {
    const uris = new URL(trimmed).searchParams.getAll('uri');
    return readLines(uris, 'google-migration', d);
  }
  if (/^otpauth:\/\//m.test(trimmed)) return readLines(text.split('\n'), 'otpauth', d);
  return d.fail('IMPORT_UNKNOWN_FORMAT', 'Authdeck does not recognise this file.');
}

const keyOf = (a: ManualAccountInput) => `${a.type}:${a.secret}:${a.label}`;

function googleSkip(a: ManualAccountInput): string | null {
  if (a.type === 'steam') return 'steam-unsupported';
  if (a.type === 'totp' && a.period !== 30) return 'period-not-30';
  if (a.digits !== 6 && a.digits !== 8) return 'digits-not-6-or-8';
  return null;
}

function uriOf(a: ManualAccountInput): string {
  const label = encodeURIComponent(a.issuer === '' ? a.label : `${a.issuer}:${a.label}`);
  return `otpauth://${a.type}/${label}?secret=${a.secret}&digits=${a.digits}&period=${a.period}`;
}

export function createFakeTransfer(d: FakeTransferDeps): FakeTransfer {
  let pending: { previewId: string; accounts: ManualAccountInput[] } | null = null;
  let nextId = 1;
  const self: FakeTransfer = {
    handlers: {} as TransferHandlers,
    pending: () => pending,
    batchSize: 10,
  };

  const preview = (read: Read): ImportPreview => {
    const seen = new Set(d.vault().map(keyOf));
    const entries: ImportPreviewEntry[] = read.accounts.map((a, i) => {
      const duplicate = seen.has(keyOf(a));
      seen.add(keyOf(a));
      return { index: i + 1, ...a, backupCodes: 0, duplicate };
    });
    pending = { previewId: `preview-${nextId++}`, accounts: read.accounts };
    return { previewId: pending.previewId, format: read.format, entries, warnings: read.warnings };
  };

  const exportAs = (
    format: UiToWorker['export/create']['request']['format'],
    passphrase?: string,
  ) => {
    const accounts = d.vault();
    const base = { text: null, uris: [], skipped: [], mimeType: 'text/plain', filename: '' };
    if (format === 'authdeck-backup') {
      if (passphrase === undefined || passphrase.length < 8) d.fail('PASSPHRASE_TOO_SHORT');
      const text = JSON.stringify({
        fake: 'authdeck-backup',
        passphrase,
        accounts: accounts.length,
      });
      return {
        ...base,
        text,
        filename: `authdeck-backup-${STAMP}.json`,
        mimeType: 'application/json',
      };
    }
    if (format === 'otpauth') {
      return {
        ...base,
        text: accounts.map(uriOf).join('\n'),
        filename: `authdeck-otpauth-${STAMP}.txt`,
      };
    }
    if (format === 'aegis') {
      const text = JSON.stringify({ db: { entries: accounts.map((a) => a.label) } });
      return {
        ...base,
        text,
        filename: `aegis-export-plain-${STAMP}.json`,
        mimeType: 'application/json',
      };
    }
    const kept = accounts.filter((a) => googleSkip(a) === null);
    const batches = Math.ceil(kept.length / self.batchSize);
    return {
      ...base,
      uris: Array.from(
        { length: batches },
        (_, k) => `otpauth-migration://offline?data=batch-${k + 1}`,
      ),
      skipped: accounts.flatMap((a) => {
        const reason = googleSkip(a);
        return reason === null
          ? []
          : [{ label: a.issuer === '' ? a.label : `${a.issuer}: ${a.label}`, reason }];
      }),
    };
  };

  self.handlers = {
    'import/preview': (p) => (
      d.unlocked(),
      preview(readAny(decodeSource(p.source), p.password, d))
    ),
    'import/scan-qr': (p) => {
      d.unlocked();
      d.qr.scannedTabs.push(p.tabId);
      if (d.qr.text === null) return d.fail('QR_NOT_FOUND');
      if (!/^otpauth(-migration)?:\/\//.test(d.qr.text)) d.fail('QR_NOT_OTPAUTH');
      return preview(readAny(d.qr.text, undefined, d));
    },
    'import/confirm': (p) => {
      d.unlocked();
      if (pending?.previewId !== p.previewId) return d.fail('IMPORT_PREVIEW_EXPIRED');
      const present = new Set(d.vault().map(keyOf));
      let added = 0;
      for (const account of pending.accounts) {
        if (present.has(keyOf(account))) continue;
        present.add(keyOf(account));
        d.add(account);
        added++;
      }
      const skipped = pending.accounts.length - added;
      pending = null;
      return { added, skipped };
    },
    'import/cancel': (p) => {
      if (pending?.previewId === p.previewId) pending = null;
      return null;
    },
    'export/create': (p) => (d.unlocked(), exportAs(p.format, p.passphrase)),
  };
  return self;
}
