/** envelopeInfo reads SCv2 §4 headers from captured bodies; expectations decoded here by hand. */
import { describe, expect, it } from 'vitest';
import { entryEnvelopes, envelopeInfo } from '../../../src/inspector/envelope-info';
import { T0 } from '../../fixtures/har/har-kit';
import { entryAt, loadEntries } from './helpers';

const otp = loadEntries('slaunchx-system-otp.har');

/** Header fields read straight from the bytes (SCv2 §4 table), independent of the code under test. */
function byHand(base64: string) {
  const bytes = Buffer.from(base64, 'base64');
  return {
    type: bytes[3],
    timestamp: Number(bytes.readBigUInt64BE(4)),
    nonceHex: bytes.subarray(12, 24).toString('hex'),
    size: bytes.length,
  };
}

describe('envelopeInfo', () => {
  it('shows session, type, timestamp, skew, nonce and size of a request envelope', () => {
    const initiate = entryAt(otp, 2);
    const body = initiate.request.postData?.text ?? '';
    const hand = byHand(body);
    expect(hand.type).toBe(1);
    expect(entryEnvelopes(initiate).request).toEqual({
      ok: true,
      sessionId: initiate.request.headers.find((h) => h.name === 'X-SC-Session-Id')?.value,
      scVersion: '2',
      sessionHeadersDiffer: false,
      type: 'request',
      timestamp: T0 + 200,
      timestampIso: '2024-04-01T00:00:00.200Z',
      skewMs: 0,
      stale: false,
      nonceHex: hand.nonceHex,
      sizeBytes: hand.size,
      ciphertextBytes: hand.size - 40,
    });
  });

  it('reads the response envelope of the same call, with its skew', () => {
    const complete = entryAt(otp, 3);
    const hand = byHand(complete.response.content.text ?? '');
    expect(entryEnvelopes(complete).response).toMatchObject({
      ok: true,
      type: 'response',
      timestamp: T0 + 15_015,
      skewMs: 15,
      nonceHex: hand.nonceHex,
      sizeBytes: hand.size,
    });
  });

  it('accepts raw bytes and base64, and flags a stale envelope', () => {
    const b64 = entryAt(otp, 2).request.postData?.text ?? '';
    const bytes = Uint8Array.from(Buffer.from(b64, 'base64'));
    expect(envelopeInfo(bytes)).toMatchObject({
      ok: true,
      sessionId: null,
      skewMs: null,
      stale: false,
    });
    expect(envelopeInfo(b64, { requestTimeMs: T0 + 200 + 300_001 })).toMatchObject({
      ok: true,
      skewMs: -300_001,
      stale: true,
    });
    expect(envelopeInfo(b64, { requestTimeMs: T0 + 200 + 300_000 })).toMatchObject({
      stale: false,
    });
  });

  it('says why a body is no envelope', () => {
    const b64 = entryAt(otp, 2).request.postData?.text ?? '';
    const bytes = Uint8Array.from(Buffer.from(b64, 'base64'));
    const changed = (i: number, value: number) =>
      Uint8Array.from(bytes, (b, j) => (j === i ? value : b));
    expect(envelopeInfo(bytes.subarray(0, 39))).toEqual({
      ok: false,
      sessionId: null,
      scVersion: null,
      sessionHeadersDiffer: false,
      sizeBytes: 39,
      reason: 'SCv2 request envelope malformed: 39 bytes',
    });
    expect(envelopeInfo(changed(0, 0x54))).toMatchObject({
      ok: false,
      reason: 'SCv2 request envelope malformed: bad magic',
    });
    expect(envelopeInfo(changed(2, 0x01))).toMatchObject({
      ok: false,
      reason: 'SCv2 request envelope malformed: unsupported version byte',
    });
    expect(envelopeInfo(changed(3, 0x07))).toMatchObject({
      ok: false,
      reason: 'SCv2 request envelope malformed: wrong type byte',
    });
    expect(envelopeInfo(bytes, { expected: 'response' })).toMatchObject({
      ok: false,
      reason: 'A response body holds a request envelope (type byte 1).',
    });
    expect(envelopeInfo('not base64!')).toMatchObject({
      ok: false,
      sizeBytes: 0,
      reason: 'No body bytes (missing, or not base64).',
    });
    expect(envelopeInfo(undefined)).toMatchObject({ ok: false });
  });

  it('reads the older session header and notices two that differ (SCv2 §4.1)', () => {
    const b64 = entryAt(otp, 2).request.postData?.text ?? '';
    const older = [{ name: 'X-Secure-Channel-Session-Id', value: 'sc_old' }];
    expect(envelopeInfo(b64, { headers: older })).toMatchObject({
      sessionId: 'sc_old',
      sessionHeadersDiffer: false,
    });
    const both = [...older, { name: 'x-sc-session-id', value: 'sc_new' }];
    expect(envelopeInfo(b64, { headers: both })).toMatchObject({
      sessionId: 'sc_new',
      sessionHeadersDiffer: true,
    });
  });

  it('refuses a binary body a recorder saved as text, instead of reading a wrong timestamp', () => {
    // What Playwright's HAR recorder writes for a request envelope: bytes that are not UTF-8
    // became U+FFFD, so the body is longer than it was and its header bytes are wrong.
    const lossy = `SC\u0002\u0001\u0000\u0000\u0001\uFFFD\uFFFD\u0016${'\uFFFD'.repeat(40)}`;
    const info = envelopeInfo({ mimeType: 'application/json;charset=UTF-8', text: lossy });
    expect(info).toMatchObject({
      ok: false,
      reason: expect.stringContaining('lost bytes') as string,
    });
  });

  it('finds no envelope in plaintext calls', () => {
    expect(entryEnvelopes(otp[1])).toEqual({ request: null, response: null });
    expect(entryEnvelopes(loadEntries('slaunchx-missing-headers.har')[3])).toMatchObject({
      request: { ok: true, scVersion: null },
      response: null,
    });
  });
});
