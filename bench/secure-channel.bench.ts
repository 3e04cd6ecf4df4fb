/**
 * SCv2 envelope cost: seal + open of 1 KiB payloads with @noble/ciphers (the codec the
 * extension ships, SCv2 §4) against WebCrypto AES-256-GCM encrypt + decrypt of the same
 * payloads, with the same key size, 96-bit nonces and the same AAD, in the same run.
 */
import { gcm } from '@noble/ciphers/aes.js';
import {
  ENVELOPE_HEADER_BYTES,
  openRequest,
  requestAad,
  sealRequest,
} from '../src/secure-channel/envelope';
import { figure, measure, type Bench } from './harness';

const PAYLOAD_BYTES = 1024;
const ROUNDS = 2000;
const sessionId = 'sc_7d1f0c2e9a4b4e15';
const method = 'POST';
const path = '/web/v1/system/auth/login/complete';

const bench: Bench = async () => {
  const key = crypto.getRandomValues(new Uint8Array(32));
  const payload = crypto.getRandomValues(new Uint8Array(PAYLOAD_BYTES));
  const nonces = Array.from({ length: ROUNDS }, () => crypto.getRandomValues(new Uint8Array(12)));
  const timestamp = Date.now();
  // The AAD of one envelope: what both sides authenticate alongside the payload.
  const header = sealRequest({
    key,
    sessionId,
    method,
    path,
    plaintext: '',
    timestamp,
    nonce: new Uint8Array(12),
  });
  const aad = requestAad(header.subarray(0, ENVELOPE_HEADER_BYTES), sessionId, method, path);
  const webKey = await crypto.subtle.importKey('raw', key, 'AES-GCM', false, [
    'encrypt',
    'decrypt',
  ]);

  const envelopeRound = () => {
    for (const nonce of nonces) {
      const envelope = sealRequest({
        key,
        sessionId,
        method,
        path,
        plaintext: payload,
        timestamp,
        nonce,
      });
      openRequest({ key, sessionId, method, path, envelope });
    }
  };
  const nobleRound = () => {
    for (const nonce of nonces) {
      const sealed = gcm(key, nonce, aad).encrypt(payload);
      gcm(key, nonce, aad).decrypt(sealed);
    }
  };
  const webCryptoRound = async () => {
    for (const nonce of nonces) {
      const params = { name: 'AES-GCM', iv: nonce, additionalData: aad, tagLength: 128 };
      const sealed = await crypto.subtle.encrypt(params, webKey, payload);
      await crypto.subtle.decrypt(params, webKey, sealed);
    }
  };

  const options = { warmup: 2, runs: 7 };
  const webMs = await measure(webCryptoRound, options);
  const envelopeMs = await measure(envelopeRound, options);
  const nobleMs = await measure(nobleRound, options);
  const baseline = `WebCrypto AES-256-GCM encrypt + decrypt, ${ROUNDS} × 1 KiB, same AAD`;
  const note = `${ROUNDS} rounds per run; ratio > 1 means slower than WebCrypto`;
  return [
    figure(
      `SCv2 envelope seal + open (@noble/ciphers), ${ROUNDS} × 1 KiB`,
      envelopeMs,
      baseline,
      webMs,
      note,
    ),
    figure(
      `@noble/ciphers gcm encrypt + decrypt, ${ROUNDS} × 1 KiB`,
      nobleMs,
      baseline,
      webMs,
      note,
    ),
  ];
};

export default bench;
