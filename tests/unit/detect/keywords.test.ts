import { describe, expect, it } from 'vitest';
import {
  BACKUP,
  NEGATIVES,
  OTP_STRONG,
  OTP_WEAK,
  PASSWORD,
  USERNAME,
} from '../../../src/detect/keywords';
import { compileKeywords, keywordMatchers, normalizeText } from '../../../src/detect/patterns';

describe('normalizeText', () => {
  it.each([
    ['idTxtBx_SAOTCC_OTC', 'id txt bx saotcc otc'],
    ['totpPin', 'totp pin'],
    ['OTPCode', 'otp code'],
    ['credentials.passcode', 'credentials passcode'],
    ['otp1', 'otp 1'],
    ['2FA', '2fa'],
    ['Bestätigungs-Code', 'bestatigungs code'],
    ["code d'authentification", 'code d authentification'],
    ['  Mã   xác thực ', 'ma xac thuc'],
  ])('%s → %s', (input, expected) => {
    expect(normalizeText(input)).toBe(expected);
  });
});

describe('keyword lists', () => {
  const required = [
    'en',
    'zh-Hans',
    'zh-Hant',
    'ja',
    'ko',
    'vi',
    'de',
    'fr',
    'es',
    'it',
    'pt',
    'nl',
    'pl',
    'ru',
    'sv',
  ];

  it('cover every required language for one-time codes and backup codes', () => {
    const otpLangs = new Set([...OTP_STRONG, ...OTP_WEAK].map((g) => g.lang));
    const backupLangs = new Set(BACKUP.map((g) => g.lang));
    for (const lang of required) {
      expect(otpLangs.has(lang), `OTP ${lang}`).toBe(true);
      expect(backupLangs.has(lang), `backup ${lang}`).toBe(true);
    }
  });

  it('compile every list, and no list has an entry that normalises to nothing', () => {
    for (const groups of [
      OTP_STRONG,
      OTP_WEAK,
      BACKUP,
      USERNAME,
      PASSWORD,
      ...Object.values(NEGATIVES),
    ]) {
      expect(compileKeywords(groups)).toBeInstanceOf(RegExp);
      for (const group of groups) {
        for (const word of group.words) expect(normalizeText(word), word).not.toBe('');
      }
    }
  });

  it.each([
    ['app_otp', 'otp'],
    ['smsOtp', 'otp'],
    ['mfacode', 'mfa'],
    ['verificationCode', 'verification code'],
    ['onetimecode', 'onetimecode'],
    ['请输入短信验证码', '验证码'],
    ['請輸入驗證碼', '驗證碼'],
    ['ワンタイムパスワード', normalizeText('ワンタイムパスワード')],
    ['인증번호를 입력하세요', normalizeText('인증번호')],
    ['Nhập mã xác thực', 'ma xac thuc'],
    ['Bestätigungscode', 'bestatigungscode'],
    ['Code de vérification', 'code de verification'],
    ['Código de verificación', 'codigo de verificacion'],
    ['Код подтверждения', 'код подтверждения'],
    ['Kod weryfikacyjny', 'kod weryfikacyjny'],
  ])('a strong OTP keyword is found in "%s"', (text, keyword) => {
    expect(keywordMatchers().otpStrong.exec(normalizeText(text))?.[0]).toBe(keyword);
  });

  it.each(['footprint', 'hotpink', 'verification', 'postcode', 'barcode'])(
    'no strong OTP keyword inside "%s"',
    (text) => {
      expect(keywordMatchers().otpStrong.test(normalizeText(text))).toBe(false);
    },
  );
});
