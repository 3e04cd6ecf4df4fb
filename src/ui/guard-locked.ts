import type { SendToWorker } from '../messaging/protocol';
import { errorCode } from './error-message';

/** Any reply saying the vault locked meanwhile (auto-lock) sends the user to unlock. */
export function guardLocked(send: SendToWorker, onLocked: () => void): SendToWorker {
  return async (type, payload) => {
    try {
      return await send(type, payload);
    } catch (caught) {
      if (errorCode(caught) === 'VAULT_LOCKED') onLocked();
      throw caught;
    }
  };
}
