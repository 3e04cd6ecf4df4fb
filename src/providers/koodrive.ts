/**
 * Koodrive adapter (providers.md §3; seed 003). Two modes:
 *
 *   password: credentials(account, password) ─login authType "1"─► done
 *   code:     credentials(account) ─verifycode/send─► code(SMS) ─verifycode/verify─►
 *             login authType "2" with the captchaToken ─► done
 *
 * The seed types `code` as a String but shows the number 0: both are read, "0"/0 is success.
 */
import * as v from 'valibot';
import {
  after,
  assertSecure,
  createEnv,
  errorStep,
  expectStep,
  guarded,
  makeState,
  normaliseCode,
  opt,
  profileOf,
  readState,
  settled,
  startGuard,
  withError,
  wrongInput,
  type AdapterEnv,
} from './adapter-kit';
import { clientError, ProviderError } from './errors';
import type {
  AdapterDeps,
  FlowState,
  FlowStep,
  LoginMode,
  ProviderAdapter,
  StepInput,
  Tokens,
} from './flow';
import { parseShape } from './http';
import { endpoint, type KoodriveProfile } from './profile';

const BASE = '/koodrive/ose/v1/auth';

/** A Long may arrive as a number or a digit string. */
const Long = v.union([v.number(), v.pipe(v.string(), v.regex(/^\d+$/), v.transform(Number))]);

const Envelope = v.looseObject({
  code: v.union([v.string(), v.number()]),
  msg: v.optional(v.string()),
  data: v.optional(v.unknown()),
});

const SessionInfo = v.looseObject({
  accessToken: v.pipe(v.string(), v.minLength(1)),
  expiresIn: Long,
  refreshToken: v.pipe(v.string(), v.minLength(1)),
});
const UserInfo = v.looseObject({
  userId: v.string(),
  firstname: v.optional(v.string()),
  surname: v.optional(v.string()),
  phone: v.optional(v.string()),
  email: v.optional(v.string()),
});
const LoginData = v.looseObject({ userInfo: UserInfo, sessionInfo: SessionInfo });
const RefreshData = v.looseObject({ sessionInfo: SessionInfo });
const SentData = v.looseObject({ expiresIn: Long });
const VerifiedData = v.looseObject({ captchaToken: v.pipe(v.string(), v.minLength(1)) });

const CredentialsData = v.object({ mode: v.picklist(['password', 'code']) });
const CodeData = v.object({ account: v.string(), expiresAt: v.number() });

function createKoodriveApi(env: AdapterEnv) {
  return async function post<S extends v.GenericSchema>(
    p: KoodriveProfile,
    path: string,
    body: unknown,
    schema: S,
  ): Promise<v.InferOutput<S>> {
    const res = await env.http.request({
      method: 'POST',
      url: endpoint(p, BASE + path),
      headers: {
        'x-hw-agentName': p.agentName,
        'Content-Type': 'application/json',
        Accept: 'application/json',
      },
      body,
    });
    const envelope = parseShape('koodrive', Envelope, res.body, res.status);
    const code = String(envelope.code);
    if (code !== '0') {
      // providers.md §3: business errors are HTTP 200 with a non-zero code.
      throw new ProviderError({
        code,
        provider: 'koodrive',
        httpStatus: res.status,
        ...opt('message', envelope.msg),
      });
    }
    return parseShape('koodrive', schema, envelope.data, res.status);
  };
}

function credentialsStep(mode: LoginMode): FlowStep {
  return {
    step: 'credentials',
    state: makeState('koodrive', 'credentials', { mode }),
    mode,
    modes: ['password', 'code'],
    identifier: 'account',
    password: mode === 'password',
  };
}

function codeStep(data: v.InferOutput<typeof CodeData>): FlowStep {
  return {
    step: 'code',
    state: makeState('koodrive', 'code', { ...data }),
    method: 'SMS',
    destination: data.account,
    expiresAt: data.expiresAt,
    canResend: true,
    alternatives: [],
  };
}

