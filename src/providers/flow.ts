/**
 * The sign-in flow engine's one step interface (design.md "The sign-in flow engine").
 *
 * Every provider family turns its API into the same serialisable state machine. The worker keeps
 * the current step (plain JSON) in storage.session, renders it in the popup and feeds the user's
 * input back through `advance`, so a worker stop between two steps loses nothing.
 *
 *            start()
 *               │
 *               ▼
 *        ┌─ credentials ◄──────────────┐ (wrong password, user typo: same step + `error`)
 *        │      │                      │
 *        │      ├──► captcha ──────────┤ (IDaaS before every send; CloudBase after
 *        │      │       │              │  `captcha_required`; wrong answer: new captcha + `error`)
 *        │      ▼       ▼              │
 *        │  choose-method ──► send-code ──► code ◄─┐ (wrong code: same step + `error`;
 *        │      │  (SlaunchX)   (EMAIL)     │  │   │  `resend` sends again)
 *        │      └──────────────────────────►│  └───┘
 *        │                                  ▼
 *        └──────────────► done(tokens) | pending-approval | error(code, message, retryAfterMs?)
 *
 * Steps that are not needed are skipped (no MFA: credentials → done; one method: no
 * choose-method; OTP and backup codes: no send-code). A failed input re-presents the step it was
 * given to, with `error` set, as long as the provider's server-side state for the flow is still
 * usable; otherwise the flow ends in the terminal `error` step and the UI offers a restart.
 */
import * as v from 'valibot';
import {
  PROVIDER_FAMILIES,
  type AccountIdentity,
  type Profile,
  type ProviderFamily,
} from './profile';
import type { ErrorInfo } from './errors';

export type { Profile, ProviderFamily, AccountIdentity } from './profile';
export type { ErrorInfo } from './errors';

/** JSON values: what storage.session can hold without loss. */
export type JsonValue =
  string | number | boolean | null | JsonValue[] | { [key: string]: JsonValue };
export type JsonObject = { [key: string]: JsonValue };

/** How a code reaches the user: an e-mail, an authenticator app, a printed list, a text message. */
export type MfaMethod = 'EMAIL' | 'OTP' | 'BACKUP_CODE' | 'SMS';

/** Password sign-in, or a one-time code sent to the identifier (Koodrive authType 2, CloudBase). */
export type LoginMode = 'password' | 'code';

/** What the credentials step asks for as the identifier. */
export type IdentifierKind = 'email' | 'account' | 'username' | 'email-or-phone';

/** Steps that wait for user input and therefore carry a state. */
export type InteractiveStepName =
  'credentials' | 'captcha' | 'choose-method' | 'send-code' | 'code';

/**
 * The adapter-private part of a flow. Plain JSON; only the adapter that made it reads `data`,
 * and it checks the shape again on every `advance` (a stored state may come from an older build).
 * It can hold a password (CloudBase retries the sign-in after a captcha) and login session ids:
 * keep it in storage.session only and never send it to the popup (see `toViewStep`).
 */
export interface FlowState {
  v: 1;
  family: ProviderFamily;
  /** The step this state is waiting in; `advance` accepts only inputs that fit it. */
  step: InteractiveStepName;
  data: JsonObject;
}

interface WaitingStep {
  state: FlowState;
  /** Set when the previous input to this step failed but the flow can go on. */
  error?: ErrorInfo;
}

export interface CredentialsStep extends WaitingStep {
  step: 'credentials';
  mode: LoginMode;
  /** Modes this family offers; the UI may call `start` again with another one. */
  modes: LoginMode[];
  identifier: IdentifierKind;
  /** False in code mode: submitting the identifier sends a code to it. */
  password: boolean;
}

export interface CaptchaStep extends WaitingStep {
  step: 'captcha';
  /** `data:image/...;base64,...` as the provider sent it. */
  image: string;
  /** Test profiles only: the answer the emulator discloses (`X-Emulator-Captcha-Answer`). */
  hint?: string;
}

export interface ChooseMethodStep extends WaitingStep {
  step: 'choose-method';
  methods: MfaMethod[];
  /** Where an EMAIL code would go, masked by the provider (e.g. `a***n@slaunchx.test`). */
  destination?: string;
}

export interface SendCodeStep extends WaitingStep {
  step: 'send-code';
  method: MfaMethod;
  destination?: string;
  /** Other methods the user may switch to instead (input `choose-method`). */
  alternatives: MfaMethod[];
}

