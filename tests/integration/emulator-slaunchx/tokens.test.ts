/** Contract: SlaunchX tokens, refresh rotation, logout and profile (providers.md §1.4). */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { RunningEmulator } from '../../../emulator/server';
import {
  MFA,
  SEED,
  control,
  p,
  reset,
  signInAdmin,
  signInNomfa,
  startSlaunchx,
  tokensOf,
} from './flows';
import {
  dataOf,
  gatewayHeaders,
  openScSession,
  readPlain,
  scCall,
  type Portal,
  type ScHandle,
} from './sc-helper';

let emu: RunningEmulator;
let sc: ScHandle;
beforeAll(async () => {
  emu = await startSlaunchx();
});
afterAll(() => emu.close());
beforeEach(async () => {
  await reset(emu);
  sc = await openScSession(emu.url);
});

async function profile(portal: Portal, accessToken?: string) {
  const auth = accessToken === undefined ? {} : { Authorization: `Bearer ${accessToken}` };
  const response = await fetch(`${emu.url}${p(portal, '/profile')}`, {
    headers: gatewayHeaders(portal, auth),
  });
  return readPlain(response);
}

const refresh = (portal: Portal, refreshToken: string) =>
  scCall(sc, p(portal, '/auth/token/refresh'), { refreshToken });

function claimsOf(jwt: string): Record<string, unknown> {
  const payload = jwt.split('.')[1] ?? '';
  return JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as Record<string, unknown>;
}

describe('access tokens', () => {
  it('are HS256 JWTs with sub, sid, portal, iat and exp = iat + 3600', async () => {
    const { accessToken } = await signInAdmin(sc);
    const header = JSON.parse(
      Buffer.from(accessToken.split('.')[0] ?? '', 'base64url').toString(),
    ) as unknown;
    expect(header).toEqual({ alg: 'HS256', typ: 'JWT' });
    const claims = claimsOf(accessToken);
    expect(claims).toMatchObject({ sub: 'ACC_SYS_001', portal: 'system' });
    expect(typeof claims.sid).toBe('string');
    expect(Number(claims.exp) - Number(claims.iat)).toBe(3600);
  });

  it('read the profile in plaintext with a Bearer token', async () => {
    const { accessToken } = await signInAdmin(sc);
    const answer = await profile('system', accessToken);
    expect(answer.encrypted).toBe(false);
    expect(answer.body.data).toEqual({
      accountId: 'ACC_SYS_001',
      email: SEED.admin,
      displayName: 'System Admin',
      portal: 'system',
      mfaMethods: [MFA.EMAIL, MFA.OTP, MFA.BACKUP_CODE],
      locale: 'en',
    });
  });

  it('answer 4010 without a token and AUTH.TOKEN_INVALID for a tampered or other-portal one', async () => {
    const { accessToken } = await signInNomfa(sc);
    expect([(await profile('consumer')).status, (await profile('consumer')).body.code]).toEqual([
      401,
      '4010',
    ]);
    const tampered = `${accessToken.slice(0, -2)}${accessToken.endsWith('AA') ? 'BB' : 'AA'}`;
    expect((await profile('consumer', tampered)).body.code).toBe('AUTH.TOKEN_INVALID');
    expect((await profile('system', accessToken)).body.code).toBe('AUTH.TOKEN_INVALID');
    expect((await profile('consumer', 'not-a-jwt')).body.code).toBe('AUTH.TOKEN_INVALID');
  });

  it('expire after 3600 s of service time: AUTH.TOKEN_EXPIRED', async () => {
    const { accessToken } = await signInNomfa(sc);
    expect((await profile('consumer', accessToken)).body.code).toBe('2000');
    await control(emu, '/clock', { advanceMs: 3600_000 });
    const expired = await profile('consumer', accessToken);
    expect([expired.status, expired.body.code]).toEqual([401, 'AUTH.TOKEN_EXPIRED']);
  });
});

describe('refresh rotation', () => {
  it('returns a new pair in the same family and kills the old refresh token', async () => {
    const first = await signInAdmin(sc);
    const answer = await refresh('system', first.refreshToken);
    const second = tokensOf(answer);
    expect(dataOf(answer).expiresIn).toBe(3600);
    expect(second.refreshToken).not.toBe(first.refreshToken);
    expect(claimsOf(second.accessToken).sid).toBe(claimsOf(first.accessToken).sid);
    expect((await profile('system', second.accessToken)).body.code).toBe('2000');
  });

  it('revokes the whole family when a dead refresh token comes back', async () => {
    const first = await signInAdmin(sc);
    const second = tokensOf(await refresh('system', first.refreshToken));
    const reuse = await refresh('system', first.refreshToken);
    expect([reuse.status, reuse.body.code]).toEqual([401, 'AUTH.REFRESH_TOKEN_REUSED']);
    expect((await refresh('system', second.refreshToken)).body.code).toBe('AUTH.TOKEN_INVALID');
    expect((await profile('system', second.accessToken)).body.code).toBe('AUTH.TOKEN_INVALID');
    expect((await profile('system', first.accessToken)).body.code).toBe('AUTH.TOKEN_INVALID');
  });

  it('leaves other sign-ins of the same account alone', async () => {
    const victim = await signInAdmin(sc, 'BKUP-00001');
    const bystander = await signInAdmin(sc, 'BKUP-00002');
    const rotated = tokensOf(await refresh('system', victim.refreshToken));
    await refresh('system', victim.refreshToken);
    expect((await profile('system', rotated.accessToken)).body.code).toBe('AUTH.TOKEN_INVALID');
    expect((await profile('system', bystander.accessToken)).body.code).toBe('2000');
  });

  it('refuses unknown, other-portal and 30-day-old refresh tokens', async () => {
    expect((await refresh('system', 'no-such-token')).body.code).toBe('AUTH.TOKEN_INVALID');
    const { refreshToken } = await signInNomfa(sc);
    expect((await refresh('system', refreshToken)).body.code).toBe('AUTH.TOKEN_INVALID');
    await control(emu, '/clock', { advanceMs: 30 * 24 * 3600_000 });
    sc = await openScSession(emu.url); // the old SC session died long before
    expect((await refresh('consumer', refreshToken)).body.code).toBe('AUTH.TOKEN_EXPIRED');
  });
});

describe('logout', () => {
  it('revokes the refresh family of the Bearer token', async () => {
    const tokens = await signInNomfa(sc);
    const path = p('consumer', '/auth/logout');
    const answer = await scCall(sc, path, {}, { bearer: tokens.accessToken });
    expect(answer.body).toMatchObject({ success: true, code: '2000', data: null });
    expect((await refresh('consumer', tokens.refreshToken)).body.code).toBe('AUTH.TOKEN_INVALID');
    expect((await profile('consumer', tokens.accessToken)).body.code).toBe('AUTH.TOKEN_INVALID');
  });

  it('needs a Bearer token and an empty body', async () => {
    const tokens = await signInNomfa(sc);
    const path = p('consumer', '/auth/logout');
    expect((await scCall(sc, path, {})).body.code).toBe('4010');
    const extra = await scCall(sc, path, { everywhere: true }, { bearer: tokens.accessToken });
    expect(extra.body.code).toBe('4000');
  });
});
