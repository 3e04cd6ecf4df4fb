/**
 * Profiles (issue 4): non-secret records in storage.local, the optional password in the vault.
 * A password change writes the vault first and the record second, so a refused vault write
 * (locked) leaves the record as it was.
 */
import type { ProfileInput } from '../../messaging/signin-protocol';
import { ActionError } from '../../messaging/router';
import type { VaultContents } from '../vault-contents';
import type { ValueStore, VaultService } from '../vault-service';
import { validateProfile, type ProfileRecord } from './profile-rules';

export interface ProfilesDeps {
  store: ValueStore<ProfileRecord[]>;
  vault: VaultService;
  newId: () => string;
}

/** The vault with the profile's password set (string) or removed (null). */
export function withProfilePassword(
  contents: VaultContents,
  profileId: string,
  password: string | null,
): VaultContents {
  const secrets = Object.fromEntries(
    Object.entries(contents.profileSecrets ?? {}).filter(([id]) => id !== profileId),
  );
  if (password !== null) secrets[profileId] = { password };
  return { ...contents, profileSecrets: secrets };
}

export function createProfilesService({ store, vault, newId }: ProfilesDeps) {
  let queue: Promise<unknown> = Promise.resolve();
  /** One read-modify-write of the list at a time within a worker life. */
  function exclusive<R>(task: () => Promise<R>): Promise<R> {
    const run = queue.then(task, task);
    queue = run.catch(() => undefined);
    return run;
  }

  const list = async (): Promise<ProfileRecord[]> => (await store.getValue()) ?? [];

  async function find(id: string): Promise<ProfileRecord | undefined> {
    return (await list()).find((p) => p.id === id);
  }

  async function get(id: string): Promise<ProfileRecord> {
    const found = await find(id);
    if (!found) throw new ActionError('PROFILE_NOT_FOUND', 'That profile no longer exists.');
    return found;
  }

  async function put(record: ProfileRecord): Promise<void> {
    const all = await list();
    const at = all.findIndex((p) => p.id === record.id);
    await store.setValue(at < 0 ? [...all, record] : all.map((p, i) => (i === at ? record : p)));
  }

  /** Stores (string, '' counts as none) or removes (null) the password; VAULT_LOCKED if locked. */
  async function setPassword(record: ProfileRecord, password: string | null): Promise<boolean> {
    const next = password === '' ? null : password;
    if (next === null && !record.hasPassword) return false;
    await vault.update((c) => ({
      contents: withProfilePassword(c, record.id, next),
      result: null,
    }));
    return next !== null;
  }

  return {
    list,
    find,
    get,

    save: (input: ProfileInput, password: string | null | undefined) =>
      exclusive(async () => {
        const fields = validateProfile(input);
        const existing = input.id === undefined ? undefined : await get(input.id);
        if (existing && existing.family !== fields.family) {
          throw new ActionError(
            'PROFILE_FAMILY_FIXED',
            'A profile cannot change its provider; create a new profile instead.',
          );
        }
        const record: ProfileRecord = {
          ...fields,
          id: existing?.id ?? newId(),
          hasPassword: existing?.hasPassword ?? false,
        };
        if (password !== undefined) record.hasPassword = await setPassword(record, password);
        await put(record);
        return record;
      }),

    /** `remember: true` at the credentials step: keep the typed password for next time. */
    rememberPassword: (id: string, password: string) =>
      exclusive(async () => {
        const record = await get(id);
        await setPassword(record, password);
        await put({ ...record, hasPassword: true });
      }),

    /**
     * Removes the record, and its password when the vault is open; a locked vault keeps the
     * password until the next unlock prunes it (`pruneOrphans` in the sessions service).
     */
    remove: (id: string) =>
      exclusive(async () => {
        const record = await get(id);
        await store.setValue((await list()).filter((p) => p.id !== id));
        if (record.hasPassword && (await vault.state()) === 'unlocked') {
          await vault.update((c) => ({ contents: withProfilePassword(c, id, null), result: null }));
        }
      }),

    /** Adds the records whose id is not stored yet (dev profiles); returns how many. */
    addMissing: (records: ProfileRecord[]) =>
      exclusive(async () => {
        const all = await list();
        const known = new Set(all.map((p) => p.id));
        const fresh = records.filter((r) => !known.has(r.id) && Boolean(known.add(r.id)));
        if (fresh.length > 0) await store.setValue([...all, ...fresh]);
        return fresh.length;
      }),

    /** The saved password, or null (none saved, or the vault lost it). */
    savedPassword: async (id: string): Promise<string | null> =>
      (await vault.read()).profileSecrets?.[id]?.password ?? null,
  };
}

export type ProfilesService = ReturnType<typeof createProfilesService>;
