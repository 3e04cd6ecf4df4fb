/**
 * SlaunchX adapter (providers.md §1; seeds 000, 002), both portals, every business call over
 * the secure channel:
 *
 *   credentials ──initiate──► (no MFA) done
 *                      └────► choose-method (several methods) ─► send-code (EMAIL) ─mfa/send─► code
 *                                                             └─► code (OTP, BACKUP_CODE)
 *   code ──complete──► done | pending-approval (ACCOUNT_PENDING_APPROVAL)
 */
import * as v from 'valibot';
import { createSecureChannelClient } from '../secure-channel/client';
import {
  after,
  assertSecure,
  createEnv,
  errorStep,
  expectStep,
  guarded,
  normaliseCode,
  opt,
  profileOf,
  readState,
  settle,
  settled,
  startGuard,
  withError,
  wrongInput,
  type AdapterEnv,
} from './adapter-kit';
import { clientError, ProviderError } from './errors';
import type { AdapterDeps, FlowState, FlowStep, ProviderAdapter, StepInput, Tokens } from './flow';
import { parseShape } from './http';
import {
  credentialsStep,
  methodStep,
  Mfa,
  mfaState,
  render,
  type SxMethod,
} from './slaunchx-steps';
import type { AccountIdentity, SlaunchxProfile } from './profile';
import {
  createSlaunchxApi,
  methodFromCode,
  METHOD_CODES,
  TokenData,
  type ScClientFactory,
  type ScStateStore,
  type SlaunchxApi,
} from './slaunchx-api';

export interface SlaunchxDeps extends AdapterDeps, ScStateStore {
  /** Defaults to the project's SCv2 client. */
  createScClient?: ScClientFactory;
}

const Initiate = v.variant('mfaRequired', [
  v.looseObject({
    mfaRequired: v.literal(true),
    sessionId: v.pipe(v.string(), v.minLength(1)),
    mfaMethods: v.array(v.number()),
    maskedEmail: v.optional(v.string()),
  }),
  v.looseObject({ mfaRequired: v.literal(false), ...TokenData.entries }),
]);

const Sent = v.looseObject({ expiresIn: v.number(), resendAfter: v.optional(v.number()) });

// Codes after which the login session is gone (providers.md §1.3): only a restart helps.
const FATAL = new Set([
  'AUTH.LOGIN_SESSION_EXPIRED',
  'AUTH.LOGIN_SESSION_LOCKED',
  'AUTH.CLIENT_MISMATCH',
]);
const isFatal = (e: ProviderError) => FATAL.has(e.code);

export interface SlaunchxAdapter extends ProviderAdapter {
  /** GET P/profile with the access token (providers.md §1.4): who the tokens belong to. */
  accountProfile(profile: SlaunchxProfile, tokens: Tokens): Promise<AccountIdentity>;
  /** Closes the profile's SC session (e.g. on vault lock); SCv2 §5. */
  closeChannel(profile: SlaunchxProfile): Promise<void>;
}

export function createSlaunchxAdapter(deps: SlaunchxDeps): SlaunchxAdapter {
  const env = createEnv('slaunchx', deps);
  const api = createSlaunchxApi(env, {
    ...deps,
    createScClient: deps.createScClient ?? createSecureChannelClient,
  });
  const flow = createSlaunchxFlow(env, api);
  return settled({
    family: 'slaunchx',
    start: (profile) =>
      Promise.resolve(startGuard(profileOf('slaunchx', profile)) ?? credentialsStep()),
    advance: (profile, state, input) => flow.advance(profileOf('slaunchx', profile), state, input),
    async refresh(profile, tokens) {
      const p = profileOf('slaunchx', profile);
      assertSecure(p);
      if (tokens.refreshToken === undefined)
        throw clientError('slaunchx', 'INPUT_INVALID', 'no refresh token');
      const data = await api.sc(p, '/auth/token/refresh', { refreshToken: tokens.refreshToken });
      return flow.toTokens(parseShape('slaunchx', TokenData, data), tokens.account);
    },
    async logout(profile, tokens) {
      const p = profileOf('slaunchx', profile);
      assertSecure(p);
      await api.sc(p, '/auth/logout', {}, tokens.accessToken);
    },
    accountProfile: (profile, tokens) =>
      settle(() => {
        assertSecure(profile);
        return api.profile(profile, tokens.accessToken);
      }),
    closeChannel: (profile) => api.close(profile),
  });
}

