/** Property tests: any change to a sealed envelope is refused (SCv2 §4.2, §4.3). */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { concat } from '../../../src/secure-channel/bytes';
import {
  MIN_ENVELOPE_BYTES,
  openRequest,
  openResponse,
  sealRequest,
  sealResponse,
} from '../../../src/secure-channel/envelope';
import { ScError } from '../../../src/secure-channel/errors';

const sessionId = 'sc_7d1f0c2e9a4b4e15';
const method = 'POST';
const path = '/web/v1/system/auth/login/complete';

const bytes = (n: number) => fc.uint8Array({ minLength: n, maxLength: n });
const sealed = fc.record({
  key: bytes(32),
  nonce: bytes(12),
  requestNonce: bytes(12),
  timestamp: fc.integer({ min: 0, max: 2 ** 48 }),
  plaintext: fc.uint8Array({ maxLength: 256 }),
});

type Sealed = typeof sealed extends fc.Arbitrary<infer T> ? T : never;

const kinds = {
  request: {
    seal: (s: Sealed) => sealRequest({ ...s, sessionId, method, path }),
    open: (s: Sealed, envelope: Uint8Array) =>
      openRequest({ key: s.key, sessionId, method, path, envelope }),
  },
  response: {
    seal: (s: Sealed) => sealResponse({ ...s, sessionId }),
    open: (s: Sealed, envelope: Uint8Array) =>
      openResponse({ key: s.key, sessionId, requestNonce: s.requestNonce, envelope }),
  },
};

function refusalCode(open: () => unknown): string {
  try {
    open();
  } catch (error) {
    if (error instanceof ScError) return error.code;
    throw error;
  }
  return 'opened';
}

const REFUSED = ['SC.ENVELOPE_MALFORMED', 'SC.DECRYPT_FAILED'];

describe.each(Object.entries(kinds))('%s envelopes', (_name, kind) => {
  it('open what they seal', () => {
    fc.assert(
      fc.property(sealed, (s) => {
        expect(kind.open(s, kind.seal(s)).plaintext).toEqual(s.plaintext);
      }),
    );
  });

  it('refuse any change to any byte', () => {
    fc.assert(
      fc.property(sealed, fc.nat(), fc.integer({ min: 1, max: 255 }), (s, at, xor) => {
        const envelope = kind.seal(s);
        const i = at % envelope.length;
        envelope[i] = (envelope[i] ?? 0) ^ xor;
        expect(REFUSED).toContain(refusalCode(() => kind.open(s, envelope)));
      }),
    );
  });

  it('refuse any truncation', () => {
    fc.assert(
      fc.property(sealed, fc.nat(), (s, cut) => {
        const envelope = kind.seal(s);
        const shorter = envelope.subarray(0, cut % envelope.length);
        const code = refusalCode(() => kind.open(s, shorter));
        expect(code).toBe(
          shorter.length < MIN_ENVELOPE_BYTES ? 'SC.ENVELOPE_MALFORMED' : 'SC.DECRYPT_FAILED',
        );
      }),
    );
  });

  it('refuse any extension', () => {
    fc.assert(
      fc.property(sealed, fc.uint8Array({ minLength: 1, maxLength: 64 }), (s, extra) => {
        const longer = concat(kind.seal(s), extra);
        expect(refusalCode(() => kind.open(s, longer))).toBe('SC.DECRYPT_FAILED');
      }),
    );
  });
});
