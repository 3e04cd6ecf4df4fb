import { storage } from 'wxt/utils/storage';
import type { PendingImport } from '../worker/transfer-service';

/** An import waiting for the user's confirmation; it holds secrets, so memory only. */
export const pendingImportItem = storage.defineItem<PendingImport>('session:pendingImport');
