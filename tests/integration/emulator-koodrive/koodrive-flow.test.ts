import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createKoodrivePlugin } from '../../../emulator/providers/koodrive';
import { field, startHarness, stringField, type Harness } from '../emulator-idaas/harness';
import {
  ACCOUNT,
  AGENT,
  createKoodriveClient,
  expectKoodriveError,
  PASSWORD,
} from './koodrive-client';

// providers.md §3 (Koodrive, seed 003): sign-in flows, refresh rotation and the account lock.

let h: Harness;
let kd: ReturnType<typeof createKoodriveClient>;

beforeAll(async () => {
  h = await startHarness({ plugins: [createKoodrivePlugin()] });
  kd = createKoodriveClient(h);
});
afterAll(() => h.close());
beforeEach(() => h.reset());

const FIFTEEN_MIN = 15 * 60 * 1000;

describe('Koodrive password login', () => {
  it('answers the seed success shape with a string code "0"', async () => {
    const before = Date.now();
    const answer = await kd.login();
    expect(answer.status).toBe(200);
    expect(field(answer.json, 'code')).toBe('0');
    expect(field(answer.json, 'msg')).toBe('Success');
    expect(field(answer.json, 'data', 'userInfo')).toEqual({
      userId: '1882575898755117312',
      firstname: 'firstname',
      surname: 'surname',
      phone: ACCOUNT,
      email: '',
    });
    expect(stringField(answer.json, 'data', 'sessionInfo', 'accessToken')).toMatch(
      /^AT [0-9a-f]{48}$/,
    );
    expect(field(answer.json, 'data', 'sessionInfo', 'expiresIn')).toBe(1800);
    const issuedAt = stringField(answer.json, 'data', 'sessionInfo', 'issuedAt');
    expect(issuedAt).toMatch(/^\d{13}$/);
    expect(Number(issuedAt)).toBeGreaterThanOrEqual(before);
    expect(stringField(answer.json, 'data', 'sessionInfo', 'refreshToken')).toMatch(
      /^[0-9a-f]{48}$/,
    );
  });

  it('echoes X-Traceid on successes and errors', async () => {
    const trace = 'a'.repeat(64);
    const ok = await kd.post(
      '/login',
      { account: ACCOUNT, authType: '1', password: PASSWORD },
      {
        ...AGENT,
        'X-Traceid': trace,
      },
    );
    expect(ok.headers.get('x-traceid')).toBe(trace);
    const bad = await kd.post('/login', '{', { ...AGENT, 'X-Traceid': 'trace-1' });
    expect(bad.headers.get('x-traceid')).toBe('trace-1');
  });

  it('answers 10001 for a wrong password and for an unknown account alike', async () => {
    expectKoodriveError(await kd.login('wrong-password'), '10001');
    expectKoodriveError(await kd.login(PASSWORD, '0000000000000'), '10001');
  });
});

describe('Koodrive verification code login', () => {
  it('sends the code as an SMS to the account and signs in with authType "2"', async () => {
    const sent = await kd.post('/verifycode/send', { account: ACCOUNT });
    expect(sent.json).toEqual({ code: '0', msg: 'Success', data: { expiresIn: 300 } });
    const [sms] = await h.mail();
    expect(sms?.To[0]?.Address).toBe(ACCOUNT);
    expect(sms?.Subject).toBe('Koodrive verification code');
    const verified = await kd.post('/verifycode/verify', {
      account: ACCOUNT,
      verifyCode: await h.latestCode(ACCOUNT),
    });
    const captchaToken = stringField(verified.json, 'data', 'captchaToken');
    const login = await kd.post('/login', { account: ACCOUNT, authType: '2', captchaToken });
    expect(field(login.json, 'code')).toBe('0');
    expect(field(login.json, 'data', 'userInfo', 'phone')).toBe(ACCOUNT);
  });

  it('answers 10002 for a wrong or expired code and for a reused captcha token', async () => {
    await kd.post('/verifycode/send', { account: ACCOUNT });
    const code = await h.latestCode(ACCOUNT);
    const wrong = code === '000000' ? '111111' : '000000';
    expectKoodriveError(
      await kd.post('/verifycode/verify', { account: ACCOUNT, verifyCode: wrong }),
      '10002',
    );
    await h.advanceClock(300_001);
    expectKoodriveError(
      await kd.post('/verifycode/verify', { account: ACCOUNT, verifyCode: code }),
      '10002',
    );
    const captchaToken = await kd.captchaToken();
    const login = { account: ACCOUNT, authType: '2', captchaToken };
    expect(field((await kd.post('/login', login)).json, 'code')).toBe('0');
    expectKoodriveError(await kd.post('/login', login), '10002');
  });

  it('sends nothing for an unknown account but answers the same', async () => {
    const sent = await kd.post('/verifycode/send', { account: '0000000000000' });
    expect(field(sent.json, 'code')).toBe('0');
    expect(await h.mail()).toEqual([]);
  });
});

