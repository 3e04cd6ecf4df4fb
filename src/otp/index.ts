export type { OtpAccount, OtpAlgorithm, OtpType } from './types';
export { OtpUriError, type OtpUriErrorCode } from './otp-uri-error';
export { normalizeSecret, MIN_SECRET_BYTES, MAX_SECRET_BYTES } from './normalize-secret';
export { validateAccount } from './validate-account';
export { parseOtpauthUri } from './parse-otpauth-uri';
export { formatOtpauthUri } from './format-otpauth-uri';
export { generateCode, codeWindow, STEAM_ALPHABET } from './generate-code';
export {
  BackupCodeError,
  addBackupCodes,
  isBackupCodeSetLow,
  markBackupCodeUsed,
  normalizeBackupCode,
  parseBackupCodePaste,
  remainingBackupCodes,
  takeNextBackupCode,
  type BackupCode,
  type BackupCodeErrorCode,
  type BackupCodeRejectReason,
} from './backup-codes';
