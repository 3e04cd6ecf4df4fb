import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createIdaasPlugin } from '../../../emulator/providers/idaas';
import { field, jwtClaims, startHarness, stringField, type Harness } from './harness';
import { CLIENT_ID, createIdaasClient, expectIdaasError, USER } from './idaas-client';

// providers.md §2 (IDaaS CIAM, seed 001): the email-code sign-in over real HTTP.

let h: Harness;
let idaas: ReturnType<typeof createIdaasClient>;

beforeAll(async () => {
  h = await startHarness({ plugins: [createIdaasPlugin()] });
  idaas = createIdaasClient(h);
});
afterAll(() => h.close());
beforeEach(() => h.reset());

describe('IDaaS graphic captcha', () => {
  it('serves an SVG data URI valid 120 s and reveals the answer in a header outside production', async () => {
    const graphic = await idaas.post('/captcha/graphic', {});
    expect(graphic.status).toBe(200);
    expect(field(graphic.json, 'expire')).toBe(120);
    const image = stringField(graphic.json, 'image');
    expect(image).toMatch(/^data:image\/svg\+xml;base64,/);
    const svg = Buffer.from(image.split(',')[1] ?? '', 'base64').toString('utf8');
    expect(svg).toMatch(/^<svg /);
    const answer = graphic.headers.get('x-emulator-captcha-answer') ?? '';
    expect(answer).toMatch(/^[2-9A-Z]{4}$/);
    // The answer is drawn: each of its characters is a glyph of the image.
    expect([...svg.matchAll(/>([^<])<\/text>/g)].map((m) => m[1]).join('')).toBe(answer);
  });

  it('exchanges the right answer, in any case, for a captcha token valid 300 s', async () => {
    const graphic = await idaas.post('/captcha/graphic', {});
    const verified = await idaas.post('/captcha/graphic/verify', {
      captcha_id: stringField(graphic.json, 'captcha_id'),
      captcha_code: (graphic.headers.get('x-emulator-captcha-answer') ?? '').toLowerCase(),
    });
    expect(verified.status).toBe(200);
    expect(field(verified.json, 'expire')).toBe(300);
    expect(stringField(verified.json, 'captcha_token').length).toBeGreaterThanOrEqual(16);
  });

  it('answers CAPTCHA.0001 for a wrong answer and allows one attempt per captcha', async () => {
    const graphic = await idaas.post('/captcha/graphic', {});
    const captchaId = stringField(graphic.json, 'captcha_id');
    expectIdaasError(
      await idaas.post('/captcha/graphic/verify', { captcha_id: captchaId, captcha_code: '0000' }),
      'IDAAS.SDK.CAPTCHA.0001',
    );
    const right = graphic.headers.get('x-emulator-captcha-answer') ?? '';
    expectIdaasError(
      await idaas.post('/captcha/graphic/verify', { captcha_id: captchaId, captcha_code: right }),
      'IDAAS.SDK.CAPTCHA.0001',
    );
  });

  it('answers CAPTCHA.0001 for a captcha older than 120 s', async () => {
    const graphic = await idaas.post('/captcha/graphic', {});
    await h.advanceClock(120_001);
    expectIdaasError(
      await idaas.post('/captcha/graphic/verify', {
        captcha_id: stringField(graphic.json, 'captcha_id'),
        captcha_code: graphic.headers.get('x-emulator-captcha-answer') ?? '',
      }),
      'IDAAS.SDK.CAPTCHA.0001',
    );
  });
});

