import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createKoodrivePlugin } from '../../../emulator/providers/koodrive';
import { field, startHarness, type Harness } from '../emulator-idaas/harness';
import {
  ACCOUNT,
  AGENT,
  createKoodriveClient,
  expectKoodriveError,
  PASSWORD,
} from './koodrive-client';

// providers.md §3: parameter errors, malformed JSON, faults and `--koodrive-numeric-code`.

let h: Harness;
let kd: ReturnType<typeof createKoodriveClient>;

beforeAll(async () => {
  h = await startHarness({ plugins: [createKoodrivePlugin()] });
  kd = createKoodriveClient(h);
});
afterAll(() => h.close());
beforeEach(() => h.reset());

describe('Koodrive parameter checks', () => {
  it('answers HTTP 200 "10003" without x-hw-agentName, on every call', async () => {
    for (const path of ['/login', '/verifycode/send', '/verifycode/verify', '/token/refresh']) {
      expectKoodriveError(await kd.post(path, { account: ACCOUNT }, {}), '10003');
    }
    const body = { account: ACCOUNT, authType: '1', password: PASSWORD };
    expectKoodriveError(await kd.post('/login', body, { 'x-hw-agentName': '' }), '10003');
  });

  it('refuses an X-Traceid longer than 64 characters', async () => {
    expectKoodriveError(
      await kd.post(
        '/login',
        { account: ACCOUNT, authType: '1', password: PASSWORD },
        {
          ...AGENT,
          'X-Traceid': 'a'.repeat(65),
        },
      ),
      '10003',
    );
  });

  it.each([
    ['an unknown field', { account: ACCOUNT, authType: '1', password: PASSWORD, extra: 'x' }],
    ['a numeric authType', { account: ACCOUNT, authType: 1, password: PASSWORD }],
    ['an unknown authType', { account: ACCOUNT, authType: '3', password: PASSWORD }],
    ['no account', { authType: '1', password: PASSWORD }],
    ['authType "1" without password', { account: ACCOUNT, authType: '1' }],
    ['authType "2" without captchaToken', { account: ACCOUNT, authType: '2' }],
    ['a JSON array', [ACCOUNT]],
  ])('answers HTTP 200 "10003" for %s', async (_name, body) => {
    expectKoodriveError(await kd.post('/login', body), '10003');
  });

  it('answers HTTP 400 "10003" for the seed example with its trailing comma', async () => {
    const seedExample = `{
  "account": "0027188460911",
  "authType": "1",
  "password": "123qweASD143",
}`;
    expectKoodriveError(await kd.post('/login', seedExample), '10003', 400);
  });

  it('answers HTTP 400 "10003" for an empty or oversized body', async () => {
    expectKoodriveError(await kd.post('/login', ''), '10003', 400);
    const big = { account: ACCOUNT, authType: '1', password: 'x'.repeat(20_000) };
    expectKoodriveError(await kd.post('/login', big), '10003', 400);
  });

  it('answers an injected fault code for the next call only', async () => {
    await h.fault('koodrive', '10005');
    expectKoodriveError(await kd.login(), '10005');
    expect(field((await kd.login()).json, 'code')).toBe('0');
  });
});

describe('Koodrive --koodrive-numeric-code', () => {
  let numeric: Harness;
  let client: ReturnType<typeof createKoodriveClient>;
  beforeAll(async () => {
    numeric = await startHarness({ plugins: [createKoodrivePlugin()], koodriveNumericCode: true });
    client = createKoodriveClient(numeric);
  });
  afterAll(() => numeric.close());

  it('sends every code as a JSON number, success and errors alike', async () => {
    const ok = await client.login();
    expect(field(ok.json, 'code')).toBe(0);
    expect(ok.text).toMatch(/"code":0[,}]/);
    expectKoodriveError(await client.login('wrong'), 10001);
    expectKoodriveError(await client.post('/login', { account: ACCOUNT }, {}), 10003);
    expectKoodriveError(await client.post('/login', '{,'), 10003, 400);
    expectKoodriveError(await client.post('/token/refresh', { refreshToken: 'x' }), 10004);
  });
});
