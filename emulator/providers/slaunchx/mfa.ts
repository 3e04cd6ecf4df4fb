/** Verification codes of SlaunchX (providers.md §1.3): TOTP with replay refusal, e-mail codes. */
import { randomInt } from 'node:crypto';
import { Secret, TOTP } from 'otpauth';
import type { Mailbox } from '../../context';

export const CODE_TTL_MS = 300_000; // §1.3: e-mail codes are valid 300 s
export const RESEND_AFTER_S = 60;
const PERIOD_S = 30;
export const MAIL_SUBJECT = 'SlaunchX verification code';

export function totpFor(secret: string, label = 'account'): TOTP {
  // RFC 6238 §4 with the §1.3 parameters: SHA-1, 6 digits, 30 s.
  return new TOTP({
    issuer: 'SlaunchX',
    label,
    secret: Secret.fromBase32(secret),
    algorithm: 'SHA1',
    digits: 6,
    period: PERIOD_S,
  });
}

/**
 * Accepts a TOTP one step either side of now (RFC 6238 §5.2) and refuses a time step already
 * accepted for this account (`usedSteps` is per account, not per secret: §1.3).
 */
export function verifyTotp(
  secret: string,
  code: string,
  nowMs: number,
  usedSteps: Set<number>,
): boolean {
  if (!/^\d{6}$/.test(code)) return false;
  let delta: number | null;
  try {
    delta = totpFor(secret).validate({ token: code, timestamp: nowMs, window: 1 });
  } catch {
    return false; // a stored secret that is not base32
  }
  if (delta === null) return false;
  const current = Math.floor(nowMs / 1000 / PERIOD_S);
  const step = current + delta;
  if (usedSteps.has(step)) return false;
  for (const old of usedSteps) if (old < current - 1) usedSteps.delete(old);
  usedSteps.add(step);
  return true;
}

export function randomDigits(length: number, draw: (max: number) => number = randomInt): string {
  let out = '';
  for (let i = 0; i < length; i++) out += String(draw(10));
  return out;
}

export interface IssuedCode {
  code: string;
  expiresAt: number;
}

/** Sends a fresh 6-digit code to the dev mailbox (providers.md §5) and returns it. */
export function mailCode(mailbox: Mailbox, to: string, nowMs: number, purpose: string): IssuedCode {
  const code = randomDigits(6);
  // The code must be the only run of digits in the text, so nothing else here has digits.
  mailbox.deliver({
    to,
    subject: MAIL_SUBJECT,
    text: `Your SlaunchX ${purpose} code is ${code}. It expires in five minutes. If you did not ask for it, ignore this message.`,
  });
  return { code, expiresAt: nowMs + CODE_TTL_MS };
}

/** Equal-length strings compared without an early exit. */
export function sameCode(a: string, b: string): boolean {
  if (a.length !== b.length) return false;
  let diff = 0;
  for (let i = 0; i < a.length; i++) diff |= a.charCodeAt(i) ^ b.charCodeAt(i);
  return diff === 0;
}