export function createKoodriveAdapter(deps: AdapterDeps): ProviderAdapter {
  const env = createEnv('koodrive', deps);
  const post = createKoodriveApi(env);

  function toTokens(
    session: v.InferOutput<typeof SessionInfo>,
    account: Tokens['account'],
  ): Tokens {
    const now = env.now();
    return {
      family: 'koodrive',
      accessToken: session.accessToken,
      // The token carries its own "AT " label (providers.md §3); it is presented as is.
      tokenType: 'AT',
      refreshToken: session.refreshToken,
      expiresAt: after(now, session.expiresIn),
      account,
      obtainedAt: now,
    };
  }

  function done(data: v.InferOutput<typeof LoginData>, login: string): FlowStep {
    const u = data.userInfo;
    const name = [u.firstname, u.surname].filter((x) => x !== undefined && x !== '').join(' ');
    const account: Tokens['account'] = {
      id: u.userId,
      login,
      ...opt('displayName', name === '' ? undefined : name),
      ...opt('phone', u.phone === '' ? undefined : u.phone),
      ...opt('email', u.email === '' ? undefined : u.email),
    };
    return { step: 'done', tokens: toTokens(data.sessionInfo, account) };
  }

  async function sendCode(p: KoodriveProfile, account: string): Promise<FlowStep> {
    const sent = await post(p, '/verifycode/send', { account }, SentData);
    return codeStep({ account, expiresAt: after(env.now(), sent.expiresIn) });
  }

  async function credentials(p: KoodriveProfile, state: FlowState, input: StepInput) {
    const { mode } = readState('koodrive', state, CredentialsData);
    if (input.kind !== 'credentials') throw wrongInput('koodrive', state, input);
    const account = input.identifier.trim();
    if (account === '') throw clientError('koodrive', 'INPUT_INVALID', 'account is required');
    if (mode === 'code') return sendCode(p, account);
    if (!input.password) throw clientError('koodrive', 'INPUT_INVALID', 'password is required');
    const body = { account, authType: '1', password: input.password };
    return done(await post(p, '/login', body, LoginData), account);
  }

  async function code(p: KoodriveProfile, state: FlowState, input: StepInput) {
    const { account } = readState('koodrive', state, CodeData);
    if (input.kind === 'resend') return sendCode(p, account);
    if (input.kind !== 'code') throw wrongInput('koodrive', state, input);
    const verifyCode = normaliseCode(input.code);
    const { captchaToken } = await post(
      p,
      '/verifycode/verify',
      { account, verifyCode },
      VerifiedData,
    );
    const body = { account, authType: '2', captchaToken };
    return done(await post(p, '/login', body, LoginData), account);
  }

  function again(state: FlowState, error: ProviderError): FlowStep {
    try {
      if (state.step === 'code')
        return withError(codeStep(readState('koodrive', state, CodeData)), error);
      const { mode } = readState('koodrive', state, CredentialsData);
      return withError(credentialsStep(mode), error);
    } catch (bad) {
      if (bad instanceof ProviderError) return errorStep(bad);
      throw bad;
    }
  }

  return settled({
    family: 'koodrive',
    start(profile, input) {
      const p = profileOf('koodrive', profile);
      return Promise.resolve(startGuard(p) ?? credentialsStep(input?.mode ?? 'password'));
    },
    advance(profile, state, input) {
      const p = profileOf('koodrive', profile);
      const run = () => {
        expectStep('koodrive', state, ['credentials', 'code']);
        return state.step === 'code' ? code(p, state, input) : credentials(p, state, input);
      };
      // providers.md §3: "10005" — the account stays locked for 15 minutes.
      return guarded(
        run,
        (e) => again(state, e),
        (e) => e.code === '10005',
      );
    },
    async refresh(profile, tokens) {
      const p = profileOf('koodrive', profile);
      assertSecure(p);
      if (tokens.refreshToken === undefined) {
        throw clientError('koodrive', 'INPUT_INVALID', 'no refresh token');
      }
      const body = { refreshToken: tokens.refreshToken };
      const data = await post(p, '/token/refresh', body, RefreshData);
      return toTokens(data.sessionInfo, tokens.account);
    },
    // The contract (providers.md §3) has no logout call: dropping the tokens is all there is.
    logout(profile) {
      profileOf('koodrive', profile);
      return Promise.resolve();
    },
  });
}
