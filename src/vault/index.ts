/** Public surface of the vault; internals (header codec, key wrap) are imported by path in tests. */
export {
  changePassphrase,
  createVault,
  readVault,
  unlockVault,
  writeVault,
  type StoredVault,
  type UnlockOptions,
  type VaultOptions,
  type WriteOptions,
} from './vault';
export { VaultError, isVaultError, VAULT_ERROR_CODES, type VaultErrorCode } from './errors';
export { DEFAULT_KDF, KDF_LIMITS, type KdfParams, type ScryptFn, type ScryptParams } from './kdf';
export { decodeKey, encodeKey } from './session-key';
export { wipe } from './bytes';
