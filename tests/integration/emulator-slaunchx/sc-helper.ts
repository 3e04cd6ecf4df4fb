/**
 * A tiny SCv2 client for the emulator's contract tests, built straight on the codec
 * (secure-channel-v2.md §2–§5) so these tests do not depend on the production client.
 */
import { randomBytes } from 'node:crypto';
import { fromUtf8 } from '../../../src/secure-channel/bytes';
import { openResponse, sealRequest } from '../../../src/secure-channel/envelope';
import { verifyKeyConfirmation, wrapSessionKey } from '../../../src/secure-channel/key-exchange';

export type Portal = 'system' | 'consumer';

export const ACCESS_CODES: Record<Portal, string> = {
  system: 'demo-system-portal',
  consumer: 'demo-consumer-portal',
};

export const CLIENT_HASH = 'contract-test-client-0001';

export interface Wrapper {
  version: string;
  timestamp: number;
  success: boolean;
  code: string;
  message: string;
  data: Record<string, unknown> | null;
}

export interface Answer {
  status: number;
  headers: Headers;
  body: Wrapper;
  /** True when the body came as an SCv2 response envelope. */
  encrypted: boolean;
}

export function gatewayHeaders(
  portal: Portal,
  overrides: Record<string, string | undefined> = {},
): Record<string, string> {
  const all: Record<string, string | undefined> = {
    Accept: 'application/json',
    'Content-Type': 'application/json;charset=UTF-8',
    'X-PORTAL-ACCESS-CODE': ACCESS_CODES[portal],
    'X-Client-Hash': CLIENT_HASH,
    'CF-Connecting-IP': '203.0.113.7',
    'Cf-Ray': '8f1a2b3c4d5e6f70-SJC',
    'cf-ipcountry': 'US',
    ...overrides,
  };
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(all)) if (value !== undefined) out[name] = value;
  return out;
}

export async function readPlain(response: Response): Promise<Answer> {
  const body = (await response.json()) as Wrapper;
  return { status: response.status, headers: response.headers, body, encrypted: false };
}

export interface ScHandle {
  baseUrl: string;
  sessionId: string;
  key: Uint8Array;
  clientHash: string;
}

export async function fetchPublicKey(baseUrl: string, portal: Portal = 'system') {
  const response = await fetch(`${baseUrl}/web/v1/secure-channel/public-key`, {
    headers: gatewayHeaders(portal),
  });
  const { data } = (await readPlain(response)).body;
  return data as { keyId: string; algorithm: string; publicKey: string; expiresAt: number };
}

/** SCv2 §3: fresh K, wrapped under the server key, confirmation checked. */
export async function openScSession(
  baseUrl: string,
  opts: { clientHash?: string; portal?: Portal } = {},
): Promise<ScHandle> {
  const clientHash = opts.clientHash ?? CLIENT_HASH;
  const portal = opts.portal ?? 'system';
  const pub = await fetchPublicKey(baseUrl, portal);
  const key = new Uint8Array(randomBytes(32));
  const encryptedKey = await wrapSessionKey(pub.publicKey, key);
  const response = await fetch(`${baseUrl}/web/v1/secure-channel/session`, {
    method: 'POST',
    headers: gatewayHeaders(portal, { 'X-Client-Hash': clientHash }),
    body: JSON.stringify({ keyId: pub.keyId, encryptedKey }),
  });
  const answer = await readPlain(response);
  const data = answer.body.data as { sessionId: string; keyConfirmation: string } | null;
  if (data === null) throw new Error(`open failed: ${answer.body.code}`);
  if (!verifyKeyConfirmation(key, data.sessionId, data.keyConfirmation)) {
    throw new Error('key confirmation mismatch');
  }
  return { baseUrl, sessionId: data.sessionId, key, clientHash };
}

export interface Sealed {
  envelope: Uint8Array;
  nonce: Uint8Array;
}

export function seal(
  sc: ScHandle,
  path: string,
  payload: unknown,
  opts: { timestamp?: number; raw?: string } = {},
): Sealed {
  const nonce = new Uint8Array(randomBytes(12));
  const envelope = sealRequest({
    key: sc.key,
    sessionId: sc.sessionId,
    method: 'POST',
    path,
    plaintext: opts.raw ?? JSON.stringify(payload),
    timestamp: opts.timestamp ?? Date.now(),
    nonce,
  });
  return { envelope, nonce };
}

/** The portal a path belongs to; the SC endpoints take either code, so system. */
export const portalOf = (path: string): Portal =>
  path.startsWith('/web/v1/consumer/') ? 'consumer' : 'system';

export interface SendOptions {
  /** Whose access code to send; by default the portal of the path. */
  portal?: Portal;
  headers?: Record<string, string | undefined>;
}

/** Posts an envelope with SC headers; decrypts an encrypted answer, parses a plaintext one. */
export async function sendSealed(
  sc: ScHandle,
  path: string,
  sealed: Sealed,
  opts: SendOptions = {},
): Promise<Answer> {
  const headers = gatewayHeaders(opts.portal ?? portalOf(path), {
    'X-Client-Hash': sc.clientHash,
    'X-SC-Session-Id': sc.sessionId,
    'X-SC-Version': '2',
    ...opts.headers,
  });
  const response = await fetch(`${sc.baseUrl}${path}`, {
    method: 'POST',
    headers,
    body: Buffer.from(sealed.envelope),
  });
  if (response.headers.get('content-type') !== 'application/octet-stream') {
    return readPlain(response);
  }
  const opened = openResponse({
    key: sc.key,
    sessionId: sc.sessionId,
    requestNonce: sealed.nonce,
    envelope: new Uint8Array(await response.arrayBuffer()),
  });
  const body = JSON.parse(fromUtf8(opened.plaintext)) as Wrapper;
  return { status: response.status, headers: response.headers, body, encrypted: true };
}

/** One encrypted call: seal `payload` for `path`, send it, open the answer. */
export function scCall(
  sc: ScHandle,
  path: string,
  payload: unknown,
  opts: SendOptions & { bearer?: string } = {},
): Promise<Answer> {
  const auth = opts.bearer === undefined ? {} : { Authorization: `Bearer ${opts.bearer}` };
  return sendSealed(sc, path, seal(sc, path, payload), {
    ...opts,
    headers: { ...auth, ...opts.headers },
  });
}

/** The `data` of a successful answer, failing the test with the code otherwise. */
export function dataOf(answer: Answer): Record<string, unknown> {
  if (!answer.body.success || answer.body.data === null) {
    throw new Error(`expected success with data, got ${answer.status} ${answer.body.code}`);
  }
  return answer.body.data;
}

export function stringField(answer: Answer, name: string): string {
  const value = dataOf(answer)[name];
  if (typeof value !== 'string') throw new Error(`data.${name} is not a string`);
  return value;
}
