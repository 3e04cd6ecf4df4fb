import { describe, expect, it } from 'vitest';
import { fromHex, toHex } from '../../../src/secure-channel/bytes';
import { sealRequest } from '../../../src/secure-channel/envelope';
import {
  checkRequestEnvelope,
  checkScHeaders,
  ENVELOPE_FRESHNESS_MS,
  type ServerSession,
} from '../../../src/secure-channel/server-checks';

const key = fromHex('000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f');
const sessionId = 'sc_7d1f0c2e9a4b4e15';
const method = 'POST';
const path = '/web/v1/system/auth/login/initiate';
const sentAt = 1_711_929_600_000;

function envelope(nonceByte: number, timestamp = sentAt) {
  const nonce = new Uint8Array(12).fill(nonceByte);
  return sealRequest({ key, sessionId, method, path, plaintext: '{}', timestamp, nonce });
}

function check(env: Uint8Array, serverNowMs: number, seenNonces = new Set<string>()) {
  const result = checkRequestEnvelope({
    key,
    sessionId,
    method,
    path,
    envelope: env,
    serverNowMs,
    seenNonces,
  });
  return result.ok ? 'ok' : result.error.code;
}

describe('checkRequestEnvelope (SCv2 §4.2 envelope rows)', () => {
  it('accepts a fresh envelope and records its nonce', () => {
    const seen = new Set<string>();
    expect(check(envelope(1), sentAt, seen)).toBe('ok');
    expect(seen.has(toHex(new Uint8Array(12).fill(1)))).toBe(true);
  });

  it('accepts timestamps exactly 300 s either side of the server clock', () => {
    expect(check(envelope(1), sentAt + ENVELOPE_FRESHNESS_MS)).toBe('ok');
    expect(check(envelope(1), sentAt - ENVELOPE_FRESHNESS_MS)).toBe('ok');
  });

  it('refuses timestamps more than 300 s off with SC.ENVELOPE_EXPIRED', () => {
    expect(check(envelope(1), sentAt + ENVELOPE_FRESHNESS_MS + 1)).toBe('SC.ENVELOPE_EXPIRED');
    expect(check(envelope(1), sentAt - ENVELOPE_FRESHNESS_MS - 1)).toBe('SC.ENVELOPE_EXPIRED');
  });

  it('refuses a second envelope with the same nonce as SC.REPLAY', () => {
    const seen = new Set<string>();
    expect(check(envelope(7), sentAt, seen)).toBe('ok');
    expect(check(envelope(7), sentAt, seen)).toBe('SC.REPLAY');
  });

  it('does not record the nonce of an envelope whose tag fails', () => {
    const seen = new Set<string>();
    const forged = envelope(9);
    forged[forged.length - 1] = (forged[forged.length - 1] ?? 0) ^ 1;
    expect(check(forged, sentAt, seen)).toBe('SC.DECRYPT_FAILED');
    expect(seen.size).toBe(0);
    expect(check(envelope(9), sentAt, seen)).toBe('ok');
  });

  it('checks shape before freshness, freshness before replay, replay before the tag', () => {
    const stale = envelope(3, sentAt - 10 * ENVELOPE_FRESHNESS_MS);
    stale[2] = 1; // also malformed
    expect(check(stale, sentAt)).toBe('SC.ENVELOPE_MALFORMED');

    const seen = new Set([toHex(new Uint8Array(12).fill(4))]);
    expect(check(envelope(4, sentAt - 10 * ENVELOPE_FRESHNESS_MS), sentAt, seen)).toBe(
      'SC.ENVELOPE_EXPIRED',
    );
    const replayedAndForged = envelope(4);
    replayedAndForged[30] = (replayedAndForged[30] ?? 0) ^ 0x80;
    expect(check(replayedAndForged, sentAt, seen)).toBe('SC.REPLAY');
  });
});

describe('checkScHeaders (SCv2 §4.2 header rows)', () => {
  const session: ServerSession = {
    key,
    expiresAt: 2_000,
    clientHash: 'hash-aaaa',
    seenNonces: new Set(),
  };
  const lookup = (id: string) => (id === sessionId ? session : undefined);
  const run = (headers: Record<string, string>, serviceNowMs = 1_000) => {
    const result = checkScHeaders({ headers, lookup, serviceNowMs });
    return result.ok ? 'ok' : result.error.code;
  };
  const good: Record<string, string> = {
    'x-sc-version': '2',
    'x-sc-session-id': sessionId,
    'x-client-hash': 'hash-aaaa',
  };
  const without = (name: string) =>
    Object.fromEntries(Object.entries(good).filter(([k]) => k !== name));

  it('accepts the current and the legacy session header', () => {
    expect(run(good)).toBe('ok');
    expect(run({ ...without('x-sc-session-id'), 'x-secure-channel-session-id': sessionId })).toBe(
      'ok',
    );
  });

  it('refuses another version first', () => {
    expect(run({ ...good, 'x-sc-version': '1', 'x-sc-session-id': 'nope' })).toBe(
      'SC.VERSION_UNSUPPORTED',
    );
    expect(run(without('x-sc-version'))).toBe('SC.VERSION_UNSUPPORTED');
  });

  it('refuses unknown and missing sessions with SC.SESSION_NOT_FOUND', () => {
    expect(run({ ...good, 'x-sc-session-id': 'sc_unknown_000' })).toBe('SC.SESSION_NOT_FOUND');
    expect(run(without('x-sc-session-id'))).toBe('SC.SESSION_NOT_FOUND');
  });

  it('refuses an expired session before comparing the client hash', () => {
    expect(run({ ...good, 'x-client-hash': 'other-hash' }, 2_000)).toBe('SC.SESSION_EXPIRED');
  });

  it('refuses another X-Client-Hash with SC.CLIENT_HASH_MISMATCH', () => {
    expect(run({ ...good, 'x-client-hash': 'other-hash' })).toBe('SC.CLIENT_HASH_MISMATCH');
  });

  it('refuses two differing session headers with SC.ENVELOPE_MALFORMED', () => {
    expect(run({ ...good, 'x-secure-channel-session-id': 'sc_other_session_01' })).toBe(
      'SC.ENVELOPE_MALFORMED',
    );
  });
});
