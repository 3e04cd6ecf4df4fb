/** The worker's answers to the sign-in messages (signin-protocol.ts). */
import type { UiHandlers } from '../../messaging/router';
import type { SigninReplies } from '../../messaging/signin-protocol';
import type { FlowEngine } from './flow-engine';
import type { ProfilesService } from './profiles-service';
import type { SessionsService } from './sessions-service';

export type SigninHandlers = Pick<UiHandlers, keyof SigninReplies>;

export function createSigninHandlers(s: {
  profiles: ProfilesService;
  flows: FlowEngine;
  sessions: SessionsService;
}): SigninHandlers {
  return {
    'profiles/list': async () => (await s.profiles.list()).map((p) => ({ ...p })),
    'profiles/save': ({ profile, password }) => s.profiles.save(profile, password),
    'profiles/delete': async ({ id }) => {
      await s.profiles.get(id); // PROFILE_NOT_FOUND before anything changes
      await s.flows.cancelForProfile(id);
      await s.sessions.removeForProfile(id);
      await s.profiles.remove(id);
      return null;
    },
    'signin/start': ({ profileId, mode }) => s.flows.start(profileId, mode),
    'signin/current': () => s.flows.current(),
    'signin/advance': ({ flowId, input }) => s.flows.advance(flowId, input),
    'signin/cancel': ({ flowId }) => s.flows.cancel(flowId),
    'sessions/list': () => s.sessions.list(),
    'sessions/refresh': ({ id }) => s.sessions.refresh(id),
    'sessions/sign-out': async ({ id }) => {
      await s.sessions.signOut(id);
      return null;
    },
    'sessions/reveal-token': ({ id }) => s.sessions.reveal(id),
  };
}
