/** The SlaunchX result wrapper (providers.md §1.2) and the HTTP status of each code. */
import { SC_HTTP_STATUS, type ScServerErrorCode } from '../../../src/secure-channel/server-checks';
import { isSxCode, messageFor, type Lang, type SxCode } from './messages';

export type SxData = Record<string, unknown> | null;

/** What a handler decides; the pipeline turns it into a wrapper in the caller's language. */
export type SxResult =
  { success: true; data: SxData } | { success: false; code: string; data: SxData; status?: number };

export interface Wrapper {
  version: '2.0.0';
  timestamp: number;
  success: boolean;
  code: string;
  message: string;
  data: SxData;
}

const BUSINESS_STATUS: Partial<Record<SxCode, number>> = {
  '4000': 400,
  '4010': 401,
  '5000': 500,
  PORTAL_MISMATCH: 403,
  'GATEWAY.CF_HEADERS_MISSING': 403,
  RATE_LIMITED: 429,
  'AUTH.INVALID_CREDENTIALS': 401,
  'AUTH.MFA_CODE_INVALID': 401,
  'AUTH.MFA_METHOD_NOT_ENABLED': 400,
  'AUTH.LOGIN_SESSION_EXPIRED': 401,
  'AUTH.LOGIN_SESSION_LOCKED': 401,
  'AUTH.CLIENT_MISMATCH': 401,
  ACCOUNT_PENDING_APPROVAL: 403,
  'AUTH.TOKEN_INVALID': 401,
  'AUTH.TOKEN_EXPIRED': 401,
  'AUTH.REFRESH_TOKEN_REUSED': 401,
  'AUTH.PASSWORD_POLICY': 400,
  'AUTH.REGISTRATION_EXPIRED': 400,
  'AUTH.REGISTRATION_NOT_VERIFIED': 400,
  'AUTH.EMAIL_ALREADY_REGISTERED': 400,
};

function isScServerCode(code: string): code is ScServerErrorCode {
  return Object.hasOwn(SC_HTTP_STATUS, code);
}

/** HTTP status of a code; an unknown code (an injected fault) is a server error. */
export function statusOfCode(code: string): number {
  if (isScServerCode(code)) return SC_HTTP_STATUS[code];
  return (isSxCode(code) ? BUSINESS_STATUS[code] : undefined) ?? 500;
}

export const ok = (data: SxData = null): SxResult => ({ success: true, data });

export const fail = (code: SxCode, data: SxData = null): SxResult => ({
  success: false,
  code,
  data,
});

export function statusOf(result: SxResult): number {
  if (result.success) return 200;
  return result.status ?? statusOfCode(result.code);
}

export function wrap(result: SxResult, lang: Lang, timestamp: number): Wrapper {
  const base = { version: '2.0.0' as const, timestamp, success: result.success };
  if (result.success) return { ...base, code: '2000', message: 'SUCCESS', data: result.data };
  return { ...base, code: result.code, message: messageFor(result.code, lang), data: result.data };
}
