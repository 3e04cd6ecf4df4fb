/**
 * IDaaS CIAM adapter (providers.md §2; seed 001): e-mail code login behind a graphic captcha.
 *
 *   credentials(email) ─captcha/graphic─► captcha ─verify + send-email-verify-code─► code
 *   code ─login/email-verify-code─► done       (resend: a new captcha, then a new code)
 *
 * The session_token (5 days) plays the refresh token: it mints new id tokens (token/id-token).
 */
import * as v from 'valibot';
import {
  after,
  assertSecure,
  createEnv,
  decodeJwtClaims,
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
import type { AdapterDeps, FlowState, FlowStep, ProviderAdapter, StepInput, Tokens } from './flow';
import { parseShape } from './http';
import { endpoint, type IdaasProfile } from './profile';

const BASE = '/api/v2/sdk';
const CAPTCHA_ANSWER_HEADER = 'X-Emulator-Captcha-Answer';
// Default id_token life when its JWT carries no exp (seed 001: "defaults to 5 minutes").
const DEFAULT_ID_TOKEN_SECONDS = 300;

const ErrorBody = v.looseObject({ error_code: v.string(), error_msg: v.optional(v.string()) });
const Graphic = v.looseObject({ captcha_id: v.string(), image: v.string() });
const CaptchaToken = v.looseObject({ captcha_token: v.string() });
const Sent = v.looseObject({ status: v.literal('SUCCESS'), expire: v.number() });
const Login = v.looseObject({
  session_token: v.pipe(v.string(), v.minLength(1)),
  expire: v.number(),
  status: v.literal('SUCCESS'),
  id_token: v.pipe(v.string(), v.minLength(1)),
});
const IdToken = v.looseObject({ id_token: v.pipe(v.string(), v.minLength(1)), expire: v.number() });

const CaptchaData = v.object({
  email: v.string(),
  captchaId: v.string(),
  image: v.string(),
  hint: v.optional(v.string()),
});
const CodeData = v.object({ email: v.string(), expiresAt: v.number() });

function headers(p: IdaasProfile): Record<string, string> {
  // providers.md §2: X-L is zh or en; the device headers are required on every call.
  const lang = (p.acceptLanguage ?? 'en').toLowerCase().startsWith('zh') ? 'zh' : 'en';
  return {
    'X-client-id': p.clientId,
    'X-device-fingerprint': p.clientHash,
    'X-operating-sys-version': p.osVersion ?? 'unknown',
    'X-agent': p.agent ?? 'Authdeck',
    'content-type': 'application/json',
    Accept: 'application/json',
    'X-L': lang,
    ...opt('X-device-ip', p.deviceIp),
  };
}

function createIdaasApi(env: AdapterEnv) {
  async function post<S extends v.GenericSchema>(
    p: IdaasProfile,
    path: string,
    body: unknown,
    schema: S,
  ) {
    const res = await env.http.request({
      method: 'POST',
      url: endpoint(p, BASE + path),
      headers: headers(p),
      body,
    });
    const failure = v.safeParse(ErrorBody, res.body);
    if (res.status >= 400 || failure.success) {
      const err = parseShape('idaas', ErrorBody, res.body, res.status);
      throw new ProviderError({
        code: err.error_code,
        provider: 'idaas',
        httpStatus: res.status,
        ...opt('message', err.error_msg),
      });
    }
    return { data: parseShape('idaas', schema, res.body, res.status), headers: res.headers };
  }
  return { post };
}

const credentialsStep = (): FlowStep => ({
  step: 'credentials',
  state: makeState('idaas', 'credentials', {}),
  mode: 'code',
  modes: ['code'],
  identifier: 'email',
  password: false,
});

function captchaStep(data: v.InferOutput<typeof CaptchaData>): FlowStep {
  const state = makeState('idaas', 'captcha', { ...data });
  return { step: 'captcha', state, image: data.image, ...opt('hint', data.hint) };
}

function codeStep(data: v.InferOutput<typeof CodeData>): FlowStep {
  const state = makeState('idaas', 'code', { ...data });
  const base = { step: 'code', state, method: 'EMAIL', destination: data.email } as const;
  return { ...base, expiresAt: data.expiresAt, canResend: true, alternatives: [] };
}

export function createIdaasAdapter(deps: AdapterDeps): ProviderAdapter {
  const env = createEnv('idaas', deps);
  const api = createIdaasApi(env);

  async function newCaptcha(p: IdaasProfile, email: string): Promise<FlowStep> {
    const { data, headers: h } = await api.post(p, '/captcha/graphic', {}, Graphic);
    // Test profiles only: the emulator discloses the answer so automated runs can pass.
    const hint = p.environment === 'test' ? (h.get(CAPTCHA_ANSWER_HEADER) ?? undefined) : undefined;
    return captchaStep({
      email,
      captchaId: data.captcha_id,
      image: data.image,
      ...opt('hint', hint),
    });
  }

  async function solveAndSend(p: IdaasProfile, email: string, captchaId: string, answer: string) {
    try {
      const body = { captcha_id: captchaId, captcha_code: answer.trim() };
      const { data: token } = await api.post(p, '/captcha/graphic/verify', body, CaptchaToken);
      const send = { email, type: 'LOGIN_EMS', captcha_token: token.captcha_token };
      const { data: sent } = await api.post(p, '/send-email-verify-code', send, Sent);
      return codeStep({ email, expiresAt: after(env.now(), sent.expire) });
    } catch (error) {
      if (!(error instanceof ProviderError)) throw error;
      // A captcha is single-use: after a wrong answer only a fresh one can be tried.
      if (error.code.startsWith('IDAAS.SDK.CAPTCHA.'))
        return withError(await newCaptcha(p, email), error);
      // Unknown or disabled e-mail: the user has to change what they typed.
      if (error.code.startsWith('IDAAS.SDK.USER.')) return withError(credentialsStep(), error);
      throw error;
    }
  }

  /** Lifetime: as the server states it, else the JWT's exp − iat (clock-independent), else 5 min. */
  function toTokens(
    idToken: string,
    statedSeconds: number | undefined,
    account: Tokens['account'],
    session?: { token: string; expire: number },
  ): Tokens {
    const now = env.now();
    const claims = decodeJwtClaims(idToken);
    const [exp, iat] = [claims?.['exp'], claims?.['iat']];
    const fromJwt =
      typeof exp === 'number' && typeof iat === 'number' && exp > iat ? exp - iat : undefined;
    const lifetime = statedSeconds ?? fromJwt ?? DEFAULT_ID_TOKEN_SECONDS;
    return {
      family: 'idaas',
      accessToken: idToken,
      idToken,
      tokenType: 'Bearer',
      expiresAt: after(now, lifetime),
      ...opt('refreshToken', session?.token),
      ...opt('refreshExpiresAt', session === undefined ? undefined : after(now, session.expire)),
      account,
      obtainedAt: now,
    };
  }

  async function login(p: IdaasProfile, email: string, code: string): Promise<FlowStep> {
    const { data } = await api.post(
      p,
      '/login/email-verify-code',
      { email, verify_code: code },
      Login,
    );
    const claims = decodeJwtClaims(data.id_token) ?? {};
    const sub = claims['sub'];
    const account = {
      email,
      login: email,
      ...opt('id', typeof sub === 'string' ? sub : undefined),
    };
    return {
      step: 'done',
      tokens: toTokens(data.id_token, undefined, account, {
        token: data.session_token,
        expire: data.expire,
      }),
    };
  }

  async function step(p: IdaasProfile, state: FlowState, input: StepInput): Promise<FlowStep> {
    expectStep('idaas', state, ['credentials', 'captcha', 'code']);
    if (state.step === 'credentials' && input.kind === 'credentials') {
      readState('idaas', state, v.object({}));
      const email = input.identifier.trim();
      if (email === '') throw clientError('idaas', 'INPUT_INVALID', 'email is required');
      return newCaptcha(p, email);
    }
    if (state.step === 'captcha' && input.kind === 'captcha') {
      const data = readState('idaas', state, CaptchaData);
      return solveAndSend(p, data.email, data.captchaId, input.answer);
    }
    if (state.step === 'code') {
      const data = readState('idaas', state, CodeData);
      if (input.kind === 'code') return login(p, data.email, normaliseCode(input.code));
      if (input.kind === 'resend') return newCaptcha(p, data.email);
    }
    throw wrongInput('idaas', state, input);
  }

  /** The step the failed input was given to, rebuilt from its state. */
  function again(state: FlowState, error: ProviderError): FlowStep {
    if (state.step === 'captcha')
      return withError(captchaStep(readState('idaas', state, CaptchaData)), error);
    if (state.step === 'code')
      return withError(codeStep(readState('idaas', state, CodeData)), error);
    return withError(credentialsStep(), error);
  }

  return settled({
    family: 'idaas',
    start: (profile) =>
      Promise.resolve(startGuard(profileOf('idaas', profile)) ?? credentialsStep()),
    advance(profile, state, input) {
      const p = profileOf('idaas', profile);
      const retry = (error: ProviderError) => {
        try {
          return again(state, error);
        } catch (bad) {
          if (bad instanceof ProviderError) return errorStep(bad);
          throw bad;
        }
      };
      return guarded(
        () => step(p, state, input),
        retry,
        (e) => e.code === 'IDAAS.SDK.USER.0039',
      );
    },
    async refresh(profile, tokens) {
      const p = profileOf('idaas', profile);
      assertSecure(p);
      if (tokens.refreshToken === undefined)
        throw clientError('idaas', 'INPUT_INVALID', 'no session token');
      const { data } = await api.post(
        p,
        '/token/id-token',
        { session_token: tokens.refreshToken },
        IdToken,
      );
      const next = toTokens(data.id_token, data.expire, tokens.account);
      return {
        ...next,
        refreshToken: tokens.refreshToken,
        ...opt('refreshExpiresAt', tokens.refreshExpiresAt),
      };
    },
    // The contract (providers.md §2) has no logout call: dropping the tokens is all there is.
    logout: (profile) => {
      profileOf('idaas', profile);
      return Promise.resolve();
    },
  });
}
