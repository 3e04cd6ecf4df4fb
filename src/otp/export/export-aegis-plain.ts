/**
 * An unencrypted Aegis vault (beemdevelopment/Aegis, docs/vault.md, content version 3) that
 * Aegis imports and that importAccounts reads back to the same accounts. Aegis has no field
 * for an HOTP period, so `info.period` is written for HOTP only when it is not 30 (Aegis ignores
 * it; our importer keeps it). UUIDs are version 4 from the injected randomness.
 */
import type { OtpAccount } from '../types';
import { validateAccount } from '../validate-account';
import { defaultRandomBytes, encodeHex, takeRandom, type RandomBytes } from '../import/bytes';

export interface AegisExportOptions {
  randomBytes?: RandomBytes;
}

/** Throws OtpUriError for an invalid account. */
export function exportAegisPlain(
  accounts: readonly OtpAccount[],
  opts: AegisExportOptions = {},
): string {
  const randomBytes = opts.randomBytes ?? defaultRandomBytes;
  const entries = accounts.map((account) => {
    validateAccount(account);
    return {
      type: account.type,
      uuid: uuidV4(randomBytes),
      name: account.label,
      issuer: account.issuer,
      note: '',
      favorite: false,
      icon: null,
      icon_mime: null,
      icon_hash: null,
      info: aegisInfo(account),
      groups: [],
    };
  });
  const vault = {
    version: 1,
    header: { slots: null, params: null },
    db: { version: 3, entries, groups: [] },
  };
  return `${JSON.stringify(vault, null, 4)}\n`;
}

function aegisInfo(account: OtpAccount): Record<string, string | number> {
  const common = { secret: account.secret, algo: account.algorithm, digits: account.digits };
  if (account.type !== 'hotp') return { ...common, period: account.period };
  return account.period === 30
    ? { ...common, counter: account.counter }
    : { ...common, counter: account.counter, period: account.period };
}

/** RFC 9562 §5.4: version 4 in the high nibble of byte 6, variant 10 in byte 8. */
function uuidV4(randomBytes: RandomBytes): string {
  const bytes = takeRandom(randomBytes, 16);
  bytes[6] = ((bytes[6] ?? 0) & 0x0f) | 0x40;
  bytes[8] = ((bytes[8] ?? 0) & 0x3f) | 0x80;
  const hex = encodeHex(bytes);
  return [
    hex.slice(0, 8),
    hex.slice(8, 12),
    hex.slice(12, 16),
    hex.slice(16, 20),
    hex.slice(20),
  ].join('-');
}
