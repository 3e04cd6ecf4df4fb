/** Contract: the SlaunchX gateway (providers.md §1.1) and the localised messages. */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { RunningEmulator } from '../../../emulator/server';
import { SEED, p, reset, startSlaunchx } from './flows';
import { gatewayHeaders, openScSession, readPlain, scCall, type Portal } from './sc-helper';

let emu: RunningEmulator;
beforeAll(async () => {
  emu = await startSlaunchx();
});
afterAll(() => emu.close());
beforeEach(() => reset(emu));

const INITIATE = p('system', '/auth/login/initiate');

async function post(path: string, headers: Record<string, string>, body: BodyInit = 'garbage') {
  return readPlain(await fetch(`${emu.url}${path}`, { method: 'POST', headers, body }));
}

async function get(
  path: string,
  portal: Portal,
  overrides: Record<string, string | undefined>,
  baseUrl = emu.url,
) {
  const headers = gatewayHeaders(portal, overrides);
  return readPlain(await fetch(`${baseUrl}${path}`, { headers }));
}

describe('gateway checks, in order, before any secure-channel check', () => {
  it('PORTAL_MISMATCH (403) first: missing, wrong, or the other portal’s access code', async () => {
    const nothing = { 'Content-Type': 'application/json' };
    const missing = await post(INITIATE, nothing);
    expect(missing.status).toBe(403);
    expect(missing.body).toMatchObject({ success: false, code: 'PORTAL_MISMATCH', data: null });
    expect(missing.headers.get('x-sc-error')).toBeNull();
    const other = await post(INITIATE, gatewayHeaders('consumer'));
    expect(other.body.code).toBe('PORTAL_MISMATCH');
    const wrong = await post(
      INITIATE,
      gatewayHeaders('system', { 'X-PORTAL-ACCESS-CODE': 'guess' }),
    );
    expect(wrong.body.code).toBe('PORTAL_MISMATCH');
  });

  it('then X-Client-Hash: missing, shorter than 8 or longer than 128 characters → 400 4000', async () => {
    const cases = [undefined, 'a'.repeat(7), 'a'.repeat(129)];
    for (const hash of cases) {
      const answer = await post(
        INITIATE,
        gatewayHeaders('system', { 'X-Client-Hash': hash, 'Cf-Ray': undefined }),
      );
      expect(answer.status).toBe(400);
      expect(answer.body.code).toBe('4000');
    }
    for (const hash of ['a'.repeat(8), 'a'.repeat(128)]) {
      const answer = await get('/web/v1/secure-channel/public-key', 'system', {
        'X-Client-Hash': hash,
      });
      expect(answer.body.success).toBe(true);
    }
  });

  it('then each Cloudflare header → 403 GATEWAY.CF_HEADERS_MISSING, before SC checks', async () => {
    for (const header of ['CF-Connecting-IP', 'Cf-Ray', 'cf-ipcountry']) {
      const answer = await post(INITIATE, gatewayHeaders('system', { [header]: undefined }));
      expect(answer.status).toBe(403);
      expect(answer.body.code).toBe('GATEWAY.CF_HEADERS_MISSING');
    }
  });

  it('passes a well-formed gateway request on to the secure-channel checks', async () => {
    const answer = await post(INITIATE, gatewayHeaders('system'));
    expect(answer.body.code).toBe('SC.VERSION_UNSUPPORTED');
  });

  it('applies the same checks to the plaintext profile call and the SC endpoints', async () => {
    const profile = await get(p('consumer', '/profile'), 'consumer', {
      'X-PORTAL-ACCESS-CODE': undefined,
    });
    expect(profile.body.code).toBe('PORTAL_MISMATCH');
    const key = await get('/web/v1/secure-channel/public-key', 'system', {
      'cf-ipcountry': undefined,
    });
    expect(key.body.code).toBe('GATEWAY.CF_HEADERS_MISSING');
  });
});

