import { describe, expect, it } from 'vitest';
import type { MfaMethod, ViewStep } from '../../../src/providers/flow';
import {
  decideAutoFill,
  type AutoFillDecision,
  type AutoFillFacts,
} from '../../../src/worker/signin/auto-fill';

const none: AutoFillFacts = {
  identifier: 'me@example.test',
  hasSavedPassword: false,
  linkedTotp: false,
  unusedBackupCodes: 0,
  mailbox: false,
};

const credentials = (password: boolean): ViewStep => ({
  step: 'credentials',
  mode: password ? 'password' : 'code',
  modes: ['password', 'code'],
  identifier: 'email',
  password,
});
const choose = (methods: MfaMethod[]): ViewStep => ({ step: 'choose-method', methods });
const send = (method: MfaMethod): ViewStep => ({ step: 'send-code', method, alternatives: [] });
const code = (method: MfaMethod): ViewStep => ({
  step: 'code',
  method,
  canResend: method === 'EMAIL' || method === 'SMS',
  alternatives: [],
});
const ALL: MfaMethod[] = ['EMAIL', 'OTP', 'BACKUP_CODE'];

describe('the auto-fill decision table', () => {
  it.each<[string, ViewStep, Partial<AutoFillFacts>, AutoFillDecision | null]>([
    [
      'credentials: saved password',
      credentials(true),
      { hasSavedPassword: true },
      { step: 'credentials', source: 'saved-password' },
    ],
    ['credentials: no saved password', credentials(true), {}, null],
    [
      'credentials: no identifier',
      credentials(true),
      { identifier: '', hasSavedPassword: true },
      null,
    ],
    [
      'credentials, code mode: mailbox',
      credentials(false),
      { mailbox: true },
      { step: 'credentials', source: 'mailbox' },
    ],
    ['credentials, code mode: no mailbox', credentials(false), { hasSavedPassword: true }, null],
    [
      'choose: TOTP first',
      choose(ALL),
      { linkedTotp: true, unusedBackupCodes: 3, mailbox: true },
      { step: 'choose-method', method: 'OTP', source: 'vault-totp' },
    ],
    [
      'choose: backup codes next',
      choose(ALL),
      { unusedBackupCodes: 1, mailbox: true },
      { step: 'choose-method', method: 'BACKUP_CODE', source: 'backup-code' },
    ],
    ['choose: no codes left', choose(ALL), { unusedBackupCodes: 0 }, null],
    [
      'choose: mailbox EMAIL last',
      choose(ALL),
      { mailbox: true },
      { step: 'choose-method', method: 'EMAIL', source: 'mailbox' },
    ],
    [
      'choose: mailbox SMS',
      choose(['SMS']),
      { mailbox: true },
      { step: 'choose-method', method: 'SMS', source: 'mailbox' },
    ],
    ['choose: TOTP not offered', choose(['EMAIL', 'BACKUP_CODE']), { linkedTotp: true }, null],
    ['choose: nothing to fill with', choose(ALL), {}, null],
    [
      'send-code: mailbox',
      send('EMAIL'),
      { mailbox: true },
      { step: 'send-code', method: 'EMAIL', source: 'mailbox' },
    ],
    ['send-code: no mailbox', send('EMAIL'), { linkedTotp: true }, null],
    [
      'code OTP: linked TOTP',
      code('OTP'),
      { linkedTotp: true },
      { step: 'code', method: 'OTP', source: 'vault-totp' },
    ],
    ['code OTP: no TOTP', code('OTP'), { unusedBackupCodes: 4, mailbox: true }, null],
    [
      'code BACKUP_CODE: unused',
      code('BACKUP_CODE'),
      { unusedBackupCodes: 1 },
      { step: 'code', method: 'BACKUP_CODE', source: 'backup-code' },
    ],
    ['code BACKUP_CODE: exhausted', code('BACKUP_CODE'), { linkedTotp: true }, null],
    [
      'code EMAIL: mailbox',
      code('EMAIL'),
      { mailbox: true },
      { step: 'code', method: 'EMAIL', source: 'mailbox' },
    ],
    [
      'code SMS: mailbox',
      code('SMS'),
      { mailbox: true },
      { step: 'code', method: 'SMS', source: 'mailbox' },
    ],
    ['code EMAIL: the user types it', code('EMAIL'), { linkedTotp: true }, null],
    [
      'captcha: always the user',
      { step: 'captcha', image: 'data:image/png;base64,', hint: 'x' },
      { mailbox: true },
      null,
    ],
    ['done: nothing', { step: 'pending-approval', message: 'wait' }, { mailbox: true }, null],
  ])('%s', (_what, step, facts, expected) => {
    expect(decideAutoFill(step, { ...none, ...facts })).toEqual(expected);
  });

  it('never fills a step that came back with an error: it waits for the user', () => {
    const error = {
      code: 'AUTH.MFA_CODE_INVALID',
      provider: 'slaunchx' as const,
      message: 'wrong',
      meaning: 'wrong',
    };
    const all: AutoFillFacts = {
      identifier: 'me',
      hasSavedPassword: true,
      linkedTotp: true,
      unusedBackupCodes: 5,
      mailbox: true,
    };
    for (const step of [
      credentials(true),
      choose(ALL),
      send('EMAIL'),
      code('OTP'),
      code('EMAIL'),
    ]) {
      expect(decideAutoFill({ ...step, error } as ViewStep, all)).toBeNull();
      expect(decideAutoFill(step, all)).not.toBeNull();
    }
  });
});