describe('IDaaS email code sign-in', () => {
  it('mails a 6-digit code to the user and answers SUCCESS with expire 300', async () => {
    const sent = await idaas.sendCode(USER);
    expect(sent.status).toBe(200);
    expect(sent.json).toEqual({ status: 'SUCCESS', expire: 300 });
    const [mail] = await h.mail();
    expect(mail?.Subject).toBe('IDaaS verification code');
    expect(mail?.From.Address).toBe('no-reply@emulator.test');
    expect(mail?.To[0]?.Address).toBe(USER);
    expect(await h.latestCode(USER)).toMatch(/^\d{6}$/);
  });

  it('signs in with the code: session_token for 432000 s and an id_token JWT for 300 s', async () => {
    const login = await idaas.signIn(USER);
    expect(login.status).toBe(200);
    expect(field(login.json, 'status')).toBe('SUCCESS');
    expect(field(login.json, 'expire')).toBe(432000);
    expect(stringField(login.json, 'session_token')).toMatch(/^[A-Za-z0-9]{32}$/);
    const claims = jwtClaims(stringField(login.json, 'id_token'));
    expect(claims.aud).toBe(CLIENT_ID);
    expect(claims.email).toBe(USER);
    expect(Number(claims.exp) - Number(claims.iat)).toBe(300);
  });

  it('issues a fresh id_token for a live session_token', async () => {
    const login = await idaas.signIn(USER);
    const fresh = await idaas.post('/token/id-token', {
      session_token: stringField(login.json, 'session_token'),
    });
    expect(fresh.status).toBe(200);
    expect(field(fresh.json, 'expire')).toBe(300);
    expect(jwtClaims(stringField(fresh.json, 'id_token')).email).toBe(USER);
  });

  it('answers TOKEN.0001 for an unknown session_token and for one older than 432000 s', async () => {
    expectIdaasError(
      await idaas.post('/token/id-token', { session_token: 'nope' }),
      'IDAAS.SDK.TOKEN.0001',
    );
    const login = await idaas.signIn(USER);
    await h.advanceClock(432_000_001);
    expectIdaasError(
      await idaas.post('/token/id-token', {
        session_token: stringField(login.json, 'session_token'),
      }),
      'IDAAS.SDK.TOKEN.0001',
    );
  });

  it('makes a code single-use, voids it with a new send and expires it after 300 s', async () => {
    await idaas.sendCode(USER);
    const first = await h.latestCode(USER);
    await idaas.sendCode(USER);
    const second = await h.latestCode(USER);
    if (first !== second) {
      expectIdaasError(
        await idaas.post('/login/email-verify-code', { email: USER, verify_code: first }),
        'IDAAS.SDK.CAPTCHA.0007',
      );
    }
    const login = { email: USER, verify_code: second };
    expect((await idaas.post('/login/email-verify-code', login)).status).toBe(200);
    expectIdaasError(await idaas.post('/login/email-verify-code', login), 'IDAAS.SDK.CAPTCHA.0007');
    await idaas.sendCode(USER);
    const late = await h.latestCode(USER);
    await h.advanceClock(300_001);
    expectIdaasError(
      await idaas.post('/login/email-verify-code', { email: USER, verify_code: late }),
      'IDAAS.SDK.CAPTCHA.0007',
    );
  });

  it('lists the live session with its token redacted', async () => {
    const login = await idaas.signIn(USER);
    const token = stringField(login.json, 'session_token');
    const sessions = await h.control('/__emulator/sessions');
    const text = sessions.text;
    expect(text).not.toContain(token);
    expect(text).toContain(`${token.slice(0, 4)}…`);
    expect(text).toContain(USER);
  });

  it('creates accounts through the controls, active or disabled', async () => {
    await h.control('/__emulator/accounts', { provider: 'idaas', email: 'new@qq.com' });
    await h.control('/__emulator/accounts', {
      provider: 'idaas',
      email: 'off@qq.com',
      status: 'disabled',
    });
    expect((await idaas.signIn('new@qq.com')).status).toBe(200);
    expectIdaasError(await idaas.sendCode('off@qq.com'), 'IDAAS.SDK.USER.0039');
  });
});

describe('IDaaS emulator settings', () => {
  it('registers an unknown email on login when automatic registration is on', async () => {
    const auto = await startHarness({ plugins: [createIdaasPlugin({ autoRegister: true })] });
    try {
      const client = createIdaasClient(auto);
      const login = await client.signIn('newcomer@qq.com');
      expect(login.status).toBe(200);
      expect(jwtClaims(stringField(login.json, 'id_token')).email).toBe('newcomer@qq.com');
    } finally {
      await auto.close();
    }
  });

  it('does not reveal the captcha answer in production', async () => {
    const prod = await startHarness({ plugins: [createIdaasPlugin()], production: true });
    try {
      const graphic = await createIdaasClient(prod).post('/captcha/graphic', {});
      expect(graphic.status).toBe(200);
      expect(graphic.headers.has('x-emulator-captcha-answer')).toBe(false);
    } finally {
      await prod.close();
    }
  });
});
