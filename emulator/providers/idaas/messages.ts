/**
 * IDaaS error catalogue (providers.md §2). The seed's table (seed 001) gives the codes, statuses
 * and both languages of its nine errors; the contract adds six codes in the same style.
 */

export type IdaasLanguage = 'zh' | 'en';

export const IDAAS_ERRORS = {
  // Seed 001 "Error Codes".
  'IDAAS.SDK.PARAM.0001': {
    status: 400,
    en: 'Device information is incomplete',
    zh: '设备信息不完整',
  },
  'IDAAS.SDK.PARAM.0002': { status: 400, en: 'clientId cannot be empty', zh: 'clientId不能为空' },
  'IDAAS.SDK.PARAM.0003': {
    status: 400,
    en: 'The app is not registered, please register the app first',
    zh: '应用未注册,请先注册应用',
  },
  'IDAAS.SDK.PARAM.0009': {
    status: 400,
    en: 'Verification code cannot be empty',
    zh: '验证码不能为空',
  },
  'IDAAS.SDK.USER.0004': { status: 400, en: 'Mobile number cannot be empty', zh: '手机号不能为空' },
  'IDAAS.SDK.CAPTCHA.0007': { status: 400, en: 'Incorrect verification code', zh: '验证码不正确' },
  'IDAAS.SDK.USER.0001': { status: 400, en: 'User not found', zh: '用户未找到' },
  'IDAAS.SDK.USER.0039': { status: 400, en: 'User is disabled', zh: '用户已被禁用' },
  'IDAAS.SDK.COM.0002': {
    status: 500,
    en: 'System busy, please try again later',
    zh: '系统繁忙,请稍后再试',
  },
  // providers.md §2 "Codes the seed's table lacks".
  'IDAAS.SDK.PARAM.0000': { status: 400, en: 'Invalid request body', zh: '请求体格式不正确' },
  'IDAAS.SDK.PARAM.0004': { status: 400, en: 'Email cannot be empty', zh: '邮箱不能为空' },
  'IDAAS.SDK.PARAM.0005': {
    status: 400,
    en: 'Invalid verification code type',
    zh: '验证码类型不正确',
  },
  'IDAAS.SDK.CAPTCHA.0001': {
    status: 400,
    en: 'Incorrect graphic verification code',
    zh: '图形验证码不正确',
  },
  'IDAAS.SDK.CAPTCHA.0002': {
    status: 400,
    en: 'Captcha token is invalid or expired',
    zh: '图形验证码凭证无效或已过期',
  },
  'IDAAS.SDK.TOKEN.0001': {
    status: 400,
    en: 'Session token is invalid or expired',
    zh: 'session_token无效或已过期',
  },
} as const;

export type IdaasErrorCode = keyof typeof IDAAS_ERRORS;

export const isIdaasErrorCode = (code: string): code is IdaasErrorCode =>
  Object.hasOwn(IDAAS_ERRORS, code);

/** `X-L`: `en` (any case, with or without a region) → English; anything else → the default zh. */
export function parseIdaasLanguage(header: string | undefined): IdaasLanguage {
  return /^en(?:[-_]|$)/i.test(header?.trim() ?? '') ? 'en' : 'zh';
}

export interface IdaasError {
  status: number;
  body: { error_code: string; error_msg: string };
}

/** An injected fault with a code outside the catalogue answers like COM.0002 under its own code. */
export function idaasError(code: string, language: IdaasLanguage): IdaasError {
  const entry = isIdaasErrorCode(code) ? IDAAS_ERRORS[code] : IDAAS_ERRORS['IDAAS.SDK.COM.0002'];
  return { status: entry.status, body: { error_code: code, error_msg: entry[language] } };
}
