/**
 * The inspector's session actions (issue 6): close the SCv2 channel a session's profile uses,
 * and export a session's tokens. Both read the session from the vault, so both want it unlocked.
 */
import type { SessionExportFormat } from '../../messaging/inspector-protocol';
import { ActionError } from '../../messaging/router';
import type { Signin } from '../signin/create-signin';
import { toAdapterProfile } from '../signin/profile-rules';
import type { StoredSession } from '../vault-contents';
import type { VaultService } from '../vault-service';
import { authorizationHeader, sessionCurl, sessionJson } from './session-export';

export interface SessionToolsDeps {
  vault: Pick<VaultService, 'state' | 'read'>;
  signin: Pick<Signin, 'profiles' | 'clientHash' | 'access'>;
  randomBytes?: (length: number) => Uint8Array;
}

const defaultRandomBytes = (n: number): Uint8Array => crypto.getRandomValues(new Uint8Array(n));

export function createSessionTools(d: SessionToolsDeps) {
  const randomBytes = d.randomBytes ?? defaultRandomBytes;

  async function session(id: string): Promise<StoredSession> {
    if ((await d.vault.state()) !== 'unlocked') {
      throw new ActionError('VAULT_LOCKED', 'Unlock the vault to use auth sessions.');
    }
    const found = (await d.vault.read()).sessions?.[id];
    if (!found) throw new ActionError('SESSION_NOT_FOUND', 'That session no longer exists.');
    return found;
  }

  async function targetOf(s: StoredSession) {
    const profile = await d.signin.profiles.get(s.profileId);
    return toAdapterProfile(profile, await d.signin.clientHash.get());
  }

  return {
    /**
     * SCv2 §5: the server is told to close the channel and the key is erased here whatever it
     * answers. The session stays signed in; its next SC call opens a new channel (SCv2 §3).
     */
    async closeChannel(id: string): Promise<null> {
      const target = await targetOf(await session(id));
      if (target.family !== 'slaunchx') {
        throw new ActionError(
          'NO_SECURE_CHANNEL',
          'Only SlaunchX sessions talk over a secure channel.',
        );
      }
      await d.signin.access.adapters().slaunchx.closeChannel(target);
      return null;
    },

    async export(id: string, format: SessionExportFormat): Promise<{ text: string }> {
      const s = await session(id);
      switch (format) {
        case 'authorization-header':
          return { text: authorizationHeader(s.tokens) };
        case 'json':
          return { text: sessionJson(s.tokens) };
        case 'curl':
          return { text: `${sessionCurl(await targetOf(s), s.tokens, randomBytes)}\n` };
      }
    },
  };
}

export type SessionTools = ReturnType<typeof createSessionTools>;
