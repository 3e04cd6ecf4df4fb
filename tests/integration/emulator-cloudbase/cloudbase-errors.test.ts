import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createCloudbasePlugin } from '../../../emulator/providers/cloudbase';
import { field, startHarness, stringField, type Harness } from '../emulator-idaas/harness';
import {
  createCloudbaseClient,
  EMAIL,
  expectCloudbaseError,
  PASSWORD,
  USERNAME,
} from './cloudbase-client';

// providers.md §4: argument checks, captcha endpoints, X-Request-Id, 501 and faults.

let h: Harness;
let cb: ReturnType<typeof createCloudbaseClient>;

beforeAll(async () => {
  h = await startHarness({ plugins: [createCloudbasePlugin()] });
  cb = createCloudbaseClient(h);
});
afterAll(() => h.close());
beforeEach(() => h.reset());

describe('CloudBase signin arguments', () => {
  it.each([
    ['both ways at once', { username: USERNAME, password: PASSWORD, verification_token: 'x' }],
    ['neither way', {}],
    ['a username without password', { username: USERNAME }],
    ['a password without username', { password: PASSWORD }],
    ['a one-character username', { username: 'z', password: PASSWORD }],
    ['a 49-character username', { username: `a${'b'.repeat(48)}`, password: PASSWORD }],
    ['a username starting with a symbol', { username: '-zhangsan', password: PASSWORD }],
    ['a username with a space', { username: 'zhang san', password: PASSWORD }],
    ['a Chinese username', { username: '张三', password: PASSWORD }],
    ['an unknown field', { username: USERNAME, password: PASSWORD, remember: 'yes' }],
    ['a wrong type', { username: USERNAME, password: 12345678 }],
    ['a JSON array', [USERNAME, PASSWORD]],
  ])('answers invalid_argument for %s', async (_name, body) => {
    expectCloudbaseError(await cb.post('/signin', body), 'invalid_argument');
  });

  it('accepts usernames of 2 and 48 characters using the whole symbol set', async () => {
    for (const username of ['ab', `a1-_.:+@${'c'.repeat(40)}`]) {
      expectCloudbaseError(
        await cb.post('/signin', { username, password: 'x' }),
        'invalid_username_or_password',
      );
    }
  });

  it.each([
    ['malformed JSON', '{"username": "zhangsan",'],
    ['an empty body', ''],
    ['an oversized body', JSON.stringify({ username: USERNAME, password: 'x'.repeat(20_000) })],
  ])('answers invalid_argument with a request id for %s', async (_name, body) => {
    expectCloudbaseError(await cb.post('/signin', body), 'invalid_argument');
  });

  it('answers invalid_argument for a non-JSON content type', async () => {
    const answer = await cb.post('/signin', 'username=zhangsan', { 'content-type': 'text/plain' });
    expectCloudbaseError(answer, 'invalid_argument');
  });

  it('gives every response its own request id', async () => {
    const a = await cb.signin();
    const b = await cb.signin('wrong');
    expect(a.headers.get('x-request-id')).not.toBe(b.headers.get('x-request-id'));
  });
});

describe('CloudBase verification and captcha arguments', () => {
  it.each([
    ['both email and phone', { email: EMAIL, phone_number: '+86 13800000000', target: 'ANY' }],
    ['neither email nor phone', { target: 'ANY' }],
    ['a malformed email', { email: 'not-an-email', target: 'ANY' }],
    ['another target', { email: EMAIL, target: 'USER' }],
    ['an unknown field', { email: EMAIL, target: 'ANY', locale: 'en' }],
  ])('answers invalid_argument to verification with %s', async (_name, body) => {
    expectCloudbaseError(await cb.post('/verification', body), 'invalid_argument');
  });

  it('answers invalid_argument to verify without its fields', async () => {
    expectCloudbaseError(
      await cb.post('/verification/verify', { verification_id: 'x' }),
      'invalid_argument',
    );
  });

  it('serves an SVG captcha and reveals its answer outside production', async () => {
    const data = await cb.post('/captcha/data', {});
    expect(data.status).toBe(200);
    expect(Object.keys(data.json as object).sort()).toEqual(['captcha_id', 'image']);
    expect(stringField(data.json, 'image')).toMatch(/^data:image\/svg\+xml;base64,/);
    expect(data.headers.get('x-emulator-captcha-answer')).toMatch(/^[2-9A-Z]{4}$/);
  });

  it('answers invalid_verification_code for a wrong captcha answer', async () => {
    const data = await cb.post('/captcha/data', {});
    expectCloudbaseError(
      await cb.post('/captcha/verify', {
        captcha_id: stringField(data.json, 'captcha_id'),
        answer: '0000',
      }),
      'invalid_verification_code',
    );
    expectCloudbaseError(await cb.post('/captcha/verify', { captcha_id: 'x' }), 'invalid_argument');
  });
});

describe('CloudBase emulator settings and faults', () => {
  it('answers HTTP 501 unimplemented when username login is disabled', async () => {
    const off = await startHarness({ plugins: [createCloudbasePlugin({ usernameLogin: false })] });
    try {
      const client = createCloudbaseClient(off);
      expectCloudbaseError(await client.signin(), 'unimplemented', 501);
      const token = await client.verificationToken({ email: EMAIL });
      expect((await client.post('/signin', { verification_token: token })).status).toBe(200);
    } finally {
      await off.close();
    }
  });

  it('does not reveal the captcha answer in production', async () => {
    const prod = await startHarness({ plugins: [createCloudbasePlugin()], production: true });
    try {
      const data = await createCloudbaseClient(prod).post('/captcha/data', {});
      expect(data.status).toBe(200);
      expect(data.headers.has('x-emulator-captcha-answer')).toBe(false);
    } finally {
      await prod.close();
    }
  });

  it('answers an injected fault with a request id, then serves normally', async () => {
    await h.fault('cloudbase', 'unavailable');
    const fault = await cb.signin();
    expectCloudbaseError(fault, 'unavailable', 500);
    expect(field((await cb.signin()).json, 'token_type')).toBe('Bearer');
  });
});