describe('Koodrive refresh', () => {
  it('rotates: a new pair each time, the old refresh token dies', async () => {
    const first = stringField((await kd.login()).json, 'data', 'sessionInfo', 'refreshToken');
    const refreshed = await kd.post('/token/refresh', { refreshToken: first });
    expect(field(refreshed.json, 'code')).toBe('0');
    const second = stringField(refreshed.json, 'data', 'sessionInfo', 'refreshToken');
    expect(second).not.toBe(first);
    expect(field(refreshed.json, 'data', 'sessionInfo', 'expiresIn')).toBe(1800);
    expect(stringField(refreshed.json, 'data', 'sessionInfo', 'accessToken')).toMatch(/^AT /);
    const third = await kd.post('/token/refresh', { refreshToken: second });
    expect(field(third.json, 'code')).toBe('0');
  });

  it('answers 10004 for a reused token and then revokes the whole family', async () => {
    const first = stringField((await kd.login()).json, 'data', 'sessionInfo', 'refreshToken');
    const refreshed = await kd.post('/token/refresh', { refreshToken: first });
    const second = stringField(refreshed.json, 'data', 'sessionInfo', 'refreshToken');
    expectKoodriveError(await kd.post('/token/refresh', { refreshToken: first }), '10004');
    expectKoodriveError(await kd.post('/token/refresh', { refreshToken: second }), '10004');
    expectKoodriveError(await kd.post('/token/refresh', { refreshToken: 'f'.repeat(48) }), '10004');
  });

  it('lists live sessions with redacted tokens', async () => {
    const info = field((await kd.login()).json, 'data', 'sessionInfo');
    const text = (await h.control('/__emulator/sessions')).text;
    for (const key of ['accessToken', 'refreshToken']) {
      const token = stringField(info, key);
      expect(text).not.toContain(token);
      expect(text).toContain(`${token.slice(0, 4)}…`);
    }
  });
});

describe('Koodrive account lock', () => {
  it('locks on the 5th failure within 15 min, refuses even the right password, then unlocks', async () => {
    for (let i = 0; i < 4; i++) expectKoodriveError(await kd.login('wrong'), '10001');
    expectKoodriveError(await kd.login('wrong'), '10005');
    expectKoodriveError(await kd.login(), '10005');
    expectKoodriveError(await kd.post('/verifycode/send', { account: ACCOUNT }), '10005');
    await h.advanceClock(FIFTEEN_MIN + 1);
    expect(field((await kd.login()).json, 'code')).toBe('0');
  });

  it('counts only failures of the last 15 min, and a success clears them', async () => {
    for (let i = 0; i < 4; i++) await kd.login('wrong');
    await h.advanceClock(FIFTEEN_MIN + 1);
    expectKoodriveError(await kd.login('wrong'), '10001');
    await kd.login();
    for (let i = 0; i < 4; i++) expectKoodriveError(await kd.login('wrong'), '10001');
  });

  it('counts wrong verification codes towards the lock', async () => {
    await kd.post('/verifycode/send', { account: ACCOUNT });
    const code = await h.latestCode(ACCOUNT);
    const wrong = code === '000000' ? '111111' : '000000';
    const verify = () => kd.post('/verifycode/verify', { account: ACCOUNT, verifyCode: wrong });
    for (let i = 0; i < 4; i++) expectKoodriveError(await verify(), '10002');
    expectKoodriveError(await verify(), '10005');
  });

  it('creates accounts through the controls', async () => {
    await h.control('/__emulator/accounts', {
      provider: 'koodrive',
      account: '0027100000000',
      password: 'Another-Pass-1',
      email: 'x@koodrive.test',
    });
    const login = await kd.login('Another-Pass-1', '0027100000000');
    expect(field(login.json, 'data', 'userInfo', 'email')).toBe('x@koodrive.test');
  });
});
