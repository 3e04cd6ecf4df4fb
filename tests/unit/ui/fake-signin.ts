/**
 * The sign-in half of the in-memory worker (fake-worker.ts): profiles, one flow at a time and
 * sessions, behind the real request schemas. Flows follow a script: each `signin/start` or
 * `signin/advance` answers the next scripted step, and with an empty script a start answers the
 * family's credentials step and an advance answers `done` (storing a session), so tests set up
 * exactly the step they render.
 */
import type { UiToWorker } from '../../../src/messaging/protocol';
import type {
  FlowInput,
  FlowView,
  ProfileInput,
  ProfileView,
  SessionView,
  SigninReplies,
} from '../../../src/messaging/signin-protocol';
import type { LoginMode, ProviderFamily, ViewStep } from '../../../src/providers/flow';

type SigninType = keyof SigninReplies;

export type SigninHandlers = {
  [K in SigninType]: (p: UiToWorker[K]['request']) => UiToWorker[K]['reply'];
};

/** One reply of the flow engine: the step and what came with it. */
export interface ScriptedStep {
  step: ViewStep;
  autoFilled?: FlowView['autoFilled'];
  retryAt?: number;
}

export interface ProfileSeed extends Omit<ProfileInput, 'id'> {
  id: string;
  password?: string;
}

export interface SessionSeed extends Partial<Omit<SessionView, 'id' | 'profileId'>> {
  id: string;
  profileId: string;
  accessToken: string;
}

export interface FakeSigninDeps {
  now: () => number;
  unlocked: () => void;
  fail: (code: string, message?: string) => never;
  profiles?: ProfileSeed[];
  sessions?: SessionSeed[];
}

export interface FakeSignin {
  handlers: SigninHandlers;
  profiles: () => ProfileView[];
  /** Passwords "in the vault", by profile id. */
  passwords: Map<string, string>;
  sessions: () => SessionView[];
  flow: () => FlowView | null;
  script: ScriptedStep[];
  /** Every `signin/advance` input, in order. */
  inputs: FlowInput[];
  /** A flow already running when the popup opens. */
  startFlow: (profileId: string, scripted: ScriptedStep) => void;
}

const MODES: Record<ProviderFamily, LoginMode[]> = {
  slaunchx: ['password'],
  idaas: ['code'],
  koodrive: ['password', 'code'],
  cloudbase: ['password', 'code'],
};

const IDENTIFIERS = {
  slaunchx: 'email',
  idaas: 'email',
  koodrive: 'account',
  cloudbase: 'username',
} as const;

export const mask = (token: string) => `${token.slice(0, 4)}…`;

function credentialsStep(family: ProviderFamily, mode: LoginMode | undefined): ViewStep {
  const chosen = mode ?? MODES[family][0] ?? 'password';
  return {
    step: 'credentials',
    mode: chosen,
    modes: MODES[family],
    identifier: IDENTIFIERS[family],
    password: chosen === 'password',
  };
}

