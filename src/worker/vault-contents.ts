import type { SiteBinding } from '../messaging/origin-match';
import type { BackupCode } from '../otp/backup-codes';
import type { OtpAccount } from '../otp/types';
import type { ErrorInfo, Tokens } from '../providers/flow';

/** One account as the vault keeps it: the OTP parameters plus what Authdeck adds. */
export interface StoredAccount extends OtpAccount {
  id: string;
  createdAt: number;
  backupCodes: BackupCode[];
  /** Origins this account fills on (issue 5 §3); absent in vaults written before binding. */
  sites?: SiteBinding[];
}

/** One signed-in auth session (issue 4): the tokens live in the vault, never in storage.local. */
export interface StoredSession {
  id: string;
  profileId: string;
  tokens: Tokens;
  createdAt: number;
  /** The last refresh failure, kept until the next success. */
  lastError?: ErrorInfo;
}

/**
 * The decrypted vault. Bump `version` and add a migration when the shape changes; optional
 * fields added later (issue 4) read as absent from older vaults, so they need none.
 */
export interface VaultContents {
  version: 1;
  accounts: StoredAccount[];
  /** Saved sign-in passwords, by profile id. */
  profileSecrets?: Record<string, { password: string }>;
  /** Auth sessions, by session id. */
  sessions?: Record<string, StoredSession>;
}

export const emptyVaultContents = (): VaultContents => ({ version: 1, accounts: [] });
