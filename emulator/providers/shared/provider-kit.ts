import { createHmac, randomBytes } from 'node:crypto';

/**
 * Small pieces the IDaaS, Koodrive and CloudBase plugins share: randomness, redaction, HS256
 * JWTs, strict string-field bodies, expiring one-time values and control-body readers.
 */

export type RandomBytes = (length: number) => Uint8Array;

export const defaultRandom: RandomBytes = (length) => new Uint8Array(randomBytes(length));

/** providers.md conventions: first 4 characters, then `…`. */
export function redact(secret: string): string {
  return `${secret.slice(0, 4)}…`;
}

export function randomHex(random: RandomBytes, chars: number): string {
  return Buffer.from(random(Math.ceil(chars / 2)))
    .toString('hex')
    .slice(0, chars);
}

const ALNUM = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';

/** Uniform over the alphabet: bytes ≥ the largest multiple of its length are redrawn. */
export function randomFrom(random: RandomBytes, alphabet: string, length: number): string {
  const limit = 256 - (256 % alphabet.length);
  let out = '';
  while (out.length < length) {
    for (const byte of random(length)) {
      if (byte < limit && out.length < length) out += alphabet.charAt(byte % alphabet.length);
    }
  }
  return out;
}

export function randomAlnum(random: RandomBytes, length: number): string {
  return randomFrom(random, ALNUM, length);
}

export function randomDigits(random: RandomBytes, length: number): string {
  return randomFrom(random, '0123456789', length);
}

/** RFC 4122 §4.4 version-4 UUID from the injected randomness. */
export function randomUuid(random: RandomBytes): string {
  const b = random(16);
  b[6] = ((b[6] ?? 0) & 0x0f) | 0x40;
  b[8] = ((b[8] ?? 0) & 0x3f) | 0x80;
  const hex = Buffer.from(b).toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

const base64url = (data: string | Buffer): string => Buffer.from(data).toString('base64url');

/** RFC 7519 JWT signed with HS256 (RFC 7518 §3.2); the emulator's keys are test values. */
export function signJwt(claims: Record<string, unknown>, secret: string): string {
  const head = base64url(JSON.stringify({ alg: 'HS256', typ: 'JWT' }));
  const body = base64url(JSON.stringify(claims));
  const mac = createHmac('sha256', secret).update(`${head}.${body}`).digest();
  return `${head}.${body}.${base64url(mac)}`;
}

export type BodyProblem = 'not-object' | 'unknown-field' | 'wrong-type';

export type StringBody<K extends string> =
  | { ok: true; fields: Partial<Record<K, string>> }
  | { ok: false; problem: BodyProblem; field: string | null };

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * Strict bodies whose fields are all strings: anything but a JSON object, an unknown key or a
 * non-string value is refused; a missing field is left to the provider's own rule.
 */
export function readStringBody<K extends string>(
  body: unknown,
  allowed: readonly K[],
): StringBody<K> {
  if (!isRecord(body)) return { ok: false, problem: 'not-object', field: null };
  const fields: Partial<Record<K, string>> = {};
  for (const [key, value] of Object.entries(body)) {
    const known = allowed.find((name) => name === key);
    if (known === undefined) return { ok: false, problem: 'unknown-field', field: key };
    if (typeof value !== 'string') return { ok: false, problem: 'wrong-type', field: key };
    fields[known] = value;
  }
  return { ok: true, fields };
}

/** Fastify's own request errors (bad JSON, empty body, size, media type) carry a 4xx status. */
export function isClientRequestError(error: unknown): boolean {
  if (!isRecord(error)) return false;
  const status = error.statusCode;
  return typeof status === 'number' && status >= 400 && status < 500;
}

/** Every provider route accepts at most this much body; larger → the provider's malformed shape. */
export const BODY_LIMIT = 16 * 1024;

/** Hands out one-time values that expire on the service clock. */
export interface ExpiringStore<V> {
  put(key: string, value: V, ttlMs: number): void;
  /** The value if present and unexpired; expired entries are dropped. */
  get(key: string): V | null;
  take(key: string): V | null;
  delete(key: string): void;
  clear(): void;
  entries(): { key: string; value: V; expiresAt: number }[];
}

export function createExpiringStore<V>(now: () => number): ExpiringStore<V> {
  const items = new Map<string, { value: V; expiresAt: number }>();
  const get = (key: string): V | null => {
    const item = items.get(key);
    if (item === undefined) return null;
    if (item.expiresAt <= now()) {
      items.delete(key);
      return null;
    }
    return item.value;
  };
  return {
    put: (key, value, ttlMs) => items.set(key, { value, expiresAt: now() + ttlMs }),
    get,
    take: (key) => {
      const value = get(key);
      items.delete(key);
      return value;
    },
    delete: (key) => items.delete(key),
    clear: () => {
      items.clear();
    },
    entries: () => {
      const t = now();
      return [...items]
        .filter(([, item]) => item.expiresAt > t)
        .map(([key, item]) => ({ key, value: item.value, expiresAt: item.expiresAt }));
    },
  };
}

/** POST /__emulator/accounts with a body the provider cannot turn into an account (§6). */
export class InvalidAccountError extends Error {
  readonly code = 'INVALID_ACCOUNT';
  constructor(message: string) {
    super(message);
    this.name = 'InvalidAccountError';
  }
}

/** Reads an optional string field of a control body; another type is an InvalidAccountError. */
export function optionalString(body: Record<string, unknown>, key: string): string | undefined {
  const value = body[key];
  if (value === undefined) return undefined;
  if (typeof value !== 'string') throw new InvalidAccountError(`${key} must be a string`);
  return value;
}

export function requiredString(body: Record<string, unknown>, key: string): string {
  const value = optionalString(body, key);
  if (value === undefined || value === '') throw new InvalidAccountError(`${key} is required`);
  return value;
}
