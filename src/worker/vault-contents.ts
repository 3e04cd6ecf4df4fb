import type { BackupCode } from '../otp/backup-codes';
import type { OtpAccount } from '../otp/types';

/** One account as the vault keeps it: the OTP parameters plus what Authdeck adds. */
export interface StoredAccount extends OtpAccount {
  id: string;
  createdAt: number;
  backupCodes: BackupCode[];
}

/** The decrypted vault. Bump `version` and add a migration when the shape changes. */
export interface VaultContents {
  version: 1;
  accounts: StoredAccount[];
}

export const emptyVaultContents = (): VaultContents => ({ version: 1, accounts: [] });
