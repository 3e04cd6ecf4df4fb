import {
  createExpiringStore,
  randomAlnum,
  randomDigits,
  type RandomBytes,
} from '../shared/provider-kit';

/**
 * CloudBase email/SMS verification (providers.md §4):
 *
 *   verification {email | phone_number} ─► verification_id (600 s, code mailed)
 *     ─► verification/verify {verification_id, verification_code} ─► verification_token (600 s)
 *     ─► signin {verification_token} (single use)
 */

export const VERIFICATION_TTL_S = 600;
// Not in the contract: a code survives this many wrong answers, then its verification dies.
const MAX_WRONG = 5;

export interface VerificationTarget {
  email?: string;
  phoneNumber?: string;
}

export interface Verifications {
  start(target: VerificationTarget, send: (to: string, code: string) => void): string;
  /** A verification token, or null for an unknown, expired or wrongly answered verification. */
  verify(verificationId: string, code: string): string | null;
  /** Consumes a verification token and returns what it verified. */
  redeem(token: string): VerificationTarget | null;
  clear(): void;
}

export function createVerifications(now: () => number, random: RandomBytes): Verifications {
  const pending = createExpiringStore<{ target: VerificationTarget; code: string; wrong: number }>(
    now,
  );
  const tokens = createExpiringStore<VerificationTarget>(now);
  const ttlMs = VERIFICATION_TTL_S * 1000;
  return {
    start(target, send) {
      const id = randomAlnum(random, 24);
      const code = randomDigits(random, 6);
      pending.put(id, { target, code, wrong: 0 }, ttlMs);
      send(target.email ?? target.phoneNumber ?? '', code);
      return id;
    },
    verify(verificationId, code) {
      const entry = pending.get(verificationId);
      if (entry === null) return null;
      if (entry.code !== code) {
        if (++entry.wrong >= MAX_WRONG) pending.delete(verificationId);
        return null;
      }
      pending.delete(verificationId);
      const token = randomAlnum(random, 48);
      tokens.put(token, entry.target, ttlMs);
      return token;
    },
    redeem: (token) => tokens.take(token),
    clear() {
      pending.clear();
      tokens.clear();
    },
  };
}
