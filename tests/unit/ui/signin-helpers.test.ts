import { describe, expect, test } from 'vitest';
import { WorkerError } from '../../../src/messaging/client';
import { errorRetryAfterMs } from '../../../src/ui/error-message';
import { formatDuration, secondsUntil } from '../../../src/ui/format-duration';
import {
  EMPTY_DRAFT,
  checkDraft,
  draftOrigin,
  draftToInput,
  type ProfileDraft,
} from '../../../src/ui/options/profile-draft';
import { tabIndexForKey } from '../../../src/ui/popup/tab-bar';
import { accountName } from '../../../src/ui/sessions/session-row';
import { isInlineImage } from '../../../src/ui/signin/captcha-step';
import { isInteractive } from '../../../src/ui/signin/labels';
import { t } from './render-popup';

describe('durations', () => {
  test.each([
    [0, '0 s'],
    [42, '42 s'],
    [60, '1 min 00 s'],
    [272, '4 min 32 s'],
    [3600, '1 h 00 min'],
    [3_725, '1 h 02 min'],
    [432_000, '5 d 0 h'],
    [-5, '0 s'],
  ])('%i seconds read "%s"', (seconds, text) => {
    expect(formatDuration(seconds, t)).toBe(text);
  });

  test('seconds left round up and stop at zero', () => {
    expect(secondsUntil(10_001, 0)).toBe(11);
    expect(secondsUntil(10_000, 0)).toBe(10);
    expect(secondsUntil(0, 10_000)).toBe(0);
  });
});

describe('tab keys', () => {
  test.each([
    ['ArrowRight', 0, 1],
    ['ArrowRight', 2, 0],
    ['ArrowLeft', 0, 2],
    ['ArrowLeft', 2, 1],
    ['Home', 2, 0],
    ['End', 0, 2],
  ])('%s from tab %i goes to tab %i', (key, from, to) => {
    expect(tabIndexForKey(key, from, 3)).toBe(to);
  });

  test('other keys do not move', () => {
    expect(tabIndexForKey('ArrowDown', 1, 3)).toBeNull();
    expect(tabIndexForKey('Tab', 1, 3)).toBeNull();
  });
});

describe('profile drafts', () => {
  const draft = (over: Partial<ProfileDraft>): ProfileDraft => ({
    ...EMPTY_DRAFT,
    name: 'P',
    baseUrl: 'https://a.example',
    accessCode: 'x',
    ...over,
  });

  test.each<[Partial<ProfileDraft>, string | null]>([
    [{}, null],
    [{ name: '  ' }, 'name'],
    [{ baseUrl: 'a.example' }, 'url'],
    [{ baseUrl: 'ftp://a.example' }, 'url'],
    [{ baseUrl: 'http://a.example' }, 'insecure'],
    [{ baseUrl: 'http://a.example', environment: 'test' }, 'insecure'],
    [{ baseUrl: 'http://127.0.0.1:8787', environment: 'test' }, null],
    [{ baseUrl: 'http://localhost:8787/prefix', environment: 'test' }, null],
    [{ baseUrl: 'http://127.0.0.1:8787' }, 'insecure'],
    [{ baseUrl: 'https://a.example/?tenant=1' }, 'urlExtras'],
    [{ baseUrl: 'https://user:pw@a.example' }, 'urlExtras'],
    [{ baseUrl: 'https://a.example/#x' }, 'urlExtras'],
    [{ accessCode: '' }, 'accessCode'],
    [{ family: 'idaas' }, 'clientId'],
    [{ family: 'koodrive' }, 'agentName'],
    [{ family: 'cloudbase', accessCode: '' }, null],
    [{ environment: 'test', mailboxUrl: 'mailbox' }, 'mailbox'],
    [{ environment: 'test', mailboxUrl: 'http://mail.example:8025' }, 'mailbox'],
    [{ environment: 'test', mailboxUrl: 'http://127.0.0.1:8025' }, null],
    // A production profile never sends the mailbox, so a leftover value does not block it.
    [{ mailboxUrl: 'mailbox' }, null],
  ])('%o → %s', (over, problem) => {
    expect(checkDraft(draft(over))).toBe(problem);
  });

  test('the permission origin drops the path and normalises the host', () => {
    expect(draftOrigin(draft({ baseUrl: ' https://A.example:8443/api/v1/ ' }))).toBe(
      'https://a.example:8443',
    );
  });

  test('an edit keeps its id and a SlaunchX profile without a linked account sends null', () => {
    expect(draftToInput(draft({ id: 'prof-1' }))).toEqual({
      id: 'prof-1',
      name: 'P',
      family: 'slaunchx',
      baseUrl: 'https://a.example',
      environment: 'production',
      identifier: '',
      portal: 'system',
      accessCode: 'x',
      otpAccountId: null,
    });
  });
});

describe('small display rules', () => {
  test('only inline images are shown as captchas', () => {
    expect(isInlineImage('data:image/svg+xml;base64,AAAA')).toBe(true);
    expect(isInlineImage('data:image/png;base64,AAAA')).toBe(true);
    expect(isInlineImage('data:text/html;base64,AAAA')).toBe(false);
    expect(isInlineImage('https://example.com/c.png')).toBe(false);
    expect(isInlineImage('javascript:alert(1)')).toBe(false);
  });

  test('a session is named by display name, then e-mail, login, phone, id', () => {
    expect(accountName({ displayName: 'Admin', email: 'a@x' })).toBe('Admin');
    expect(accountName({ email: 'a@x', login: 'a' })).toBe('a@x');
    expect(accountName({ login: 'a', id: '1' })).toBe('a');
    expect(accountName({ phone: '+1', id: '1' })).toBe('+1');
    expect(accountName({})).toBeNull();
  });

  test('only waiting steps count as interactive', () => {
    expect(isInteractive({ step: 'send-code', method: 'EMAIL', alternatives: [] })).toBe(true);
    expect(isInteractive({ step: 'pending-approval', message: '' })).toBe(false);
  });

  test('a wait comes only from a positive retryAfterMs', () => {
    expect(errorRetryAfterMs(new WorkerError('RATE_LIMITED', 'x', 5000))).toBe(5000);
    expect(errorRetryAfterMs(new WorkerError('RATE_LIMITED', 'x'))).toBeNull();
    expect(errorRetryAfterMs(new WorkerError('RATE_LIMITED', 'x', 0))).toBeNull();
    expect(errorRetryAfterMs('nope')).toBeNull();
  });
});
