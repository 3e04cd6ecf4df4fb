/**
 * Provider adapters whose every request lands in the request log. A set of adapters is built
 * per operation (provider-access.ts), so each set gets its own recording fetch, SC tap and tags:
 * an adapter method first finds who it works for (log-tags.ts), then makes its requests.
 *
 *   adapters ──fetch──► recording fetch ──► the worker's fetch
 *      └─ SC client ──tapped fetch (notes the key)──► timeout ──► recording fetch (opens it)
 */
import type { ProviderAdapter, ProviderAdapters, SlaunchxDeps } from '../../providers';
import { createSecureChannelClient } from '../../secure-channel/client';
import type { LogTags, TagHint, TagResolver } from './log-tags';
import { createRecordingFetch } from './recording-fetch';
import type { RequestLog } from './request-log';
import { createScTap } from './sc-tap';

export interface AdapterRecorder {
  /** The adapters `build` makes over `deps`, with every request they send recorded. */
  adapters(deps: SlaunchxDeps, build: (deps: SlaunchxDeps) => ProviderAdapters): ProviderAdapters;
}

export interface AdapterRecorderDeps {
  log: Pick<RequestLog, 'append'>;
  now: () => number;
  tagsOf: TagResolver;
}

type Tag = (target: Parameters<TagResolver>[0], hint: TagHint) => Promise<void>;

function withTags<A extends ProviderAdapter>(adapter: A, tag: Tag): A {
  return {
    ...adapter,
    advance: async (profile, state, input) => {
      await tag(profile, { kind: 'flow' });
      return adapter.advance(profile, state, input);
    },
    refresh: async (profile, tokens) => {
      await tag(profile, { kind: 'session', tokens });
      return adapter.refresh(profile, tokens);
    },
    logout: async (profile, tokens) => {
      await tag(profile, { kind: 'session', tokens });
      return adapter.logout(profile, tokens);
    },
  };
}

export function createAdapterRecorder(d: AdapterRecorderDeps): AdapterRecorder {
  return {
    adapters(deps, build) {
      let tags: LogTags = { profileId: '' };
      const tag: Tag = async (target, hint) => {
        tags = await d.tagsOf(target, hint);
      };
      const tap = createScTap();
      const fetch = createRecordingFetch({
        fetch: deps.fetch,
        now: d.now,
        sc: tap,
        record: ({ entry, cutBytes }) => d.log.append({ ...tags, entry, cutBytes }),
      });
      const built = build({
        ...deps,
        fetch,
        createScClient: tap.wrap(deps.createScClient ?? createSecureChannelClient),
      });
      const slaunchx = withTags(built.slaunchx, tag);
      return {
        slaunchx: {
          ...slaunchx,
          accountProfile: async (profile, tokens) => {
            await tag(profile, { kind: 'session', tokens });
            return built.slaunchx.accountProfile(profile, tokens);
          },
          // Sign-out closes the channel right after its logout: that logout's tags still hold.
          closeChannel: async (profile) => {
            if (tags.profileId === '') await tag(profile, { kind: 'other' });
            return built.slaunchx.closeChannel(profile);
          },
        },
        idaas: withTags(built.idaas, tag),
        koodrive: withTags(built.koodrive, tag),
        cloudbase: withTags(built.cloudbase, tag),
      };
    },
  };
}