function createSlaunchxFlow(env: AdapterEnv, api: SlaunchxApi) {
  function toTokens(data: v.InferOutput<typeof TokenData>, account: Tokens['account']): Tokens {
    const now = env.now();
    return {
      family: 'slaunchx',
      accessToken: data.accessToken,
      refreshToken: data.refreshToken,
      tokenType: 'Bearer',
      expiresAt: after(now, data.expiresIn),
      account,
      obtainedAt: now,
    };
  }

  /** Tokens plus who they belong to; the seed says to ask the profile call, not the JWT. */
  async function done(p: SlaunchxProfile, data: v.InferOutput<typeof TokenData>, email: string) {
    let account: Tokens['account'] = { email, login: email };
    try {
      account = { ...(await api.profile(p, data.accessToken)), login: email };
    } catch (error) {
      // The tokens are issued and the login session consumed: keep them even if the
      // profile call fails; the identity then falls back to what the user typed.
      if (!(error instanceof ProviderError)) throw error;
    }
    return { step: 'done', tokens: toTokens(data, account) } satisfies FlowStep;
  }

  async function credentials(p: SlaunchxProfile, input: StepInput): Promise<FlowStep> {
    if (input.kind !== 'credentials' || input.identifier.trim() === '' || !input.password) {
      throw clientError('slaunchx', 'INPUT_INVALID', 'email and password are required');
    }
    const email = input.identifier.trim();
    const raw = await api.sc(p, '/auth/login/initiate', { email, password: input.password });
    const data = parseShape('slaunchx', Initiate, raw);
    if (!data.mfaRequired) return done(p, data, email);
    const methods = data.mfaMethods.map(methodFromCode).filter((m): m is SxMethod => m !== null);
    const [only, ...more] = methods;
    if (only === undefined)
      throw clientError('slaunchx', 'RESPONSE_INVALID', 'no known MFA method offered');
    const m: Mfa = {
      email,
      sessionId: data.sessionId,
      methods,
      ...opt('maskedEmail', data.maskedEmail),
    };
    return more.length === 0 ? methodStep(m, only) : render(mfaState('choose-method', m), m);
  }

  async function sendCode(p: SlaunchxProfile, m: Mfa): Promise<FlowStep> {
    const raw = await api.sc(p, '/auth/login/mfa/send', {
      sessionId: m.sessionId,
      method: METHOD_CODES.EMAIL,
    });
    const sent = parseShape('slaunchx', Sent, raw);
    const now = env.now();
    return methodStep(
      {
        ...m,
        method: 'EMAIL',
        expiresAt: after(now, sent.expiresIn),
        resendAt: after(now, sent.resendAfter ?? 0),
      },
      'EMAIL',
    );
  }

  async function complete(
    p: SlaunchxProfile,
    m: Mfa,
    method: SxMethod,
    code: string,
  ): Promise<FlowStep> {
    try {
      const raw = await api.sc(p, '/auth/login/complete', {
        sessionId: m.sessionId,
        method: METHOD_CODES[method],
        code,
      });
      return await done(p, parseShape('slaunchx', TokenData, raw), m.email);
    } catch (error) {
      // providers.md §1.3: right credentials and code, but no tokens until someone approves.
      if (error instanceof ProviderError && error.code === 'ACCOUNT_PENDING_APPROVAL') {
        return { step: 'pending-approval', message: error.message };
      }
      throw error;
    }
  }

  async function mfa(
    p: SlaunchxProfile,
    state: FlowState,
    m: Mfa,
    input: StepInput,
  ): Promise<FlowStep> {
    if (input.kind === 'choose-method') {
      const method = m.methods.find((x) => x === input.method);
      if (method === undefined)
        throw clientError('slaunchx', 'INPUT_INVALID', `method ${input.method} not offered`);
      return methodStep({ ...m, method, expiresAt: undefined, resendAt: undefined }, method);
    }
    const sendable = m.method === 'EMAIL';
    if (
      (input.kind === 'send-code' && state.step === 'send-code') ||
      (input.kind === 'resend' && sendable)
    ) {
      return sendCode(p, m);
    }
    if (input.kind === 'code' && state.step === 'code' && m.method !== undefined) {
      return complete(p, m, m.method, normaliseCode(input.code));
    }
    throw wrongInput('slaunchx', state, input);
  }

  async function advance(
    p: SlaunchxProfile,
    state: FlowState,
    input: StepInput,
  ): Promise<FlowStep> {
    if (state.step === 'credentials') {
      const run = () => {
        readState('slaunchx', state, v.object({}));
        return credentials(p, input);
      };
      return guarded(run, (e) => withError(credentialsStep(), e), isFatal);
    }
    let m: Mfa | undefined;
    const run = () => {
      expectStep('slaunchx', state, ['choose-method', 'send-code', 'code']);
      m = readState('slaunchx', state, Mfa);
      return mfa(p, state, m, input);
    };
    return guarded(run, (e) => (m ? withError(render(state, m), e) : errorStep(e)), isFatal);
  }

  return { advance, toTokens };
}
