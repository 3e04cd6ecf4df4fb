import { describe, expect, test } from 'vitest';
import { WorkerError } from '../../../src/messaging/client';
import { UiInputError, describeError } from '../../../src/ui/error-message';
import { accountTitle, countdownAt, formatCode, matchesQuery } from '../../../src/ui/format-code';
import { createCatalogTranslator, formatEntry } from '../../../src/ui/i18n';
import { passphraseLength } from '../../../src/ui/popup/create-vault-view';
import { DEFAULT_DRAFT, parseManualDraft, withType } from '../../../src/ui/popup/manual-draft';
import { t } from './render-popup';

describe('formatEntry (chrome.i18n.getMessage rules)', () => {
  const entry = {
    message: 'Line $LINE$: $Text$ costs $$5 ($line$)',
    placeholders: { line: { content: '$1' }, TEXT: { content: '“$2”' } },
  };

  test('fills named placeholders from positional substitutions, case-insensitively', () => {
    expect(formatEntry(entry, ['3', 'abc'])).toBe('Line 3: “abc” costs $5 (3)');
  });

  test('missing substitutions become empty, and a "$$" inside a substitution is kept', () => {
    expect(formatEntry(entry, [])).toBe('Line : “” costs $5 ()');
    expect(formatEntry(entry, ['$$', 'x'])).toBe('Line $$: “x” costs $5 ($$)');
  });

  test('a translator looks keys up case-insensitively and reports unknown ones', () => {
    const missing: string[] = [];
    const translate = createCatalogTranslator({ Hello: { message: 'Hi' } }, (key) => {
      missing.push(key);
      return '';
    });
    expect(translate('hello')).toBe('Hi');
    expect(translate('nope')).toBe('');
    expect(missing).toEqual(['nope']);
  });
});

describe('code display', () => {
  test.each([
    ['123456', '123 456'],
    ['12345678', '1234 5678'],
    ['1234567', '1234 567'],
    ['KX7T9', 'KX7T9'],
  ])('formatCode(%s) is %s', (code, shown) => {
    expect(formatCode(code)).toBe(shown);
  });

  test('the countdown rounds seconds up and never goes below zero', () => {
    expect(countdownAt(10_000, 0, 30_000)).toEqual({ seconds: 20, fraction: 20 / 30 });
    expect(countdownAt(29_001, 0, 30_000).seconds).toBe(1);
    expect(countdownAt(31_000, 0, 30_000)).toEqual({ seconds: 0, fraction: 0 });
  });

  test('search ignores case and accents and looks at issuer and label', () => {
    const account = { issuer: 'Société Générale', label: 'Zoë' };
    expect(matchesQuery(account, 'generale')).toBe(true);
    expect(matchesQuery(account, 'ZOE')).toBe(true);
    expect(matchesQuery(account, '  ')).toBe(true);
    expect(matchesQuery(account, 'bank')).toBe(false);
    expect(accountTitle({ issuer: '', label: 'only-label' })).toBe('only-label');
  });
});

describe('manual draft', () => {
  test('the defaults parse to TOTP SHA1/6/30 with the secret trimmed', () => {
    expect(parseManualDraft({ ...DEFAULT_DRAFT, secret: ' JBSWY3DP ' })).toEqual({
      ok: true,
      input: {
        type: 'totp',
        issuer: '',
        label: '',
        secret: 'JBSWY3DP',
        algorithm: 'SHA1',
        digits: 6,
        period: 30,
        counter: 0,
      },
    });
  });

  test.each([
    [{ secret: '' }, 'OTP_SECRET_MISSING'],
    [{ secret: 'A', digits: 'six' }, 'OTP_DIGITS'],
    [{ secret: 'A', period: '-1' }, 'OTP_PERIOD'],
    [{ secret: 'A', type: 'hotp' as const, counter: '1e3' }, 'OTP_COUNTER'],
  ])('%o is refused as %s', (change, code) => {
    expect(parseManualDraft({ ...DEFAULT_DRAFT, ...change })).toEqual({ ok: false, code });
  });

  test('Steam fixes 5 digits and SHA1; leaving Steam restores 6 digits', () => {
    const steam = withType({ ...DEFAULT_DRAFT, algorithm: 'SHA512', digits: '8' }, 'steam');
    expect(steam).toMatchObject({ algorithm: 'SHA1', digits: '5', period: '30' });
    expect(withType(steam, 'totp')).toMatchObject({ type: 'totp', digits: '6' });
  });
});

describe('errors and passphrases', () => {
  test('known codes are translated, unknown codes show the worker message', () => {
    expect(describeError(new WorkerError('OTP_DIGITS', 'raw'), t)).toBe(t('error_OTP_DIGITS'));
    expect(describeError(new UiInputError('COPY_FAILED'), t)).toBe(t('error_COPY_FAILED'));
    expect(describeError(new WorkerError('NEW_CODE', 'From the worker.'), t)).toBe(
      'From the worker.',
    );
    expect(describeError('thrown string', t)).toBe(t('error_INTERNAL'));
  });

  test('passphrase length counts what the user sees, not UTF-16 units', () => {
    expect(passphraseLength('ab')).toBe(2);
    expect(passphraseLength('👩‍👩‍👧‍👦😀')).toBe(2);
    expect(passphraseLength('日本語')).toBe(3);
  });
});
