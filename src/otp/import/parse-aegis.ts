/**
 * Aegis Authenticator vaults, plain and encrypted (beemdevelopment/Aegis, docs/vault.md):
 *   { version: 1, header: { slots, params }, db }
 * `db` is the content object when plain (slots and params null) and a base64 string when
 * encrypted (decrypt-aegis.ts). Content: { version: 1–3, entries: [...], groups }. Entry:
 *   { type: "totp"|"hotp"|"steam"|"motp"|"yandex", uuid, name, issuer, note, icon, …,
 *     info: { secret (base32), algo, digits, period (totp/steam) | counter (hotp) | pin } }
 * mOTP and Yandex need a PIN and algorithms Authdeck does not run, so they become warnings.
 * An HOTP `info.period` is not in the spec; exportAegisPlain writes it only when it is not 30,
 * so HOTP accounts round-trip, and Aegis ignores it.
 */
import { OtpUriError } from '../otp-uri-error';
import type { OtpAccount } from '../types';
import { decryptAegisDb } from './decrypt-aegis';
import { buildAccount, createCollector, EntryProblem, labelOf } from './entries';
import { corrupt, ImportError } from './import-error';
import {
  arrayField,
  FieldTypeError,
  hasOwn,
  integerField,
  isRecord,
  recordField,
  stringField,
  type JsonRecord,
} from './json-fields';
import type { ImportResult } from './types';

/** Newest content version the spec describes; a later one may change meaning. */
const MAX_CONTENT_VERSION = 3;

export function isAegisVault(json: JsonRecord): boolean {
  return isRecord(json.header) && hasOwn(json, 'db') && typeof json.version === 'number';
}

export async function parseAegis(vault: JsonRecord, password?: string): Promise<ImportResult> {
  if (vault.version !== 1) {
    throw new ImportError(
      'IMPORT_UNKNOWN_FORMAT',
      `Aegis vault version ${String(vault.version)} is not supported.`,
    );
  }
  const db = vault.db;
  const content = typeof db === 'string' ? await decryptAegisDb(vault, db, password) : db;
  const entries = readEntries(content);
  const collector = createCollector();
  entries.forEach((entry, index) => {
    const label = isRecord(entry) ? labelOf(entry.issuer, entry.name) : '';
    collector.add(index + 1, label, () => aegisAccount(entry));
  });
  return collector.finish('aegis');
}

function readEntries(content: unknown): unknown[] {
  if (!isRecord(content)) throw corrupt('The Aegis vault content is not an object.');
  const version = content.version;
  if (typeof version === 'number' && version > MAX_CONTENT_VERSION) {
    throw new ImportError(
      'IMPORT_UNKNOWN_FORMAT',
      `Aegis content version ${version} is newer than Authdeck reads.`,
    );
  }
  try {
    const entries = arrayField(content, 'entries');
    if (entries === undefined) throw corrupt('The Aegis vault has no entry list.');
    return entries;
  } catch (error) {
    if (error instanceof FieldTypeError) throw corrupt('The Aegis entry list is not an array.');
    throw error;
  }
}

function aegisAccount(entry: unknown): OtpAccount {
  if (!isRecord(entry)) {
    throw new EntryProblem('IMPORT_ENTRY_MALFORMED', 'The entry is not an object.');
  }
  const type = stringField(entry, 'type').toLowerCase();
  if (type === 'motp' || type === 'yandex') {
    throw new EntryProblem(
      'IMPORT_ENTRY_UNSUPPORTED',
      `${type === 'motp' ? 'mOTP' : 'Yandex'} entries are not supported.`,
    );
  }
  if (type !== 'totp' && type !== 'hotp' && type !== 'steam') {
    throw new OtpUriError('OTP_URI_TYPE', `Unknown entry type "${type}".`);
  }
  const info = recordField(entry, 'info');
  if (info === undefined) {
    throw new EntryProblem('IMPORT_ENTRY_MALFORMED', 'The entry has no "info".');
  }
  return buildAccount({
    type,
    issuer: stringField(entry, 'issuer'),
    label: stringField(entry, 'name'),
    secret: stringField(info, 'secret'),
    algorithm: stringField(info, 'algo'),
    digits: integerField(info, 'digits', 6, 'OTP_DIGITS'),
    period: integerField(info, 'period', 30, 'OTP_PERIOD'),
    counter: integerField(info, 'counter', 0, 'OTP_COUNTER'),
  });
}
