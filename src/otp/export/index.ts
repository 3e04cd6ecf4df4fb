export { exportOtpauthText } from './export-otpauth-text';
export { exportAegisPlain, type AegisExportOptions } from './export-aegis-plain';
export {
  exportGoogleMigration,
  type GoogleMigrationExport,
  type GoogleMigrationOptions,
  type GoogleMigrationSkipReason,
} from './export-google-migration';
export {
  exportAuthdeckBackup,
  type AuthdeckBackupOptions,
  type BackupAccount,
} from './authdeck-backup';
export { importAuthdeckBackup } from '../import/authdeck-backup';
export { DEFAULT_BACKUP_KDF, MIN_BACKUP_LOG_N, type BackupKdf } from '../import/authdeck-backup';
