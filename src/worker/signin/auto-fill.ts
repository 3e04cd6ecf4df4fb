/**
 * What the worker fills in on its own at a sign-in step (issue 4, design.md "The sign-in flow
 * engine"), as a pure decision over a few facts. The engine attempts each step instance at
 * most once, and a step that comes back with `error` always waits for the user: no loops.
 *
 *   step            fills when                                   with
 *   credentials     identifier saved, password step, password    identifier + saved password
 *                   identifier saved, code step, test mailbox    identifier (a code is sent)
 *   choose-method   linked TOTP › unused backup codes › test mailbox (EMAIL, then SMS)
 *   send-code       EMAIL/SMS and a test mailbox                 send
 *   code            OTP + linked TOTP                            the current TOTP
 *                   BACKUP_CODE + unused codes                   the next unused code
 *                   EMAIL/SMS + test mailbox                     the newest mailed code
 */
import type { AutoFillSource } from '../../messaging/signin-protocol';
import type { MfaMethod, ViewStep } from '../../providers/flow';

export interface AutoFillFacts {
  /** The profile's identifier; '' = ask each time. */
  identifier: string;
  hasSavedPassword: boolean;
  /** The profile links a vault account that generates TOTP codes. */
  linkedTotp: boolean;
  /** Unused backup codes of the linked account. */
  unusedBackupCodes: number;
  /** A test profile with a dev mailbox (providers.md §5): e-mail and SMS codes can be read. */
  mailbox: boolean;
}

export type AutoFillDecision =
  | { step: 'credentials'; source: 'saved-password' | 'mailbox' }
  | { step: 'choose-method'; method: MfaMethod; source: AutoFillSource }
  | { step: 'send-code'; method: MfaMethod; source: 'mailbox' }
  | { step: 'code'; method: MfaMethod; source: 'vault-totp' | 'backup-code' | 'mailbox' };

const isSent = (method: MfaMethod) => method === 'EMAIL' || method === 'SMS';

/** Where a code for `method` would come from, or null when only the user has it. */
export function codeSource(
  method: MfaMethod,
  facts: AutoFillFacts,
): 'vault-totp' | 'backup-code' | 'mailbox' | null {
  if (method === 'OTP') return facts.linkedTotp ? 'vault-totp' : null;
  if (method === 'BACKUP_CODE') return facts.unusedBackupCodes > 0 ? 'backup-code' : null;
  return facts.mailbox ? 'mailbox' : null;
}

/** The method to pick, in the order the issue gives: TOTP, backup code, mailbox. */
export function chooseMethod(
  methods: readonly MfaMethod[],
  facts: AutoFillFacts,
): { method: MfaMethod; source: AutoFillSource } | null {
  for (const method of ['OTP', 'BACKUP_CODE', 'EMAIL', 'SMS'] as const) {
    if (!methods.includes(method)) continue;
    const source = codeSource(method, facts);
    if (source !== null) return { method, source };
  }
  return null;
}

/** What to fill at `step`, or null to wait for the user. */
export function decideAutoFill(step: ViewStep, facts: AutoFillFacts): AutoFillDecision | null {
  if ('error' in step && step.error !== undefined) return null;
  switch (step.step) {
    case 'credentials':
      if (facts.identifier === '') return null;
      if (step.password)
        return facts.hasSavedPassword ? { step: 'credentials', source: 'saved-password' } : null;
      return facts.mailbox ? { step: 'credentials', source: 'mailbox' } : null;
    case 'choose-method': {
      const choice = chooseMethod(step.methods, facts);
      return choice === null ? null : { step: 'choose-method', ...choice };
    }
    case 'send-code':
      return isSent(step.method) && facts.mailbox
        ? { step: 'send-code', method: step.method, source: 'mailbox' }
        : null;
    case 'code': {
      const source = codeSource(step.method, facts);
      return source === null ? null : { step: 'code', method: step.method, source };
    }
    default:
      return null;
  }
}
