/**
 * Which profile, sign-in flow or session a provider request belongs to, found from what the
 * adapter is called with and what storage.session holds at that moment: the running flow (one
 * at a time, stored before each transition), the session whose tokens are being used, or else
 * the stored profile the adapters' profile was built from.
 */
import type { Profile, Tokens } from '../../providers/flow';
import type { StoredSession } from '../vault-contents';
import type { ValueStore } from '../vault-service';
import { parseFlowRecord, type FlowRecord } from '../signin/flow-record';
import { toAdapterProfile, type ProfileRecord } from '../signin/profile-rules';

export interface LogTags {
  /** '' when no stored profile matches (one deleted meanwhile). */
  profileId: string;
  flowId?: string;
  sessionId?: string;
}

export interface TagSources {
  profiles: ValueStore<ProfileRecord[]>;
  flow: ValueStore<FlowRecord>;
  sessions: ValueStore<Record<string, StoredSession>>;
}

/** What an adapter method is about to do: a flow step, or work on a session's tokens. */
export type TagHint = { kind: 'flow' } | { kind: 'session'; tokens: Tokens } | { kind: 'other' };

function canonical(profile: Profile): string {
  const entries = Object.entries(profile).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return JSON.stringify(entries);
}

export type TagResolver = (target: Profile, hint: TagHint) => Promise<LogTags>;

export function createTagResolver(sources: TagSources): TagResolver {
  async function profileIdOf(target: Profile, prefer?: string): Promise<string | undefined> {
    const wanted = canonical(target);
    const matching = ((await sources.profiles.getValue()) ?? []).filter(
      (record) => canonical(toAdapterProfile(record, target.clientHash)) === wanted,
    );
    // Two profiles may point at the same service alike; the flow or session names the one.
    return (matching.find((r) => r.id === prefer) ?? matching[0])?.id;
  }

  async function fromFlow(target: Profile): Promise<LogTags | null> {
    const record = parseFlowRecord(await sources.flow.getValue());
    if (record === null) return null;
    const profileId = await profileIdOf(target, record.profileId);
    return profileId === record.profileId ? { profileId, flowId: record.flowId } : null;
  }

  async function fromSession(tokens: Tokens): Promise<LogTags | null> {
    const sessions = Object.values((await sources.sessions.getValue()) ?? {});
    const used = sessions.find((s) => s.tokens.accessToken === tokens.accessToken);
    return used === undefined ? null : { profileId: used.profileId, sessionId: used.id };
  }

  return async (target, hint) => {
    try {
      const found =
        hint.kind === 'flow'
          ? await fromFlow(target)
          : hint.kind === 'session'
            ? await fromSession(hint.tokens)
            : null;
      return found ?? { profileId: (await profileIdOf(target)) ?? '' };
    } catch {
      return { profileId: '' }; // tags are a courtesy: never a reason for a call to fail
    }
  };
}
