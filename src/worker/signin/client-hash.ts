/**
 * The X-Client-Hash of this browser profile (providers.md §1.1): made once, kept in
 * storage.local, and sent by every profile on every call, so a login session started at
 * `initiate` is completed from the same client (SlaunchX `AUTH.CLIENT_MISMATCH` otherwise).
 */
import type { ValueStore } from '../vault-service';

const HASH_BYTES = 16; // 32 hex characters, inside the 8–128 the providers accept

export interface ClientHashDeps {
  store: ValueStore<string>;
  randomBytes?: (length: number) => Uint8Array;
}

const defaultRandomBytes = (length: number) => crypto.getRandomValues(new Uint8Array(length));

export function createClientHash({ store, randomBytes = defaultRandomBytes }: ClientHashDeps) {
  // Within one worker life, concurrent first callers share one creation; across lives the
  // stored value is the only truth.
  let pending: Promise<string> | null = null;

  async function readOrCreate(): Promise<string> {
    const stored = await store.getValue();
    if (stored !== null && /^[0-9a-f]{32}$/.test(stored)) return stored;
    const hash = Array.from(randomBytes(HASH_BYTES), (b) => b.toString(16).padStart(2, '0')).join(
      '',
    );
    await store.setValue(hash);
    return hash;
  }

  return {
    get(): Promise<string> {
      pending ??= readOrCreate().catch((error: unknown) => {
        pending = null;
        throw error;
      });
      return pending;
    },
  };
}

export type ClientHash = ReturnType<typeof createClientHash>;
