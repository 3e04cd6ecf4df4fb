/**
 * The manual "add account" form as the user types it (strings), and its conversion to the
 * protocol's `accounts/add-manual` payload. Only what the form itself can know is checked here
 * (whole numbers, a secret present); ranges and base32 are the worker's to judge, so its
 * precise error codes reach the user.
 */
import type { ManualAccountInput } from '../../messaging/protocol';
import type { KnownErrorCode } from '../error-message';

export interface ManualDraft {
  type: ManualAccountInput['type'];
  issuer: string;
  label: string;
  secret: string;
  algorithm: ManualAccountInput['algorithm'];
  digits: string;
  period: string;
  counter: string;
}

export const TYPE_LABEL_KEYS: Record<ManualDraft['type'], string> = {
  totp: 'manual_type_totp',
  hotp: 'manual_type_hotp',
  steam: 'manual_type_steam',
};

// RFC 6238 §4 / Key Uri Format defaults: SHA1, 6 digits, 30 s.
export const DEFAULT_DRAFT: ManualDraft = {
  type: 'totp',
  issuer: '',
  label: '',
  secret: '',
  algorithm: 'SHA1',
  digits: '6',
  period: '30',
  counter: '0',
};

/** Steam Guard codes are fixed: five characters, SHA1, 30 s. */
const STEAM = { algorithm: 'SHA1', digits: '5', period: '30' } as const;

/** Changing the type resets the fields the new type fixes or ignores. */
export function withType(draft: ManualDraft, type: ManualDraft['type']): ManualDraft {
  if (type === 'steam') return { ...draft, type, ...STEAM };
  if (draft.type === 'steam') {
    return { ...draft, type, digits: DEFAULT_DRAFT.digits, period: DEFAULT_DRAFT.period };
  }
  return { ...draft, type };
}

function wholeNumber(text: string): number | null {
  return /^\s*\d{1,9}\s*$/.test(text) ? Number(text) : null;
}

export type DraftResult =
  { ok: true; input: ManualAccountInput } | { ok: false; code: KnownErrorCode };

export function parseManualDraft(draft: ManualDraft): DraftResult {
  if (draft.secret.trim() === '') return { ok: false, code: 'OTP_SECRET_MISSING' };
  const digits = wholeNumber(draft.digits);
  if (digits === null) return { ok: false, code: 'OTP_DIGITS' };
  const period = draft.type === 'hotp' ? 30 : wholeNumber(draft.period);
  if (period === null) return { ok: false, code: 'OTP_PERIOD' };
  const counter = draft.type === 'hotp' ? wholeNumber(draft.counter) : 0;
  if (counter === null) return { ok: false, code: 'OTP_COUNTER' };
  return {
    ok: true,
    input: {
      type: draft.type,
      issuer: draft.issuer.trim(),
      label: draft.label.trim(),
      secret: draft.secret.trim(),
      algorithm: draft.algorithm,
      digits,
      period,
      counter,
    },
  };
}
