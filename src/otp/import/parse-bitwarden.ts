/**
 * Bitwarden's JSON export (bitwarden.com/help/export-your-data, "Bitwarden .json"; the reading
 * side as in Aegis's BitwardenImporter.java): { encrypted: false, folders, items: [...] } with
 * items { id, type, name, login: { username, password, uris, totp }, … }. `login.totp` is an
 * otpauth:// URI, `steam://SECRET`, or a bare base32 secret (then TOTP, SHA1, 6 digits, 30 s).
 * The item name fills a missing issuer and the username a missing account name. Items without
 * a TOTP are skipped silently: most of a password vault has none. Encrypted exports
 * (`encrypted: true`, account- or password-protected) are refused whole: opening them needs
 * Bitwarden's account KDF and key hierarchy.
 */
import { OtpUriError } from '../otp-uri-error';
import { parseOtpauthUri } from '../parse-otpauth-uri';
import type { OtpAccount } from '../types';
import { buildAccount, createCollector, EntryProblem, labelOf } from './entries';
import { ImportError } from './import-error';
import { hasOwn, isRecord, recordField, stringField, type JsonRecord } from './json-fields';
import type { ImportResult } from './types';

export function isBitwardenExport(json: JsonRecord): boolean {
  return Array.isArray(json.items) || (json.encrypted === true && hasOwn(json, 'data'));
}

export function parseBitwarden(exported: JsonRecord): ImportResult {
  if (exported.encrypted === true) {
    throw new ImportError(
      'IMPORT_ENCRYPTED_UNSUPPORTED',
      'Encrypted Bitwarden exports cannot be read; export the vault as unencrypted JSON.',
    );
  }
  const items = Array.isArray(exported.items) ? exported.items : [];
  const collector = createCollector();
  items.forEach((item, index) => {
    const login = isRecord(item) && isRecord(item.login) ? item.login : {};
    const label = isRecord(item) ? labelOf(item.name, login.username) : '';
    collector.add(index + 1, label, () => bitwardenAccount(item));
  });
  return collector.finish('bitwarden');
}

/** null for an item without a TOTP. */
function bitwardenAccount(item: unknown): OtpAccount | null {
  if (!isRecord(item)) {
    throw new EntryProblem('IMPORT_ENTRY_MALFORMED', 'The item is not an object.');
  }
  const login = recordField(item, 'login');
  const totp = login === undefined ? '' : stringField(login, 'totp');
  if (login === undefined || totp === '') return null;
  const name = stringField(item, 'name');
  const username = stringField(login, 'username');
  const steam = /^steam:\/\/(.*)$/i.exec(totp);
  if (steam?.[1] !== undefined) {
    return buildAccount({ type: 'steam', issuer: name, label: username, secret: steam[1] });
  }
  if (/^otpauth:\/\//i.test(totp)) {
    const account = parseOtpauthUri(totp);
    const filled = { ...account, issuer: account.issuer || name, label: account.label || username };
    return buildAccount(filled);
  }
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(totp)) {
    throw new OtpUriError(
      'OTP_URI_MALFORMED',
      'The TOTP field holds a URI Authdeck does not know.',
    );
  }
  return buildAccount({ type: 'totp', issuer: name, label: username, secret: totp });
}
