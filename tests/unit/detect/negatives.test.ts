/**
 * Every negative category on its own: a field that speaks of a "code" (or has a code's shape)
 * but is something else is rejected with the category in its reasons, and never filled.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { analyzePage, fillPlan } from '../../../src/detect/index';
import { closeWindows, fromHtml } from './dom';

afterEach(closeWindows);

const CASES: [category: string, html: string][] = [
  ['search', '<input id="f" type="search" name="code" maxlength="6">'],
  ['search', '<input id="f" name="q" placeholder="code" maxlength="6">'],
  ['email', '<input id="f" type="email" name="code" maxlength="6">'],
  ['email', '<input id="f" name="email_code" maxlength="6" inputmode="numeric">'],
  ['phone', '<input id="f" name="phone" type="tel" maxlength="10" inputmode="numeric">'],
  [
    'phone',
    '<label for="f">Mobile number (we will text you a code)</label><input id="f" name="mobile" maxlength="11">',
  ],
  ['promo', '<label for="f">Promo code</label><input id="f" name="code" maxlength="8">'],
  ['promo', '<input id="f" name="coupon" placeholder="Coupon code" maxlength="8">'],
  ['promo', '<input id="f" name="gc" placeholder="Gift card code" maxlength="10">'],
  ['promo', '<input id="f" name="v" placeholder="Voucher code" maxlength="10">'],
  ['promo', '<input id="f" name="d" aria-label="Discount code" maxlength="10">'],
  ['promo', '<input id="f" name="d" placeholder="请输入优惠码" maxlength="10">'],
  [
    'postal',
    '<label for="f">ZIP code</label><input id="f" name="z" inputmode="numeric" maxlength="5">',
  ],
  ['postal', '<label for="f">Postal code</label><input id="f" name="p" maxlength="6">'],
  [
    'postal',
    '<label for="f">Postleitzahl</label><input id="f" name="p" inputmode="numeric" maxlength="5">',
  ],
  ['postal', '<label for="f">郵便番号</label><input id="f" name="p" maxlength="7">'],
  ['captcha', '<input id="f" name="captcha" placeholder="Enter code" maxlength="6">'],
  ['captcha', '<input id="f" name="c" placeholder="请输入图形验证码" maxlength="4">'],
  ['captcha', '<input id="f" name="c" placeholder="画像認証コード" maxlength="4">'],
  ['captcha', '<input id="f" name="c" aria-label="보안문자 입력" maxlength="6">'],
  ['card', '<input id="f" name="cvv" placeholder="CVV code" maxlength="4" inputmode="numeric">'],
  [
    'card',
    '<input id="f" name="cc" autocomplete="cc-csc" placeholder="Security code" maxlength="4">',
  ],
  ['card', '<input id="f" name="x" aria-label="Card verification code" maxlength="4">'],
  ['tool', '<input id="f" name="b64" placeholder="Base64 code to decode" maxlength="8">'],
  ['tool', '<input id="f" name="enc" aria-label="Encode this code" maxlength="8">'],
  ['comment', '<textarea id="f" name="code" placeholder="Verification code"></textarea>'],
  ['comment', '<input id="f" name="comment" placeholder="Comment code" maxlength="8">'],
  [
    'quantity',
    '<input id="f" name="qty" type="number" inputmode="numeric" maxlength="6" aria-label="Quantity code">',
  ],
  ['quantity', '<label for="f">Menge</label><input id="f" name="m" type="number" maxlength="6">'],
];

describe('negative categories', () => {
  it.each(CASES)('a %s field is rejected, not taken for a code field: %s', (category, html) => {
    const doc = fromHtml(
      `<!doctype html><title>Sign-in verification code</title><form>${html}</form>`,
    );
    const analysis = analyzePage(doc);
    const field = doc.getElementById('f');
    expect(analysis.otp).toBeNull();
    expect(analysis.kind).toBe('none');
    const rejected = analysis.rejected.find((r) => r.element === field);
    expect(rejected?.reasons.join('\n')).toContain(`negative: ${category}`);
    expect(fillPlan(analysis, '123456')).toMatchObject({ ok: false, error: { code: 'no-target' } });
  });

  it('keeps a code field whose label mentions the phone the code was sent to', () => {
    const doc = fromHtml(
      '<form><label for="f">Enter the code we sent to your phone</label><input id="f" name="code" inputmode="numeric" maxlength="6"></form>',
    );
    expect(analyzePage(doc).otp?.fields[0]?.element).toBe(doc.getElementById('f'));
  });

  it('keeps a mobile verification code field: a strong code keyword outweighs "mobile"', () => {
    const doc = fromHtml('<input id="f" name="mobileVerificationCode" maxlength="6">');
    expect(analyzePage(doc).otp?.fields[0]?.element).toBe(doc.getElementById('f'));
  });

  it('takes 短信验证码 (SMS code) and rejects 图形验证码 (captcha) on the same page', () => {
    const doc = fromHtml(
      '<input id="img" placeholder="图形验证码" maxlength="4"><input id="sms" placeholder="短信验证码" maxlength="6">',
    );
    const analysis = analyzePage(doc);
    expect(analysis.otp?.fields.map((f) => f.element)).toEqual([doc.getElementById('sms')]);
    expect(analysis.rejected.map((r) => r.element)).toContain(doc.getElementById('img'));
  });

  it('never takes a backup-code field for the OTP field, even marked one-time-code', () => {
    const doc = fromHtml(
      '<input id="f" name="backup_code" autocomplete="one-time-code" maxlength="10">',
    );
    const analysis = analyzePage(doc);
    expect(analysis.otp).toBeNull();
    expect(analysis.backup.map((b) => b.element)).toEqual([doc.getElementById('f')]);
    expect(fillPlan(analysis, '123456')).toMatchObject({ ok: false, error: { code: 'no-target' } });
    expect(fillPlan(analysis, 'abcd-efgh', { into: 'backup' })).toMatchObject({
      ok: true,
      code: 'abcd-efgh',
    });
  });
});
