/**
 * Errors of the provider adapters. `code` is the provider's own code (`AUTH.MFA_CODE_INVALID`,
 * `IDAAS.SDK.CAPTCHA.0007`, `10005`, `captcha_required`, `RATE_LIMITED`) or one of the
 * client-side codes below; `meaning` is the catalogue's English explanation of it.
 */
import { describeCode } from './catalogue';
import type { ProviderFamily } from './profile';

export type ClientErrorCode =
  | 'NETWORK'
  | 'TIMEOUT'
  | 'RESPONSE_INVALID'
  | 'INSECURE_URL'
  | 'FLOW_STATE_INVALID'
  | 'INPUT_INVALID';

/** An error as plain JSON, for flow steps and message replies. */
export interface ErrorInfo {
  code: string;
  provider: ProviderFamily;
  /** The provider's own message (localised where it localises), else the meaning. */
  message: string;
  meaning: string;
  httpStatus?: number;
  retryAfterMs?: number;
}

export interface ProviderErrorInit {
  code: string;
  provider: ProviderFamily;
  message?: string;
  httpStatus?: number;
  retryAfterMs?: number;
  cause?: unknown;
}

export class ProviderError extends Error {
  override readonly name = 'ProviderError';
  readonly code: string;
  readonly provider: ProviderFamily;
  readonly meaning: string;
  readonly httpStatus: number | undefined;
  readonly retryAfterMs: number | undefined;

  constructor(init: ProviderErrorInit) {
    const meaning = describeCode(init.provider, init.code);
    super(init.message !== undefined && init.message !== '' ? init.message : meaning, {
      cause: init.cause,
    });
    this.code = init.code;
    this.provider = init.provider;
    this.meaning = meaning;
    this.httpStatus = init.httpStatus;
    this.retryAfterMs = init.retryAfterMs;
  }

  toInfo(): ErrorInfo {
    const info: ErrorInfo = {
      code: this.code,
      provider: this.provider,
      message: this.message,
      meaning: this.meaning,
    };
    if (this.httpStatus !== undefined) info.httpStatus = this.httpStatus;
    if (this.retryAfterMs !== undefined) info.retryAfterMs = this.retryAfterMs;
    return info;
  }
}

export function isProviderError(value: unknown): value is ProviderError {
  return value instanceof ProviderError;
}

/** A client-side error (no provider message). */
export function clientError(
  provider: ProviderFamily,
  code: ClientErrorCode,
  detail?: string,
  extra: { httpStatus?: number; cause?: unknown } = {},
): ProviderError {
  const meaning = describeCode(provider, code);
  return new ProviderError({
    code,
    provider,
    message: detail === undefined ? meaning : `${meaning} (${detail})`,
    ...extra,
  });
}

/**
 * Retry-After (RFC 9110 §10.2.3) as delay-seconds or an HTTP-date, else the body's own seconds
 * (SlaunchX `data.retryAfter`, providers.md §1.2). Undefined when neither says.
 */
export function parseRetryAfter(
  header: string | null,
  bodySeconds: unknown,
  now: number,
): number | undefined {
  if (header !== null) {
    const trimmed = header.trim();
    if (/^\d+$/.test(trimmed)) return Number(trimmed) * 1000;
    const date = Date.parse(trimmed);
    if (!Number.isNaN(date)) return Math.max(0, date - now);
  }
  if (typeof bodySeconds === 'number' && Number.isFinite(bodySeconds) && bodySeconds >= 0) {
    return bodySeconds * 1000;
  }
  return undefined;
}
