/**
 * Backup-code sets, kept pure: every operation returns a new array and takes the time as a
 * parameter. Codes are opaque and compared exactly (case kept, since some providers are
 * case-sensitive). Whitespace inside a code is removed, not kept: providers print codes in
 * groups ("1234 5678") for reading, the groups are not part of the code, and removing them
 * makes "1234 5678" and "12345678" the same code. Dashes are kept (`BKUP-00001`).
 */
export interface BackupCode {
  code: string;
  /** Unix ms when the code was used; null while it is still unused. */
  usedAt: number | null;
}

export type BackupCodeRejectReason = 'too-long' | 'control-character';
export type BackupCodeErrorCode =
  'BACKUP_CODE_UNKNOWN' | 'BACKUP_CODE_ALREADY_USED' | 'BACKUP_CODE_INVALID';

export class BackupCodeError extends Error {
  override readonly name = 'BackupCodeError';
  readonly code: BackupCodeErrorCode;

  constructor(code: BackupCodeErrorCode, message: string) {
    super(message);
    this.code = code;
  }
}

export const MAX_BACKUP_CODE_LENGTH = 64;
/** At or below this many unused codes the UI warns the user to regenerate. */
export const LOW_BACKUP_CODES = 2;

/**
 * A code without its whitespace, or why it cannot be one; '' for a blank line. Length is in
 * UTF-16 units after whitespace removal. Cf (zero-width, bidi) characters count as control
 * characters: invisible in the paste, they would make the provider refuse the code.
 */
export function normalizeBackupCode(
  text: string,
): { code: string } | { reason: BackupCodeRejectReason } {
  const code = text.replace(/\s+/g, '');
  if (/[\p{Cc}\p{Cf}]/u.test(code)) return { reason: 'control-character' };
  if (code.length > MAX_BACKUP_CODE_LENGTH) return { reason: 'too-long' };
  return { code };
}

/** One code per line; blank lines skipped, repeats dropped (first kept); lines are 1-based. */
export function parseBackupCodePaste(text: string): {
  codes: string[];
  rejected: { line: number; text: string; reason: BackupCodeRejectReason }[];
} {
  const codes: string[] = [];
  const rejected: { line: number; text: string; reason: BackupCodeRejectReason }[] = [];
  const seen = new Set<string>();
  text.split(/\r\n|\r|\n/).forEach((lineText, index) => {
    const result = normalizeBackupCode(lineText);
    if ('reason' in result) {
      rejected.push({ line: index + 1, text: lineText, reason: result.reason });
    } else if (result.code !== '' && !seen.has(result.code)) {
      seen.add(result.code);
      codes.push(result.code);
    }
  });
  return { codes, rejected };
}

/**
 * Adds codes not already in the set (used or not); `duplicates` counts the others. Codes are
 * normalised like a paste; one that cannot be a code throws BACKUP_CODE_INVALID.
 */
export function addBackupCodes(
  set: readonly BackupCode[],
  codes: string[],
): { set: BackupCode[]; added: number; duplicates: number } {
  const next = copy(set);
  const known = new Set(set.map((entry) => entry.code));
  let duplicates = 0;
  for (const raw of codes) {
    const code = checkedCode(raw);
    if (known.has(code)) {
      duplicates++;
    } else {
      known.add(code);
      next.push({ code, usedAt: null });
    }
  }
  return { set: next, added: next.length - set.length, duplicates };
}

/** The first unused code, marked used at `atMs`; null when none is left. */
export function takeNextBackupCode(
  set: readonly BackupCode[],
  atMs: number,
): { set: BackupCode[]; code: string } | null {
  const index = set.findIndex((entry) => entry.usedAt === null);
  const entry = set[index];
  if (entry === undefined) return null;
  return { set: markAt(set, index, atMs), code: entry.code };
}

/** Records that `code` was used (e.g. typed in by hand); throws a BackupCodeError otherwise. */
export function markBackupCodeUsed(
  set: readonly BackupCode[],
  code: string,
  atMs: number,
): BackupCode[] {
  const result = normalizeBackupCode(code);
  const wanted = 'code' in result ? result.code : null;
  const index = set.findIndex((entry) => entry.code === wanted);
  const entry = set[index];
  if (entry === undefined) {
    throw new BackupCodeError('BACKUP_CODE_UNKNOWN', 'This code is not in the set.');
  }
  if (entry.usedAt !== null) {
    throw new BackupCodeError('BACKUP_CODE_ALREADY_USED', 'This code has already been used.');
  }
  return markAt(set, index, atMs);
}

export function remainingBackupCodes(set: readonly BackupCode[]): number {
  return set.filter((entry) => entry.usedAt === null).length;
}

/** An empty set is "none stored", not "running low", so it does not warn. */
export function isBackupCodeSetLow(set: readonly BackupCode[]): boolean {
  return set.length > 0 && remainingBackupCodes(set) <= LOW_BACKUP_CODES;
}

function markAt(set: readonly BackupCode[], index: number, atMs: number): BackupCode[] {
  return set.map((entry, i) => (i === index ? { code: entry.code, usedAt: atMs } : { ...entry }));
}

function checkedCode(raw: string): string {
  const result = normalizeBackupCode(raw);
  if ('reason' in result || result.code === '') {
    const why = 'reason' in result ? result.reason : 'empty';
    throw new BackupCodeError('BACKUP_CODE_INVALID', `Not a backup code (${why}).`);
  }
  return result.code;
}

function copy(set: readonly BackupCode[]): BackupCode[] {
  return set.map((entry) => ({ ...entry }));
}
