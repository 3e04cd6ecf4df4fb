/**
 * Pieces every adapter shares: dependency defaults, state packing and checking, input checks
 * and the rule that turns a failed transition into a step.
 */
import * as v from 'valibot';
import { clientError, ProviderError } from './errors';
import {
  DEFAULT_TIMEOUT_MS,
  parseFlowState,
  type AdapterDeps,
  type ErrorStep,
  type FlowState,
  type FlowStep,
  type InteractiveStepName,
  type JsonObject,
  type JsonValue,
  type ProviderAdapter,
  type StepInput,
} from './flow';
import { createHttpClient, type HttpClient } from './http';
import { isSecureEnough, type Profile, type ProviderFamily } from './profile';

export interface AdapterEnv {
  family: ProviderFamily;
  now: () => number;
  randomBytes: (length: number) => Uint8Array;
  timeoutMs: number;
  http: HttpClient;
}

const defaultRandomBytes = (length: number): Uint8Array =>
  crypto.getRandomValues(new Uint8Array(length));

export function createEnv(family: ProviderFamily, deps: AdapterDeps): AdapterEnv {
  const timeoutMs = deps.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  return {
    family,
    now: deps.now ?? Date.now,
    randomBytes: deps.randomBytes ?? defaultRandomBytes,
    timeoutMs,
    http: createHttpClient({ provider: family, fetch: deps.fetch, timeoutMs }),
  };
}

/** Narrows a profile to the adapter's family; a mismatch is a wiring bug, not a user error. */
export function profileOf<F extends ProviderFamily>(
  family: F,
  profile: Profile,
): Extract<Profile, { family: F }> {
  if (profile.family !== family) {
    throw new TypeError(`a ${profile.family} profile was given to the ${family} adapter`);
  }
  return profile as Extract<Profile, { family: F }>;
}

/** Refresh and logout carry tokens: refuse to send them over http to a production host. */
export function assertSecure(profile: Profile): void {
  if (!isSecureEnough(profile)) throw clientError(profile.family, 'INSECURE_URL', profile.baseUrl);
}

export function makeState(
  family: ProviderFamily,
  step: InteractiveStepName,
  data: JsonObject,
): FlowState {
  return { v: 1, family, step, data };
}

/** The adapter's data from a stored state, checked again: storage may hold an older build's. */
export function readState<S extends v.GenericSchema>(
  family: ProviderFamily,
  state: FlowState,
  schema: S,
): v.InferOutput<S> {
  // Typed as a FlowState, but it comes back from storage: check the outer shape too.
  const outer = parseFlowState(state);
  if (outer?.family !== family) {
    throw clientError(family, 'FLOW_STATE_INVALID', `not a ${family} flow state`);
  }
  const result = v.safeParse(schema, state.data);
  if (!result.success) {
    throw clientError(family, 'FLOW_STATE_INVALID', v.summarize(result.issues));
  }
  return result.output;
}

/** FLOW_STATE_INVALID unless the state is this family's and waits in one of `steps`. */
export function expectStep(
  family: ProviderFamily,
  state: FlowState,
  steps: readonly InteractiveStepName[],
): void {
  if (parseFlowState(state)?.family !== family || !steps.includes(state.step)) {
    throw clientError(family, 'FLOW_STATE_INVALID', `not a ${family} flow state`);
  }
}

export function wrongInput(family: ProviderFamily, state: FlowState, input: StepInput) {
  return clientError(family, 'INPUT_INVALID', `"${input.kind}" at step "${state.step}"`);
}

/** Removes the spaces people type or paste inside codes ("123 456"). */
export function normaliseCode(code: string): string {
  return code.replace(/\s+/g, '');
}

export function errorStep(error: ProviderError): ErrorStep {
  return { step: 'error', error: error.toInfo() };
}

/**
 * Runs a transition. A `ProviderError` becomes either the step the input was given to, again,
 * with `error` set (`retry`), or the terminal error step when `isFatal` says the provider's
 * side of the flow is gone. Anything else is a bug and propagates.
 */
export async function guarded(
  run: () => Promise<FlowStep>,
  retry: (error: ProviderError) => FlowStep,
  isFatal: (error: ProviderError) => boolean,
): Promise<FlowStep> {
  try {
    return await run();
  } catch (error) {
    if (!(error instanceof ProviderError)) throw error;
    if (error.code === 'FLOW_STATE_INVALID' || isFatal(error)) return errorStep(error);
    return retry(error);
  }
}

/** Adds the error of a failed input to the step it was given to. */
export function withError<S extends FlowStep>(step: S, error: ProviderError): S {
  if (!('state' in step)) return step;
  return { ...step, error: error.toInfo() };
}

/** First step of every family: the profile must be usable before anything is sent. */
export function startGuard(profile: Profile): ErrorStep | null {
  return isSecureEnough(profile)
    ? null
    : errorStep(clientError(profile.family, 'INSECURE_URL', profile.baseUrl));
}

/** A JSON object without the keys whose value is undefined (storage keeps JSON only). */
export function compact(fields: Record<string, JsonValue | undefined>): JsonObject {
  const out: JsonObject = {};
  for (const [key, value] of Object.entries(fields)) if (value !== undefined) out[key] = value;
  return out;
}

/** `{ [key]: value }`, or `{}` when the value is undefined: for optional fields of steps. */
export function opt<K extends string, T>(key: K, value: T | undefined): Partial<Record<K, T>> {
  return value === undefined ? {} : ({ [key]: value } as Partial<Record<K, T>>);
}

/** Seconds from a response, as an absolute time on our clock. */
export function after(now: number, seconds: number): number {
  return now + seconds * 1000;
}

/**
 * The claims of a JWT, unverified: only for display and identity hints where the provider's
 * docs point there (seed 001: user information from the id_token). Null when not a JWT.
 */
export function decodeJwtClaims(token: string): Record<string, unknown> | null {
  const payload = token.split('.')[1];
  if (payload === undefined) return null;
  try {
    const b64 = payload.replace(/-/g, '+').replace(/_/g, '/');
    const bytes = Uint8Array.from(atob(b64), (c) => c.charCodeAt(0));
    const claims: unknown = JSON.parse(new TextDecoder().decode(bytes));
    return typeof claims === 'object' && claims !== null && !Array.isArray(claims)
      ? (claims as Record<string, unknown>)
      : null;
  } catch {
    return null;
  }
}

/** Runs `fn` so that a synchronous throw becomes a rejection, as with an async function. */
export function settle<T>(fn: () => T | Promise<T>): Promise<T> {
  return new Promise<T>((resolve) => {
    resolve(fn());
  });
}

/** The adapter with every method settled: callers of a Promise API never see a sync throw. */
export function settled<A extends ProviderAdapter>(adapter: A): A {
  return {
    ...adapter,
    start: (profile, input) => settle(() => adapter.start(profile, input)),
    advance: (profile, state, input) => settle(() => adapter.advance(profile, state, input)),
    refresh: (profile, tokens) => settle(() => adapter.refresh(profile, tokens)),
    logout: (profile, tokens) => settle(() => adapter.logout(profile, tokens)),
  };
}
