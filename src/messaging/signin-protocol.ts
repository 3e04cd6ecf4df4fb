/**
 * The sign-in part of the popup/options → worker protocol (issue 4). Profiles hold nothing
 * secret (the optional password lives in the vault); flows and sessions reach the UI only as
 * views: no flow state, no refresh token, and the access token only on explicit reveal.
 */
import * as v from 'valibot';
import type { ErrorInfo, LoginMode, MfaMethod, ProviderFamily, ViewStep } from '../providers/flow';

const id = v.pipe(v.string(), v.minLength(1), v.maxLength(64));
const text = (max: number) => v.pipe(v.string(), v.maxLength(max));

export const profileInputSchema = v.strictObject({
  /** Absent when creating. */
  id: v.optional(id),
  name: v.pipe(v.string(), v.minLength(1), v.maxLength(80)),
  family: v.picklist(['slaunchx', 'idaas', 'koodrive', 'cloudbase']),
  baseUrl: v.pipe(v.string(), v.minLength(1), v.maxLength(2048)),
  environment: v.picklist(['production', 'test']),
  /** The e-mail, account or username this profile signs in as ('' = ask each time). */
  identifier: text(256),
  /** SlaunchX. */
  portal: v.optional(v.picklist(['system', 'consumer'])),
  accessCode: v.optional(text(256)),
  /** IDaaS. */
  clientId: v.optional(text(256)),
  /** Koodrive. */
  agentName: v.optional(text(256)),
  /** Test profiles only: a Mailpit-compatible API base URL for e-mail/SMS codes. */
  mailboxUrl: v.optional(text(2048)),
  /** The vault account whose TOTP and backup codes answer this profile's MFA. */
  otpAccountId: v.optional(v.nullable(id)),
  acceptLanguage: v.optional(v.picklist(['en', 'zh', 'zh-Hant', 'ja', 'vi'])),
});

export type ProfileInput = v.InferOutput<typeof profileInputSchema>;

export interface ProfileView extends Omit<ProfileInput, 'id'> {
  id: string;
  /** A password for this profile is kept in the vault. */
  hasPassword: boolean;
}

/** Where the worker took a code from when it filled the code step itself. */
export type AutoFillSource = 'vault-totp' | 'backup-code' | 'mailbox' | 'saved-password';

export interface FlowView {
  flowId: string;
  profileId: string;
  family: ProviderFamily;
  startedAt: number;
  step: ViewStep;
  /** What the worker filled in on its own on the way to this step. */
  autoFilled: { step: string; source: AutoFillSource; method?: MfaMethod }[];
  /** ms since epoch before which a retry will be refused (rate limits). */
  retryAt?: number;
  /** Present once `step` is `done`: the stored session. */
  sessionId?: string;
}

export interface SessionView {
  id: string;
  profileId: string;
  profileName: string;
  family: ProviderFamily;
  account: { id?: string; email?: string; displayName?: string; phone?: string; login?: string };
  tokenType: string;
  /** First 4 characters, then `…` (providers.md conventions). */
  maskedAccessToken: string;
  obtainedAt: number;
  expiresAt: number;
  refreshExpiresAt?: number;
  canRefresh: boolean;
  /** The next scheduled refresh (ms since epoch), if any. */
  refreshAt?: number;
  /** The last refresh failure, shown until the next success. */
  lastError?: ErrorInfo;
}

const stepInput = v.variant('kind', [
  v.strictObject({
    kind: v.literal('credentials'),
    identifier: text(256),
    password: v.optional(text(1024)),
    /** Keep the typed password in the vault for next time. */
    remember: v.optional(v.boolean()),
  }),
  v.strictObject({ kind: v.literal('captcha'), answer: text(64) }),
  v.strictObject({
    kind: v.literal('choose-method'),
    method: v.picklist(['EMAIL', 'OTP', 'BACKUP_CODE', 'SMS']),
  }),
  v.strictObject({ kind: v.literal('send-code') }),
  v.strictObject({ kind: v.literal('code'), code: text(64) }),
  v.strictObject({ kind: v.literal('resend') }),
]);

export type FlowInput = v.InferOutput<typeof stepInput>;

export const signinSchemas = {
  'profiles/list': v.strictObject({}),
  'profiles/save': v.strictObject({
    profile: profileInputSchema,
    /** A string stores it in the vault, null removes it, absent keeps what is there. */
    password: v.optional(v.nullable(text(1024))),
  }),
  'profiles/delete': v.strictObject({ id }),
  'signin/start': v.strictObject({
    profileId: id,
    mode: v.optional(v.picklist(['password', 'code'])),
  }),
  'signin/current': v.strictObject({}),
  'signin/advance': v.strictObject({ flowId: id, input: stepInput }),
  'signin/cancel': v.strictObject({ flowId: id }),
  'sessions/list': v.strictObject({}),
  'sessions/refresh': v.strictObject({ id }),
  'sessions/sign-out': v.strictObject({ id }),
  'sessions/reveal-token': v.strictObject({ id }),
} satisfies Record<string, v.GenericSchema>;

export interface SigninReplies {
  'profiles/list': ProfileView[];
  'profiles/save': ProfileView;
  'profiles/delete': null;
  'signin/start': FlowView;
  'signin/current': FlowView | null;
  'signin/advance': FlowView;
  'signin/cancel': null;
  'sessions/list': SessionView[];
  'sessions/refresh': SessionView;
  'sessions/sign-out': null;
  'sessions/reveal-token': { accessToken: string; tokenType: string };
}

export type { LoginMode };