export function createFakeSignin(deps: FakeSigninDeps): FakeSignin {
  const { now, fail, unlocked } = deps;
  const profiles = new Map<string, ProfileView>();
  const passwords = new Map<string, string>();
  const sessions = new Map<string, SessionView>();
  const tokens = new Map<string, string>();
  const script: ScriptedStep[] = [];
  const inputs: FlowInput[] = [];
  let flow: FlowView | null = null;
  let nextId = 1;

  const profile = (id: string) => profiles.get(id) ?? fail('PROFILE_NOT_FOUND');
  const session = (id: string) => sessions.get(id) ?? fail('SESSION_NOT_FOUND');

  const storeProfile = (id: string, input: Omit<ProfileInput, 'id'>): ProfileView => {
    const view: ProfileView = { ...input, id, hasPassword: passwords.has(id) };
    profiles.set(id, view);
    return view;
  };

  const addSession = ({ accessToken, ...seed }: SessionSeed): SessionView => {
    const owner = profiles.get(seed.profileId);
    const view: SessionView = {
      profileName: owner?.name ?? 'Gone',
      family: owner?.family ?? 'slaunchx',
      account: {},
      tokenType: 'Bearer',
      obtainedAt: now(),
      expiresAt: now() + 3_600_000,
      canRefresh: true,
      ...seed,
      maskedAccessToken: mask(accessToken),
    };
    sessions.set(view.id, view);
    tokens.set(view.id, accessToken);
    return view;
  };

  const doneStep = (family: ProviderFamily, login: string): ViewStep => ({
    step: 'done',
    tokens: {
      family,
      accessToken: `eyJ-fake-${nextId}`,
      tokenType: 'Bearer',
      expiresAt: now() + 3_600_000,
      account: { login },
      obtainedAt: now(),
    },
  });

  /** Moves the flow to `next`; a `done` stores the session, as the worker does. */
  const enter = (current: FlowView, next: ScriptedStep): FlowView => {
    const view: FlowView = { ...current, step: next.step, autoFilled: next.autoFilled ?? [] };
    delete view.retryAt;
    delete view.sessionId;
    if (next.retryAt !== undefined) view.retryAt = next.retryAt;
    if (next.step.step === 'done') {
      const stored = addSession({
        id: `ses-${nextId++}`,
        profileId: view.profileId,
        accessToken: next.step.tokens.accessToken,
        account: next.step.tokens.account,
        expiresAt: next.step.tokens.expiresAt,
      });
      view.sessionId = stored.id;
    }
    flow = view;
    return view;
  };

  const start = (profileId: string, mode?: LoginMode): FlowView => {
    const owner = profile(profileId);
    const fresh: FlowView = {
      flowId: `flow-${nextId++}`,
      profileId,
      family: owner.family,
      startedAt: now(),
      step: credentialsStep(owner.family, mode),
      autoFilled: [],
    };
    return enter(fresh, script.shift() ?? { step: fresh.step });
  };

  const current = (flowId: string) =>
    flow !== null && flow.flowId === flowId ? flow : fail('FLOW_NOT_FOUND');

  const handlers: SigninHandlers = {
    'profiles/list': () => [...profiles.values()],
    'profiles/save': ({ profile: input, password }) => {
      if (password !== undefined) unlocked();
      // As the worker's profile rules: https, or loopback http for a test profile.
      const url = new URL(input.baseUrl);
      const loopback = ['127.0.0.1', 'localhost', '[::1]'].includes(url.hostname);
      if (url.protocol !== 'https:' && (input.environment === 'production' || !loopback)) {
        fail('INSECURE_URL', 'A production profile must use an https:// base URL.');
      }
      const { id = `prof-${nextId++}`, ...rest } = input;
      if (input.id !== undefined) profile(input.id);
      if (typeof password === 'string') passwords.set(id, password);
      if (password === null) passwords.delete(id);
      return storeProfile(id, rest);
    },
    'profiles/delete': ({ id }) => {
      profile(id);
      profiles.delete(id);
      passwords.delete(id);
      return null;
    },
    'signin/start': ({ profileId, mode }) => (unlocked(), start(profileId, mode)),
    'signin/current': () => flow,
    'signin/advance': ({ flowId, input }) => {
      const running = current(flowId);
      inputs.push(input);
      const login = input.kind === 'credentials' ? input.identifier : 'someone';
      return enter(running, script.shift() ?? { step: doneStep(running.family, login) });
    },
    'signin/cancel': ({ flowId }) => {
      current(flowId);
      flow = null;
      return null;
    },
    'sessions/list': () => (unlocked(), [...sessions.values()]),
    'sessions/refresh': ({ id }) => {
      unlocked();
      const old = session(id);
      if (!old.canRefresh) fail('SESSION_NOT_REFRESHABLE');
      const refreshed = { ...old, obtainedAt: now(), expiresAt: now() + 3_600_000 };
      delete refreshed.lastError;
      const token = `fresh-${nextId++}-token`;
      tokens.set(id, token);
      refreshed.maskedAccessToken = mask(token);
      sessions.set(id, refreshed);
      return refreshed;
    },
    'sessions/sign-out': ({ id }) => {
      unlocked();
      session(id);
      sessions.delete(id);
      tokens.delete(id);
      return null;
    },
    'sessions/reveal-token': ({ id }) => {
      unlocked();
      const s = session(id);
      return { accessToken: tokens.get(id) ?? fail('SESSION_NOT_FOUND'), tokenType: s.tokenType };
    },
  };

  for (const { id, password, ...rest } of deps.profiles ?? []) {
    if (password !== undefined) passwords.set(id, password);
    storeProfile(id, rest);
  }
  for (const seed of deps.sessions ?? []) addSession(seed);

  return {
    handlers,
    profiles: () => [...profiles.values()],
    passwords,
    sessions: () => [...sessions.values()],
    flow: () => flow,
    script,
    inputs,
    startFlow: (profileId, scripted) => {
      script.unshift(scripted);
      start(profileId);
    },
  };
}
