import fc from 'fast-check';
import type { OtpAccount } from '../../../src/otp/types';

const BASE32 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567'.split('');
const ALGORITHMS = ['SHA1', 'SHA256', 'SHA512'] as const;

/** Names as accounts hold them: trimmed, no control characters, ':' and '%' included. */
const name = fc
  .string({
    unit: fc.oneof(
      fc.constantFrom(':', ' ', '%', '+', '/', 'é', '😀'),
      fc.string({ minLength: 1, maxLength: 1 }),
    ),
    maxLength: 20,
  })
  .map((text) => text.replace(/\p{Cc}/gu, '').trim());

// Whole bytes only (length a multiple of 8 characters): a migration payload carries bytes, so
// leftover bits of a ragged base32 secret could not come back.
const secret = fc
  .integer({ min: 2, max: 16 })
  .chain((blocks) =>
    fc.string({ unit: fc.constantFrom(...BASE32), minLength: blocks * 8, maxLength: blocks * 8 }),
  );

export const validAccount: fc.Arbitrary<OtpAccount> = fc.oneof(
  fc.record({
    type: fc.constant('totp' as const),
    issuer: name,
    label: name,
    secret,
    algorithm: fc.constantFrom(...ALGORITHMS),
    digits: fc.constantFrom(6, 7, 8, 10),
    period: fc.oneof(fc.constant(30), fc.integer({ min: 1, max: 86_400 })),
    counter: fc.constant(0),
  }),
  fc.record({
    type: fc.constant('hotp' as const),
    issuer: name,
    label: name,
    secret,
    algorithm: fc.constantFrom(...ALGORITHMS),
    digits: fc.constantFrom(6, 8, 9),
    period: fc.oneof(fc.constant(30), fc.integer({ min: 1, max: 86_400 })),
    counter: fc.oneof(fc.nat(1000), fc.maxSafeNat()),
  }),
  fc.record({
    type: fc.constant('steam' as const),
    issuer: name,
    label: name,
    secret,
    algorithm: fc.constant('SHA1' as const),
    digits: fc.constant(5),
    period: fc.constant(30),
    counter: fc.constant(0),
  }),
);