describe('without --production the Cloudflare headers are required; with it they are not', () => {
  it('opens a session and signs in without any CF header on a production emulator', async () => {
    const prod = await startSlaunchx({ production: true });
    try {
      const noCf = {
        'CF-Connecting-IP': undefined,
        'Cf-Ray': undefined,
        'cf-ipcountry': undefined,
      };
      const key = await get('/web/v1/secure-channel/public-key', 'system', noCf, prod.url);
      expect(key.body.success).toBe(true);
      const onDefault = await get('/web/v1/secure-channel/public-key', 'system', noCf);
      expect(onDefault.body.code).toBe('GATEWAY.CF_HEADERS_MISSING');
      const sc = await openScSession(prod.url);
      const answer = await scCall(
        sc,
        p('consumer', '/auth/login/initiate'),
        {
          email: SEED.nomfa,
          password: SEED.password,
        },
        { portal: 'consumer', headers: noCf },
      );
      expect(answer.body.code).toBe('2000');
    } finally {
      await prod.close();
    }
  });
});

describe('localised messages (providers.md §1.1)', () => {
  const EXPECTED = {
    en: 'The email or password is incorrect',
    zh: '邮箱或密码错误',
    'zh-Hant': '電子郵件或密碼錯誤',
    ja: 'メールアドレスまたはパスワードが正しくありません',
    vi: 'Email hoặc mật khẩu không đúng',
  } as const;

  it('answers one code in all five languages', async () => {
    const sc = await openScSession(emu.url);
    for (const [lang, message] of Object.entries(EXPECTED)) {
      const answer = await scCall(
        sc,
        p('consumer', '/auth/login/initiate'),
        {
          email: SEED.user,
          password: 'wrong-password-1',
        },
        { portal: 'consumer', headers: { 'Accept-Language': lang } },
      );
      expect(answer.body.code).toBe('AUTH.INVALID_CREDENTIALS');
      expect(answer.body.message).toBe(message);
    }
  });

  it.each([
    ['zh-TW', 'zh-Hant'],
    ['zh-HK', 'zh-Hant'],
    ['zh-Hant-TW', 'zh-Hant'],
    ['zh-CN', 'zh'],
    ['zh-Hans', 'zh'],
    ['fr-FR, ja;q=0.5', 'ja'],
    ['ja;q=0.5, vi;q=0.9', 'vi'],
    ['de, fr;q=0.8', 'en'],
    ['vi;q=0, ja;q=0.1', 'ja'],
    ['', 'en'],
  ] as const)('negotiates "%s" to %s', async (header, lang) => {
    const answer = await get(p('system', '/profile'), 'system', {
      'X-PORTAL-ACCESS-CODE': 'wrong',
      'Accept-Language': header,
    });
    const english = await get(p('system', '/profile'), 'system', {
      'X-PORTAL-ACCESS-CODE': 'wrong',
    });
    const reference = await get(p('system', '/profile'), 'system', {
      'X-PORTAL-ACCESS-CODE': 'wrong',
      'Accept-Language': lang,
    });
    expect(answer.body.message).toBe(reference.body.message);
    if (lang !== 'en') expect(answer.body.message).not.toBe(english.body.message);
  });

  it('localises gateway and SC messages too, but never the word SUCCESS', async () => {
    const portal = await get(p('system', '/profile'), 'system', {
      'X-PORTAL-ACCESS-CODE': undefined,
      'Accept-Language': 'ja',
    });
    expect(portal.body.message).toBe('ポータルアクセスコードがないか、このポータルと一致しません');
    const sc = await post(INITIATE, { ...gatewayHeaders('system'), 'Accept-Language': 'vi' });
    expect(sc.body.message).toBe('Phiên bản kênh bảo mật không được hỗ trợ');
    const key = await get('/web/v1/secure-channel/public-key', 'system', {
      'Accept-Language': 'zh',
    });
    expect(key.body.message).toBe('SUCCESS');
  });
});
