/**
 * SCv2 test vectors (source: secure-channel-v2.md §7, copied to tests/data/secure-channel-v2.json).
 * Every `envelopes` case is reproduced byte for byte and opened; every `invalid` case is refused
 * with its listed code in the context the file's `description` gives (envelopes[0], overridden
 * by the case's own fields, server clock = envelope timestamp).
 */
import { describe, expect, it } from 'vitest';
import vectors from '../../data/secure-channel-v2.json';
import { fromHex, fromUtf8, toB64, toHex } from '../../../src/secure-channel/bytes';
import {
  openRequest,
  openResponse,
  parseEnvelopeHeader,
  sealRequest,
  sealResponse,
} from '../../../src/secure-channel/envelope';
import {
  importPrivateKey,
  keyConfirmation,
  unwrapSessionKey,
  verifyKeyConfirmation,
} from '../../../src/secure-channel/key-exchange';
import { checkRequestEnvelope } from '../../../src/secure-channel/server-checks';

interface EnvelopeCase {
  name: string;
  type: string;
  key: string;
  sessionId: string;
  method?: string;
  path?: string;
  requestNonce?: string;
  timestamp: number;
  nonce: string;
  plaintext: string;
  envelope: string;
}

interface InvalidCase {
  name: string;
  envelope: string;
  expect: string;
  sessionId?: string;
  path?: string;
}

const envelopes: EnvelopeCase[] = vectors.envelopes;
const invalid: InvalidCase[] = vectors.invalid;
const requests = envelopes.filter((c) => c.type === 'request');
const responses = envelopes.filter((c) => c.type === 'response');

function requestFields(c: EnvelopeCase) {
  if (c.method === undefined || c.path === undefined) throw new Error(`${c.name}: no endpoint`);
  return { key: fromHex(c.key), sessionId: c.sessionId, method: c.method, path: c.path };
}

function responseFields(c: EnvelopeCase) {
  if (c.requestNonce === undefined) throw new Error(`${c.name}: no request nonce`);
  return { key: fromHex(c.key), sessionId: c.sessionId, requestNonce: fromHex(c.requestNonce) };
}

describe('SCv2 request envelope vectors', () => {
  it('covers requests and responses', () => {
    expect(requests.length).toBeGreaterThan(0);
    expect(responses.length).toBeGreaterThan(0);
  });

  it.each(requests)('$name: sealing reproduces the envelope byte for byte', (c) => {
    const sealed = sealRequest({
      ...requestFields(c),
      plaintext: c.plaintext,
      timestamp: c.timestamp,
      nonce: fromHex(c.nonce),
    });
    expect(toHex(sealed)).toBe(c.envelope);
  });

  it.each(requests)('$name: opening yields the plaintext and header', (c) => {
    const opened = openRequest({ ...requestFields(c), envelope: fromHex(c.envelope) });
    expect(fromUtf8(opened.plaintext)).toBe(c.plaintext);
    expect(opened.header).toEqual({
      type: 'request',
      timestamp: c.timestamp,
      nonce: fromHex(c.nonce),
    });
  });
});

describe('SCv2 response envelope vectors', () => {
  it.each(responses)('$name: sealing reproduces the envelope byte for byte', (c) => {
    const sealed = sealResponse({
      ...responseFields(c),
      plaintext: c.plaintext,
      timestamp: c.timestamp,
      nonce: fromHex(c.nonce),
    });
    expect(toHex(sealed)).toBe(c.envelope);
  });

  it.each(responses)('$name: opening yields the plaintext', (c) => {
    const opened = openResponse({ ...responseFields(c), envelope: fromHex(c.envelope) });
    expect(fromUtf8(opened.plaintext)).toBe(c.plaintext);
    expect(opened.header.timestamp).toBe(c.timestamp);
  });

  it.each(responses)('$name: is refused as a request (type byte)', (c) => {
    expect(() => parseEnvelopeHeader(fromHex(c.envelope), 'request')).toThrow(
      expect.objectContaining({ code: 'SC.ENVELOPE_MALFORMED' }),
    );
  });
});

describe('SCv2 invalid envelope vectors', () => {
  const base = envelopes[0];
  if (base === undefined) throw new Error('no envelopes[0]');

  it.each(invalid)('$name is refused with $expect', (c) => {
    const envelope = fromHex(c.envelope);
    const result = checkRequestEnvelope({
      ...requestFields(base),
      sessionId: c.sessionId ?? base.sessionId,
      path: c.path ?? base.path ?? '',
      envelope,
      serverNowMs: Number(new DataView(envelope.buffer).getBigUint64(4)),
      seenNonces: new Set(),
    });
    expect(result.ok).toBe(false);
    expect(result.ok ? null : result.error.code).toBe(c.expect);
  });
});

describe('SCv2 key exchange vectors', () => {
  it('the RSA-OAEP-256 encryptedKey unwraps to its key', async () => {
    const privateKey = await importPrivateKey(vectors.rsa.pkcs8);
    const key = await unwrapSessionKey(privateKey, vectors.rsa.encryptedKey);
    expect(toHex(key)).toBe(vectors.rsa.key);
  });

  it('key confirmation matches the vector', () => {
    const { key, sessionId, expected } = vectors.keyConfirmation;
    expect(toB64(keyConfirmation(fromHex(key), sessionId))).toBe(expected);
    expect(verifyKeyConfirmation(fromHex(key), sessionId, expected)).toBe(true);
  });
});
