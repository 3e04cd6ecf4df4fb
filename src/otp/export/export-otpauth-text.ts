import { formatOtpauthUri } from '../format-otpauth-uri';
import type { OtpAccount } from '../types';

/**
 * One otpauth:// URI per line (formatOtpauthUri), newline-terminated: what importAccounts and
 * most authenticators read back. Throws OtpUriError for an invalid account.
 */
export function exportOtpauthText(accounts: readonly OtpAccount[]): string {
  return accounts.map((account) => `${formatOtpauthUri(account)}\n`).join('');
}
