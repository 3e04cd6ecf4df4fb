/**
 * The vault as the worker holds it. The encrypted blob lives in storage.local; the vault key
 * lives only in storage.session while unlocked, so a worker stop loses nothing and a browser
 * restart locks. Every change goes through `update`, which runs one at a time and writes the
 * whole blob in one storage call: a change is either stored or not, never half-stored.
 *
 *   absent --create--> unlocked --lock / idle / screen lock--> locked --unlock--> unlocked
 */
import {
  changePassphrase,
  createVault,
  decodeKey,
  encodeKey,
  readVault,
  unlockVault,
  writeVault,
  type StoredVault,
  type VaultOptions,
} from '../vault';
import type { VaultState } from '../messaging/protocol';
import { ActionError } from '../messaging/router';
import { emptyVaultContents, type VaultContents } from './vault-contents';

/** The narrow slice of a WXT storage item the service needs. */
export interface ValueStore<T> {
  getValue(): Promise<T | null>;
  setValue(value: T): Promise<void>;
  removeValue(): Promise<void>;
}

export interface VaultServiceDeps {
  vaultStore: ValueStore<StoredVault>;
  keyStore: ValueStore<string>;
  vaultOptions?: VaultOptions;
}

export type VaultService = ReturnType<typeof createVaultService>;

export function createVaultService({ vaultStore, keyStore, vaultOptions }: VaultServiceDeps) {
  let queue: Promise<unknown> = Promise.resolve();

  /** Serialises read-modify-write cycles inside one worker lifetime. */
  function exclusive<R>(task: () => Promise<R>): Promise<R> {
    const run = queue.then(task, task);
    queue = run.catch(() => undefined);
    return run;
  }

  async function requireStored(): Promise<StoredVault> {
    const stored = await vaultStore.getValue();
    if (!stored) throw new ActionError('VAULT_ABSENT', 'No vault exists yet: create one first.');
    return stored;
  }

  async function requireKey(): Promise<Uint8Array> {
    const encoded = await keyStore.getValue();
    if (!encoded) throw new ActionError('VAULT_LOCKED', 'The vault is locked.');
    return decodeKey(encoded);
  }

  async function state(): Promise<VaultState> {
    if (!(await vaultStore.getValue())) return 'absent';
    return (await keyStore.getValue()) ? 'unlocked' : 'locked';
  }

  return {
    state,

    create: (passphrase: string) =>
      exclusive(async () => {
        if (await vaultStore.getValue()) {
          throw new ActionError('VAULT_EXISTS', 'A vault already exists: unlock it instead.');
        }
        const { stored, key } = await createVault(passphrase, emptyVaultContents(), vaultOptions);
        await vaultStore.setValue(stored);
        await keyStore.setValue(encodeKey(key));
      }),

    unlock: (passphrase: string) =>
      exclusive(async () => {
        const key = await unlockVault(await requireStored(), passphrase, vaultOptions);
        await keyStore.setValue(encodeKey(key));
      }),

    lock: () => keyStore.removeValue(),

    changePassphrase: (current: string, next: string) =>
      exclusive(async () => {
        const stored = await requireStored();
        await requireKey();
        await vaultStore.setValue(await changePassphrase(stored, current, next, vaultOptions));
      }),

    read: async (): Promise<VaultContents> => {
      const key = await requireKey();
      return readVault<VaultContents>(await requireStored(), key);
    },

    /** Applies `change` to the decrypted contents and stores the result before resolving. */
    update: <R>(change: (contents: VaultContents) => { contents: VaultContents; result: R }) =>
      exclusive(async () => {
        const key = await requireKey();
        const stored = await requireStored();
        const { contents, result } = change(readVault<VaultContents>(stored, key));
        await vaultStore.setValue(writeVault(stored, key, contents, vaultOptions));
        return result;
      }),
  };
}
