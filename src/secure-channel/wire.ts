/**
 * Shapes the SCv2 client accepts from the server: the SlaunchX result wrapper (providers.md §1.2)
 * and the `data` of the public-key (SCv2 §2) and open (SCv2 §3) answers. Anything that does not
 * match is `SC.RESPONSE_INVALID`: the client never guesses at a half-valid answer.
 */
import * as v from 'valibot';
import { ScError } from './errors';

const PlainObject = v.custom<Record<string, unknown>>(
  (x) => typeof x === 'object' && x !== null && !Array.isArray(x),
  'expected a JSON object',
);

const ResultWrapper = v.looseObject({
  version: v.string(),
  timestamp: v.number(),
  success: v.boolean(),
  code: v.string(),
  message: v.string(),
  data: v.nullable(PlainObject),
});

/** providers.md §1.2; extra fields are kept as sent. */
export type ScResultWrapper = v.InferOutput<typeof ResultWrapper>;

const PublicKeyData = v.object({
  keyId: v.pipe(v.string(), v.minLength(1)),
  algorithm: v.string(),
  publicKey: v.pipe(v.string(), v.minLength(1)),
  expiresAt: v.pipe(v.number(), v.integer()),
});
export type PublicKeyData = v.InferOutput<typeof PublicKeyData>;

const SessionData = v.object({
  sessionId: v.pipe(v.string(), v.minLength(8), v.maxLength(128)), // SCv2 §3 step 4
  expiresIn: v.pipe(v.number(), v.integer(), v.minValue(1)),
  keyConfirmation: v.string(),
});
export type SessionData = v.InferOutput<typeof SessionData>;

function invalid(why: string): ScError {
  return new ScError('SC.RESPONSE_INVALID', `SCv2: ${why}`);
}

/** Parses JSON text as a result wrapper, or throws SC.RESPONSE_INVALID. */
export function parseResultWrapper(text: string): ScResultWrapper {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw invalid('response body is not JSON');
  }
  const result = v.safeParse(ResultWrapper, json);
  if (!result.success) throw invalid('response body is not a result wrapper');
  return result.output;
}

export function parsePublicKeyData(data: unknown): PublicKeyData {
  const result = v.safeParse(PublicKeyData, data);
  if (!result.success) throw invalid('public key answer has an unexpected shape');
  return result.output;
}

export function parseSessionData(data: unknown): SessionData {
  const result = v.safeParse(SessionData, data);
  if (!result.success) throw invalid('session answer has an unexpected shape');
  return result.output;
}

/** The media type of a response, lower-case, without parameters; '' when absent. */
export function mediaType(headers: Headers): string {
  return (headers.get('content-type') ?? '').split(';')[0]?.trim().toLowerCase() ?? '';
}

/**
 * SCv2 §4.2: refusals come in plaintext with `success: false`, a status ≥ 400 and, for SC
 * codes, an `X-SC-Error` header naming the same code. Returns the wrapper or throws.
 */
export async function readPlaintextRefusal(response: Response): Promise<ScResultWrapper> {
  if (mediaType(response.headers) !== 'application/json') {
    throw invalid(`unexpected content type "${response.headers.get('content-type') ?? ''}"`);
  }
  const wrapper = parseResultWrapper(await response.text());
  if (wrapper.success || response.status < 400) {
    throw invalid('plaintext answer that is not an error');
  }
  const scHeader = response.headers.get('x-sc-error');
  if (wrapper.code.startsWith('SC.') && scHeader !== wrapper.code) {
    throw invalid(`plaintext ${wrapper.code} without a matching X-SC-Error header`);
  }
  return wrapper;
}

/** A plaintext handshake answer (SCv2 §2–§3): a success wrapper or a refusal. */
export async function readPlaintextWrapper(response: Response): Promise<ScResultWrapper> {
  if (!response.ok) return readPlaintextRefusal(response);
  if (mediaType(response.headers) !== 'application/json') {
    throw invalid(`unexpected content type "${response.headers.get('content-type') ?? ''}"`);
  }
  const wrapper = parseResultWrapper(await response.text());
  if (!wrapper.success) throw invalid('error wrapper with a success status');
  return wrapper;
}
