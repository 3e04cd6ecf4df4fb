/**
 * A sign-in flow as storage.session keeps it, and what of it the UI may see. The adapter's
 * `FlowState` (which can hold a password or a login session id) stays in the record; the view
 * drops it, and a `done` step is kept and shown with its tokens masked: the tokens themselves
 * are in the session store by then.
 */
import type { FlowView } from '../../messaging/signin-protocol';
import { toViewStep, type FlowStep, type ProviderFamily } from '../../providers/flow';
import { markBackupCodeUsed, BackupCodeError } from '../../otp/backup-codes';
import type { VaultContents } from '../vault-contents';
import { maskToken } from './session-view';

export interface FlowRecord {
  flowId: string;
  profileId: string;
  family: ProviderFamily;
  startedAt: number;
  step: FlowStep;
  /** Numbers the step instances; a new one for every step an adapter returns. */
  seq: number;
  /** The step instance an auto-fill was attempted on: never twice, even across a stop. */
  autoSeq?: number;
  autoFilled: FlowView['autoFilled'];
  retryAt?: number;
  sessionId?: string;
  /** The identifier sent at the credentials step: where mailed codes go. */
  login?: string;
  /** When the code now awaited was sent (our clock): the mailbox's `since`. */
  codeSentAt?: number;
}

/** A record read back from storage, or null when it is not one (e.g. an older build's). */
export function parseFlowRecord(value: unknown): FlowRecord | null {
  if (typeof value !== 'object' || value === null) return null;
  const r = value as Partial<Record<keyof FlowRecord, unknown>>;
  const step = r.step as { step?: unknown } | null | undefined;
  const ok =
    typeof r.flowId === 'string' &&
    typeof r.profileId === 'string' &&
    typeof r.seq === 'number' &&
    typeof step?.step === 'string' &&
    Array.isArray(r.autoFilled);
  return ok ? (value as FlowRecord) : null;
}

/** The step to keep: a `done` step without its secrets. */
export function keepableStep(step: FlowStep): FlowStep {
  if (step.step !== 'done') return step;
  const tokens = { ...step.tokens, accessToken: maskToken(step.tokens.accessToken) };
  delete tokens.refreshToken;
  delete tokens.idToken;
  return { step: 'done', tokens };
}

/** ms since epoch before which a retry will be refused, from the step's rate-limit error. */
export function retryAtOf(step: FlowStep, now: number): number | undefined {
  const error = step.step === 'error' ? step.error : 'error' in step ? step.error : undefined;
  return error?.retryAfterMs === undefined ? undefined : now + error.retryAfterMs;
}

export function toFlowView(record: FlowRecord): FlowView {
  const view: FlowView = {
    flowId: record.flowId,
    profileId: record.profileId,
    family: record.family,
    startedAt: record.startedAt,
    step: toViewStep(keepableStep(record.step)),
    autoFilled: record.autoFilled.map((entry) => ({ ...entry })),
  };
  if (record.retryAt !== undefined) view.retryAt = record.retryAt;
  if (record.sessionId !== undefined) view.sessionId = record.sessionId;
  return view;
}

/** The vault with `code` of the account marked used; unchanged if the set does not hold it. */
export function withBackupCodeUsed(
  contents: VaultContents,
  used: { accountId: string; code: string },
  at: number,
): VaultContents {
  const accounts = contents.accounts.map((account) => {
    if (account.id !== used.accountId) return account;
    try {
      return { ...account, backupCodes: markBackupCodeUsed(account.backupCodes, used.code, at) };
    } catch (error) {
      // A typed code that is not in the set, or one already marked: nothing to record.
      if (error instanceof BackupCodeError) return account;
      throw error;
    }
  });
  return { ...contents, accounts };
}