export interface CodeStep extends WaitingStep {
  step: 'code';
  method: MfaMethod;
  /** Masked e-mail, phone number or account the code was sent to (EMAIL and SMS). */
  destination?: string;
  /** When the sent code stops being valid (ms since epoch, our clock). */
  expiresAt?: number;
  /** True when input `resend` is accepted (codes that were sent, not generated). */
  canResend: boolean;
  /** Earliest time a resend is accepted by the provider (ms since epoch). */
  resendAt?: number;
  /** Other methods the user may switch to instead (input `choose-method`). */
  alternatives: MfaMethod[];
}

export interface DoneStep {
  step: 'done';
  tokens: Tokens;
}

export interface PendingApprovalStep {
  step: 'pending-approval';
  /** The provider's own (localised) message. */
  message: string;
}

export interface ErrorStep {
  step: 'error';
  error: ErrorInfo;
}

export type FlowStep =
  | CredentialsStep
  | CaptchaStep
  | ChooseMethodStep
  | SendCodeStep
  | CodeStep
  | DoneStep
  | PendingApprovalStep
  | ErrorStep;

/** What the user (or the worker on their behalf) answers to the current step. */
export type StepInput =
  | { kind: 'credentials'; identifier: string; password?: string }
  | { kind: 'captcha'; answer: string }
  | { kind: 'choose-method'; method: MfaMethod }
  | { kind: 'send-code' }
  | { kind: 'code'; code: string }
  | { kind: 'resend' };

export interface StartInput {
  /** Defaults to the family's first mode (password where it has one). */
  mode?: LoginMode;
}

/** Tokens of one signed-in session, the same shape for every family. */
export interface Tokens {
  family: ProviderFamily;
  /** The token to present to the provider's APIs. */
  accessToken: string;
  /** How the provider labels the token (`Bearer`; Koodrive's tokens start with their own `AT`). */
  tokenType: string;
  /** ms since epoch, our clock: when we got it plus its lifetime. */
  expiresAt: number;
  /** Rotating refresh token; IDaaS: the session_token that mints new id tokens. */
  refreshToken?: string;
  /** ms since epoch, when the provider says how long the refresh token lives. */
  refreshExpiresAt?: number;
  idToken?: string;
  account: AccountIdentity;
  /** ms since epoch, our clock. */
  obtainedAt: number;
}

export interface ProviderAdapter {
  readonly family: ProviderFamily;
  /** The first step (no network call): `credentials`, or `error` for an unusable profile. */
  start(profile: Profile, input?: StartInput): Promise<FlowStep>;
  /** One transition. Expected failures come back as steps; only bugs throw. */
  advance(profile: Profile, state: FlowState, input: StepInput): Promise<FlowStep>;
  /** New tokens from the refresh token. Throws `ProviderError`. */
  refresh(profile: Profile, tokens: Tokens): Promise<Tokens>;
  /** Ends the session at the provider where its API can (SlaunchX); elsewhere a local no-op. */
  logout(profile: Profile, tokens: Tokens): Promise<void>;
}

/** Dependencies every adapter factory takes; defaults suit the worker. */
export interface AdapterDeps {
  fetch: typeof fetch;
  now?: () => number;
  randomBytes?: (length: number) => Uint8Array;
  /** Per-request timeout; the default stays below the MV3 worker's 30 s event limit. */
  timeoutMs?: number;
}

export const DEFAULT_TIMEOUT_MS = 25_000;

export type ViewStep = FlowStep extends infer S
  ? S extends FlowStep
    ? Omit<S, 'state'>
    : never
  : never;

/** The step without its state: what the popup may see. */
export function toViewStep(step: FlowStep): ViewStep {
  const view: ViewStep & { state?: FlowState } = { ...step };
  delete view.state;
  return view;
}

const isPlainObject = (x: unknown): x is JsonObject =>
  typeof x === 'object' && x !== null && !Array.isArray(x);

/** The outer shape of a stored flow state; adapters check `data` themselves. */
export const FlowStateSchema = v.object({
  v: v.literal(1),
  family: v.picklist(PROVIDER_FAMILIES),
  step: v.picklist(['credentials', 'captcha', 'choose-method', 'send-code', 'code']),
  data: v.custom<JsonObject>(isPlainObject, 'expected a JSON object'),
});

/** A flow state read back from storage, or null when it is not one. */
export function parseFlowState(value: unknown): FlowState | null {
  const result = v.safeParse(FlowStateSchema, value);
  return result.success ? result.output : null;
}
