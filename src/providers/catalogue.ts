/**
 * Every code each provider documents, with its meaning in English: the seed's message and
 * action where the seed gives them, else the contract's wording (providers.md). `ProviderError`
 * reads `meaning` from here, so a code the UI shows is always explained the same way.
 */
import type { ProviderFamily } from './profile';

export type Catalogue = Readonly<Record<string, string>>;

/** Client-side codes, the same for every family. */
export const CLIENT_CODES: Catalogue = {
  NETWORK: 'The provider could not be reached. Check the connection and the base URL.',
  TIMEOUT: 'The provider did not answer in time. Try again.',
  RESPONSE_INVALID:
    'The provider answered with something that is not its documented response (wrong content type, not JSON, or an unexpected shape).',
  INSECURE_URL: 'A production profile must use an https:// base URL.',
  FLOW_STATE_INVALID: 'The sign-in state does not belong to this step or provider. Start again.',
  INPUT_INVALID: 'The input does not fit the current sign-in step.',
};

// providers.md §1 and secure-channel-v2.md §6; seed 000/002 for the texts they give.
const SLAUNCHX: Catalogue = {
  '2000': 'Success.',
  '4000':
    'Validation failed: a field is unknown, missing or of the wrong type (or X-Client-Hash is missing).',
  '4010': 'The email, password, code or session id is invalid.',
  PORTAL_MISMATCH: 'The portal access code is wrong or missing for this portal.',
  'GATEWAY.CF_HEADERS_MISSING':
    'This test deployment requires the Cloudflare simulation headers (CF-Connecting-IP, Cf-Ray, cf-ipcountry).',
  RATE_LIMITED: 'Too many requests. Wait before trying again.',
  'AUTH.INVALID_CREDENTIALS': 'The email or password is incorrect.',
  'AUTH.MFA_CODE_INVALID': 'The verification code is incorrect.',
  'AUTH.MFA_METHOD_NOT_ENABLED': 'This verification method is not enabled for the account.',
  'AUTH.LOGIN_SESSION_EXPIRED': 'The login session has expired or is unknown. Sign in again.',
  'AUTH.LOGIN_SESSION_LOCKED': 'Too many wrong codes: this login session is locked. Sign in again.',
  'AUTH.CLIENT_MISMATCH': 'The login session was started from another client (X-Client-Hash).',
  ACCOUNT_PENDING_APPROVAL: 'The account is pending approval; no tokens are issued yet.',
  'AUTH.TOKEN_INVALID': 'The token is invalid, revoked or belongs to another portal.',
  'AUTH.TOKEN_EXPIRED': 'The access token has expired.',
  'AUTH.REFRESH_TOKEN_REUSED':
    'A refresh token was used twice; the whole session was revoked. Sign in again.',
  'AUTH.PASSWORD_POLICY': 'The password needs 10–128 characters with a letter and a digit.',
  'SC.VERSION_UNSUPPORTED': 'The secure channel version is not supported (X-SC-Version must be 2).',
  'SC.SESSION_NOT_FOUND': 'The secure channel session is unknown or closed.',
  'SC.SESSION_EXPIRED': 'The secure channel session has expired.',
  'SC.CLIENT_HASH_MISMATCH': 'The secure channel session belongs to another X-Client-Hash.',
  'SC.ENVELOPE_MALFORMED': 'The encrypted envelope is malformed.',
  'SC.ENVELOPE_EXPIRED': 'The encrypted envelope is stale: check the device clock.',
  'SC.REPLAY': 'The encrypted envelope was replayed.',
  'SC.DECRYPT_FAILED': 'The encrypted envelope did not decrypt.',
  'SC.KEY_EXPIRED': 'The server no longer accepts this public key.',
  'SC.KEY_UNWRAP_FAILED': 'The server could not unwrap the session key.',
  'SC.KEY_CONFIRMATION_FAILED':
    'The server did not confirm the session key (possible interception).',
  'SC.ALGORITHM_UNSUPPORTED': 'The server offers a key algorithm other than RSA-OAEP-256.',
  'SC.RESPONSE_INVALID': 'The secure channel answer fits no documented shape.',
};

// Seed 001's error table (message. action.) plus the codes providers.md §2 adds.
const IDAAS: Catalogue = {
  'IDAAS.SDK.PARAM.0001':
    'Device information is incomplete. Please check if the input device information is complete.',
  'IDAAS.SDK.PARAM.0002': 'clientId cannot be empty. Please check if the input clientId is empty.',
  'IDAAS.SDK.PARAM.0003':
    'The app is not registered, please register the app first. Please check if the input clientId is correct.',
  'IDAAS.SDK.PARAM.0009':
    'Verification code cannot be empty. Please check if the input verification code is empty.',
  'IDAAS.SDK.USER.0004':
    'Mobile number cannot be empty. Please check if the input mobile number is empty.',
  'IDAAS.SDK.CAPTCHA.0007':
    'Incorrect verification code. Please check if the input verification code is correct.',
  'IDAAS.SDK.USER.0001': 'User not found. Please register and try again.',
  'IDAAS.SDK.USER.0039': 'User is disabled. Please contact the administrator.',
  'IDAAS.SDK.COM.0002': 'System busy, please try again later. Please retry the call.',
  'IDAAS.SDK.PARAM.0000': 'Malformed request body (not JSON, unknown field or wrong type).',
  'IDAAS.SDK.PARAM.0004': 'Email cannot be empty.',
  'IDAAS.SDK.PARAM.0005': 'Invalid verification code type.',
  'IDAAS.SDK.CAPTCHA.0001': 'The graphic captcha answer is wrong.',
  'IDAAS.SDK.CAPTCHA.0002': 'The captcha token is invalid or expired.',
  'IDAAS.SDK.TOKEN.0001': 'The session token is invalid or expired. Sign in again.',
};

// providers.md §3 (the seed names no codes besides 0).
const KOODRIVE: Catalogue = {
  '0': 'Success.',
  '10001': 'Wrong account or password.',
  '10002': 'Invalid or expired captcha token or verification code.',
  '10003': 'Invalid parameters.',
  '10004': 'Invalid refresh token. Sign in again.',
  '10005': 'Account locked after too many failures; try again in 15 minutes.',
};

// Seed 004's error list plus the contract's additions (providers.md §4).
const CLOUDBASE: Catalogue = {
  invalid_argument: 'Invalid request: give exactly username and password, or a verification token.',
  invalid_username_or_password: 'Incorrect username or password.',
  captcha_required: 'Too many login attempts: a captcha is required.',
  password_not_set: 'The user has no password set; set one or sign in with a code.',
  invalid_status: 'Account locked due to too many retries; please try again later.',
  invalid_verification_code: 'The verification code is incorrect or expired.',
  user_not_found: 'User not found.',
  invalid_grant: 'The refresh token is invalid or expired. Sign in again.',
  unimplemented: 'Username/password login is not enabled for this environment.',
};

export const CATALOGUES: Readonly<Record<ProviderFamily, Catalogue>> = {
  slaunchx: SLAUNCHX,
  idaas: IDAAS,
  koodrive: KOODRIVE,
  cloudbase: CLOUDBASE,
};

/** The English meaning of a code, or a generic line naming it when the provider's docs lack it. */
export function describeCode(provider: ProviderFamily, code: string): string {
  // Own keys only: a server code like "constructor" must not pick up Object.prototype members.
  const own = (table: Catalogue): string | undefined =>
    Object.hasOwn(table, code) ? table[code] : undefined;
  return (
    own(CATALOGUES[provider]) ?? own(CLIENT_CODES) ?? `Undocumented ${provider} error code ${code}.`
  );
}
