/**
 * The popup/options → worker protocol (style.md §5): one map per direction, one schema per
 * message, replies `{ok: true, value} | {ok: false, error: {code, message}}`. Nothing here
 * carries a TOTP secret back to the UI; backup codes leave the worker only on explicit reveal.
 */
import * as v from 'valibot';
import type { OtpAccount } from '../otp/types';
import { fillSchemas, type FillReplies } from './fill-protocol';
import { inspectorSchemas, type InspectorReplies } from './inspector-protocol';
import { signinSchemas, type SigninReplies } from './signin-protocol';
import { transferSchemas, type TransferReplies } from './transfer-protocol';

export type VaultState = 'absent' | 'locked' | 'unlocked';

export interface VaultStatus {
  state: VaultState;
  autoLockMinutes: number;
}

/** The display fields of an OTP account: everything but the secret and the counter. */
export type OtpAccountDisplay = Pick<
  OtpAccount,
  'type' | 'issuer' | 'label' | 'algorithm' | 'digits' | 'period'
>;

export interface AccountView extends OtpAccountDisplay {
  id: string;
  backup: { total: number; remaining: number; low: boolean };
  createdAt: number;
}

/** A live code. HOTP accounts have `code: null` until the user asks for the next one. */
export interface CodeView {
  id: string;
  code: string | null;
  /** ms since epoch; null for HOTP. */
  validFrom: number | null;
  validUntil: number | null;
}

export interface BackupCodeView {
  code: string;
  usedAt: number | null;
}

export interface BackupAddResult {
  added: number;
  duplicates: number;
  rejected: { line: number; text: string; reason: string }[];
  remaining: number;
}

export interface Settings {
  /** 0 disables the idle timer; screen lock and browser close still lock. */
  autoLockMinutes: number;
  /** Seconds after a copy before the clipboard is cleared; 0 disables. */
  clipboardClearSeconds: number;
}

const passphrase = v.pipe(v.string(), v.minLength(1), v.maxLength(1024));
const id = v.pipe(v.string(), v.minLength(1), v.maxLength(64));
const empty = v.strictObject({});

const manualAccount = v.strictObject({
  type: v.picklist(['totp', 'hotp', 'steam']),
  issuer: v.pipe(v.string(), v.maxLength(256)),
  label: v.pipe(v.string(), v.maxLength(256)),
  secret: v.pipe(v.string(), v.minLength(1), v.maxLength(1024)),
  algorithm: v.picklist(['SHA1', 'SHA256', 'SHA512']),
  digits: v.pipe(v.number(), v.integer()),
  period: v.pipe(v.number(), v.integer()),
  counter: v.pipe(v.number(), v.integer()),
});

export type ManualAccountInput = v.InferOutput<typeof manualAccount>;

/** Request schemas; the request types are inferred from them so the two cannot drift. */
export const uiToWorkerSchemas = {
  'vault/status': empty,
  'vault/create': v.strictObject({ passphrase }),
  'vault/unlock': v.strictObject({ passphrase }),
  'vault/lock': empty,
  'vault/change-passphrase': v.strictObject({ current: passphrase, next: passphrase }),
  'accounts/list': empty,
  'accounts/codes': empty,
  'accounts/hotp-next': v.strictObject({ id }),
  'accounts/add-uri': v.strictObject({ uri: v.pipe(v.string(), v.maxLength(4096)) }),
  'accounts/add-manual': manualAccount,
  'accounts/scan-qr': v.strictObject({ tabId: v.pipe(v.number(), v.integer()) }),
  'accounts/update': v.strictObject({
    id,
    issuer: v.pipe(v.string(), v.maxLength(256)),
    label: v.pipe(v.string(), v.maxLength(256)),
  }),
  'accounts/delete': v.strictObject({ id }),
  'backup/list': v.strictObject({ id }),
  'backup/add': v.strictObject({ id, text: v.pipe(v.string(), v.maxLength(65536)) }),
  'backup/take-next': v.strictObject({ id }),
  'backup/mark-used': v.strictObject({ id, code: v.pipe(v.string(), v.maxLength(64)) }),
  'settings/get': empty,
  'settings/set': v.strictObject({
    autoLockMinutes: v.optional(v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(1440))),
    clipboardClearSeconds: v.optional(
      v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(600)),
    ),
  }),
  'clipboard/copied': empty,
  ...signinSchemas,
  ...transferSchemas,
  ...inspectorSchemas,
  ...fillSchemas,
} satisfies Record<string, v.GenericSchema>;

type Req<K extends keyof typeof uiToWorkerSchemas> = v.InferOutput<(typeof uiToWorkerSchemas)[K]>;

/** What each message answers. Adding a message here without a schema or handler won't compile. */
export interface UiToWorkerReplies
  extends SigninReplies, TransferReplies, InspectorReplies, FillReplies {
  'vault/status': VaultStatus;
  'vault/create': VaultStatus;
  'vault/unlock': VaultStatus;
  'vault/lock': VaultStatus;
  'vault/change-passphrase': null;
  'accounts/list': AccountView[];
  'accounts/codes': CodeView[];
  'accounts/hotp-next': CodeView;
  'accounts/add-uri': AccountView;
  'accounts/add-manual': AccountView;
  'accounts/scan-qr': AccountView;
  'accounts/update': AccountView;
  'accounts/delete': null;
  'backup/list': BackupCodeView[];
  'backup/add': BackupAddResult;
  'backup/take-next': { code: string; remaining: number };
  'backup/mark-used': { remaining: number };
  'settings/get': Settings;
  'settings/set': Settings;
  'clipboard/copied': null;
}

export type UiToWorkerType = keyof typeof uiToWorkerSchemas & keyof UiToWorkerReplies;

export type UiToWorker = {
  [K in UiToWorkerType]: { request: Req<K>; reply: UiToWorkerReplies[K] };
};

export interface ErrorPayload {
  code: string;
  message: string;
  /** ms to wait before retrying, where the error is a rate limit. */
  retryAfterMs?: number;
}

export type Reply<T> = { ok: true; value: T } | { ok: false; error: ErrorPayload };

/** The envelope on the wire: a `channel` tag keeps our messages apart from anyone else's. */
export interface WireMessage<K extends UiToWorkerType = UiToWorkerType> {
  channel: 'authdeck/ui';
  type: K;
  payload: UiToWorker[K]['request'];
}

/** A typed sender, so the UI can be driven by the real worker or by a test double of it. */
export type SendToWorker = <K extends UiToWorkerType>(
  type: K,
  payload: UiToWorker[K]['request'],
) => Promise<UiToWorker[K]['reply']>;
