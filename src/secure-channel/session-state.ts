/**
 * The client's persisted session (kept by the worker in storage.session, which survives worker
 * restarts but not the browser). Plain JSON so it can be stored as is.
 */
import { fromB64 } from './bytes';
import { SESSION_KEY_BYTES } from './envelope';

export interface ScSessionState {
  sessionId: string;
  /** The 32-byte session key K, b64. */
  key: string;
  /** Client-clock ms at which the session dies. */
  expiresAt: number;
  keyId: string;
  /** The X-Client-Hash the session was opened with (SCv2 §3 step 5). */
  clientHash: string;
}

/** Validates state read back from storage; anything else is treated as no session. */
export function parseScSessionState(value: unknown): ScSessionState | null {
  if (typeof value !== 'object' || value === null) return null;
  const s = value as Partial<Record<keyof ScSessionState, unknown>>;
  if (
    typeof s.sessionId !== 'string' ||
    typeof s.key !== 'string' ||
    typeof s.expiresAt !== 'number' ||
    typeof s.keyId !== 'string' ||
    typeof s.clientHash !== 'string'
  ) {
    return null;
  }
  if (fromB64(s.key)?.length !== SESSION_KEY_BYTES) return null;
  return {
    sessionId: s.sessionId,
    key: s.key,
    expiresAt: s.expiresAt,
    keyId: s.keyId,
    clientHash: s.clientHash,
  };
}
