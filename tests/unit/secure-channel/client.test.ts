/** The SCv2 session client against an in-memory server (fake-sc-server.ts). */
import { describe, expect, it } from 'vitest';
import {
  createSecureChannelClient,
  type ScSessionState,
  type SecureChannelDeps,
} from '../../../src/secure-channel/client';
import { sealRequest, sealResponse } from '../../../src/secure-channel/envelope';
import { createFakeScServer, plaintextError, type FakeScServerOptions } from './fake-sc-server';

const PK = '/web/v1/secure-channel/public-key';
const OPEN = '/web/v1/secure-channel/session';
const CLOSE = '/web/v1/secure-channel/session/close';
const ECHO = '/web/v1/system/auth/login/initiate';

function setup(server: Partial<FakeScServerOptions> = {}, deps: Partial<SecureChannelDeps> = {}) {
  let clock = 1_711_929_600_000;
  const now = () => clock;
  const fake = createFakeScServer({ now, ...server });
  const states: (ScSessionState | null)[] = [];
  const keys: Uint8Array[] = [];
  let clientHash = 'hash-aaaa-0001';
  const client = createSecureChannelClient({
    baseUrl: 'http://sc.test',
    fetch: fake.fetch,
    gatewayHeaders: () => ({
      'X-PORTAL-ACCESS-CODE': 'demo-system-portal',
      'X-Client-Hash': clientHash,
    }),
    now,
    randomBytes: (n) => {
      const out = crypto.getRandomValues(new Uint8Array(n));
      if (n === 32) keys.push(out);
      return out;
    },
    onStateChange: (s) => {
      states.push(s);
    },
    ...deps,
  });
  return {
    client,
    fake,
    ctl: fake.control,
    states,
    keys,
    advance: (ms: number) => (clock += ms),
    setClientHash: (h: string) => (clientHash = h),
  };
}

describe('opening a session (SCv2 §2–§3)', () => {
  it('opens once, then sends envelopes with the SC headers and reads the decrypted wrapper', async () => {
    const { client, ctl, states } = setup();
    const first = await client.call(ECHO, { email: 'admin@slaunchx.test' });
    const second = await client.call(ECHO, undefined);
    expect(first).toMatchObject({ status: 200, encrypted: true });
    expect(first.body.data).toMatchObject({ echo: { email: 'admin@slaunchx.test' } });
    expect(second.body.data).toMatchObject({ echo: {} });
    expect([ctl.count(PK), ctl.count(OPEN), ctl.count(ECHO)]).toEqual([1, 1, 2]);
    const sent = ctl.log.find((r) => r.path === ECHO);
    expect(sent?.headers.get('x-sc-session-id')).toBe(client.state()?.sessionId);
    expect(sent?.headers.get('x-sc-version')).toBe('2');
    expect(sent?.headers.get('content-type')).toBe('application/json;charset=UTF-8');
    expect(sent?.headers.get('x-portal-access-code')).toBe('demo-system-portal');
    expect(states).toEqual([client.state()]);
    expect(client.state()?.clientHash).toBe('hash-aaaa-0001');
  });

  it('refuses a public key algorithm other than RSA-OAEP-256 without opening', async () => {
    const { client, ctl } = setup({ algorithm: 'RSA-OAEP' });
    await expect(client.call(ECHO, {})).rejects.toMatchObject({ code: 'SC.ALGORITHM_UNSUPPORTED' });
    expect(ctl.count(OPEN)).toBe(0);
  });

  it('refuses a session whose key confirmation does not match, keeping no state', async () => {
    const { client, ctl, states, keys } = setup();
    ctl.confirmWrongKey = true;
    await expect(client.call(ECHO, {})).rejects.toMatchObject({
      code: 'SC.KEY_CONFIRMATION_FAILED',
    });
    expect(client.state()).toBeNull();
    expect(states).toEqual([]);
    expect(keys[0]).toEqual(new Uint8Array(32));
  });

  it('caches the public key until its expiresAt', async () => {
    const { client, ctl, advance, setClientHash } = setup({ keyLifetimeMs: 3_600_000 });
    await client.call(ECHO, {});
    setClientHash('hash-bbbb-0002');
    await client.call(ECHO, {});
    expect([ctl.count(PK), ctl.count(OPEN)]).toEqual([1, 2]);
    advance(3_600_000);
    setClientHash('hash-cccc-0003');
    await client.call(ECHO, {});
    expect([ctl.count(PK), ctl.count(OPEN)]).toEqual([2, 3]);
  });

  it('re-opens when fewer than 30 s of the session remain', async () => {
    const { client, ctl, advance } = setup({ expiresInS: 1800 });
    await client.call(ECHO, {});
    const firstId = client.state()?.sessionId;
    advance(1_770_000); // exactly 30 s left: still used
    await client.call(ECHO, {});
    expect(ctl.count(OPEN)).toBe(1);
    advance(1);
    await client.call(ECHO, {});
    expect(ctl.count(OPEN)).toBe(2);
    expect(client.state()?.sessionId).not.toBe(firstId);
  });

  it.each(['SC.KEY_EXPIRED', 'SC.KEY_UNWRAP_FAILED'])(
    'refetches the key and retries the open once on %s',
    async (code) => {
      const { client, ctl } = setup();
      let refusals = 1;
      ctl.intercept = (req) =>
        req.path === OPEN && refusals-- > 0 ? plaintextError(code, 400) : undefined;
      expect((await client.call(ECHO, {})).encrypted).toBe(true);
      expect([ctl.count(PK), ctl.count(OPEN)]).toEqual([2, 2]);
    },
  );

  it('hands back the second open refusal instead of trying a third time', async () => {
    const { client, ctl } = setup();
    ctl.intercept = (req) =>
      req.path === OPEN ? plaintextError('SC.KEY_EXPIRED', 400) : undefined;
    const res = await client.call(ECHO, {});
    expect(res).toMatchObject({ status: 400, encrypted: false, body: { code: 'SC.KEY_EXPIRED' } });
    expect(ctl.count(OPEN)).toBe(2);
    expect(ctl.count(ECHO)).toBe(0);
  });

  it('returns gateway refusals of the handshake as plaintext responses', async () => {
    const { client, ctl } = setup();
    ctl.intercept = () => plaintextError('PORTAL_MISMATCH', 403);
    const res = await client.call(ECHO, {});
    expect(res).toMatchObject({ status: 403, encrypted: false, body: { code: 'PORTAL_MISMATCH' } });
    expect(ctl.log).toHaveLength(1);
  });

  it('shares one open between concurrent calls', async () => {
    const { client, ctl } = setup();
    const answers = await Promise.all([client.call(ECHO, { a: 1 }), client.call(ECHO, { b: 2 })]);
    expect(answers.map((a) => a.encrypted)).toEqual([true, true]);
    expect(ctl.count(OPEN)).toBe(1);
  });
});

describe('retries (SCv2 §4.3)', () => {
  it.each(['SC.SESSION_NOT_FOUND', 'SC.SESSION_EXPIRED', 'SC.KEY_EXPIRED'])(
    're-opens and retries once on a plaintext %s',
    async (code) => {
      const { client, ctl, states } = setup();
      await client.call(ECHO, {});
      let refusals = 1;
      ctl.intercept = (req) =>
        req.path === ECHO && refusals-- > 0 ? plaintextError(code, 401) : undefined;
      const res = await client.call(ECHO, { n: 2 });
      expect(res).toMatchObject({ encrypted: true, body: { data: { echo: { n: 2 } } } });
      expect([ctl.count(OPEN), ctl.count(ECHO)]).toEqual([2, 3]);
      expect(states.map((s) => s?.sessionId ?? null)).toEqual([
        'sc_fake_session_1',
        null,
        'sc_fake_session_2',
      ]);
    },
  );

  it('retries only once when the retry is refused the same way', async () => {
    const { client, ctl } = setup();
    ctl.intercept = (req) =>
      req.path === ECHO ? plaintextError('SC.SESSION_NOT_FOUND', 401) : undefined;
    const res = await client.call(ECHO, {});
    expect(res).toMatchObject({ encrypted: false, body: { code: 'SC.SESSION_NOT_FOUND' } });
    expect(ctl.count(ECHO)).toBe(2);
  });

  it.each([
    ['SC.REPLAY', 400],
    ['SC.DECRYPT_FAILED', 400],
    ['SC.ENVELOPE_EXPIRED', 400],
    ['SC.CLIENT_HASH_MISMATCH', 401],
    ['RATE_LIMITED', 429],
    ['PORTAL_MISMATCH', 403],
  ])('does not retry a plaintext %s', async (code, status) => {
    const { client, ctl } = setup();
    ctl.intercept = (req) => (req.path === ECHO ? plaintextError(code, status) : undefined);
    const res = await client.call(ECHO, {});
    expect(res).toMatchObject({ status, encrypted: false, body: { code, success: false } });
    expect(ctl.count(ECHO)).toBe(1);
  });

  it('does not retry an encrypted business failure', async () => {
    const { client, ctl } = setup();
    await client.call(ECHO, {});
    ctl.mangle = async (res, req) => {
      if (req.path !== ECHO) return res;
      const session = ctl.sessions.get(req.headers.get('x-sc-session-id') ?? '');
      if (session === undefined) return res;
      const envelope = sealResponse({
        key: session.key,
        sessionId: req.headers.get('x-sc-session-id') ?? '',
        requestNonce: req.body.slice(12, 24),
        plaintext: JSON.stringify({
          version: '2.0.0',
          timestamp: 0,
          success: false,
          code: 'SC.SESSION_EXPIRED',
          message: 'x',
          data: null,
        }),
        timestamp: Date.now(),
        nonce: new Uint8Array(12),
      });
      await res.arrayBuffer();
      return new Response(envelope, {
        status: 401,
        headers: { 'Content-Type': 'application/octet-stream' },
      });
    };
    const res = await client.call(ECHO, {});
    expect(res).toMatchObject({
      status: 401,
      encrypted: true,
      body: { code: 'SC.SESSION_EXPIRED' },
    });
    expect(ctl.count(ECHO)).toBe(2);
    expect(ctl.count(OPEN)).toBe(1);
  });
});

describe('response checks (SCv2 §4.3)', () => {
  async function answeredWith(mangle: (envelope: Uint8Array, res: Response) => Response) {
    const { client, ctl } = setup();
    ctl.mangle = async (res, req) =>
      req.path === ECHO ? mangle(new Uint8Array(await res.arrayBuffer()), res) : res;
    return client.call(ECHO, {});
  }
  const octets = (body: Uint8Array, status = 200) =>
    new Response(new Uint8Array(body), {
      status,
      headers: { 'Content-Type': 'application/octet-stream' },
    });
  const json = (body: string, status: number, headers: Record<string, string> = {}) =>
    new Response(body, { status, headers: { 'Content-Type': 'application/json', ...headers } });

  it('refuses a response whose tag fails with SC.DECRYPT_FAILED', async () => {
    const call = answeredWith((e) => {
      e[e.length - 1] = (e[e.length - 1] ?? 0) ^ 1;
      return octets(e);
    });
    await expect(call).rejects.toMatchObject({ code: 'SC.DECRYPT_FAILED' });
  });

  it('refuses a response bound to another request nonce with SC.DECRYPT_FAILED', async () => {
    const { client, ctl } = setup();
    await client.call(ECHO, {});
    let recorded: Uint8Array | null = null;
    ctl.mangle = async (res, req) => {
      if (req.path !== ECHO) return res;
      const bytes = new Uint8Array(await res.arrayBuffer());
      recorded ??= bytes;
      return octets(recorded);
    };
    await client.call(ECHO, { first: true });
    await expect(client.call(ECHO, { second: true })).rejects.toMatchObject({
      code: 'SC.DECRYPT_FAILED',
    });
  });

  it('refuses truncated and request-typed envelopes with SC.ENVELOPE_MALFORMED', async () => {
    await expect(answeredWith((e) => octets(e.subarray(0, 39)))).rejects.toMatchObject({
      code: 'SC.ENVELOPE_MALFORMED',
    });
    const requestTyped = sealRequest({
      key: new Uint8Array(32),
      sessionId: 'sc_x_0000',
      method: 'POST',
      path: ECHO,
      plaintext: '{}',
      timestamp: 0,
      nonce: new Uint8Array(12),
    });
    await expect(answeredWith(() => octets(requestTyped))).rejects.toMatchObject({
      code: 'SC.ENVELOPE_MALFORMED',
    });
  });

  it.each([
    [
      'another content type',
      () => new Response('<html>', { status: 502, headers: { 'Content-Type': 'text/html' } }),
    ],
    ['no content type', () => new Response(null, { status: 204 })],
    [
      'a plaintext success',
      () =>
        json(
          JSON.stringify({
            version: '2.0.0',
            timestamp: 0,
            success: true,
            code: '2000',
            message: 'SUCCESS',
            data: {},
          }),
          200,
        ),
    ],
    [
      'a plaintext error with a 2xx status',
      () =>
        json(
          JSON.stringify({
            version: '2.0.0',
            timestamp: 0,
            success: false,
            code: '4000',
            message: 'x',
            data: null,
          }),
          200,
        ),
    ],
    ['truncated JSON', () => json('{"version":"2.0.0","success":fal', 400)],
    ['JSON that is not a wrapper', () => json('{"error":"bad_request"}', 400)],
    ['an SC code without X-SC-Error', () => plaintextError('SC.SESSION_NOT_FOUND', 401, false)],
    [
      'an SC code with another X-SC-Error',
      () =>
        json(
          JSON.stringify({
            version: '2.0.0',
            timestamp: 0,
            success: false,
            code: 'SC.REPLAY',
            message: 'x',
            data: null,
          }),
          400,
          { 'X-SC-Error': 'SC.DECRYPT_FAILED' },
        ),
    ],
  ])('refuses %s with SC.RESPONSE_INVALID', async (_name, make) => {
    await expect(answeredWith(() => make())).rejects.toMatchObject({ code: 'SC.RESPONSE_INVALID' });
  });

  it('refuses a decrypted plaintext that is not a wrapper with SC.RESPONSE_INVALID', async () => {
    const { client, ctl } = setup();
    await client.call(ECHO, {});
    ctl.mangle = async (res, req) => {
      if (req.path !== ECHO) return res;
      await res.arrayBuffer();
      const sessionId = req.headers.get('x-sc-session-id') ?? '';
      const key = ctl.sessions.get(sessionId)?.key ?? new Uint8Array(32);
      const requestNonce = req.body.slice(12, 24);
      return octets(
        sealResponse({
          key,
          sessionId,
          requestNonce,
          plaintext: '[1,2]',
          timestamp: 0,
          nonce: new Uint8Array(12),
        }),
      );
    };
    await expect(client.call(ECHO, {})).rejects.toMatchObject({ code: 'SC.RESPONSE_INVALID' });
  });
});

describe('client hash binding and restored state', () => {
  it('opens a fresh session when X-Client-Hash changes', async () => {
    const { client, ctl, setClientHash, keys } = setup();
    await client.call(ECHO, {});
    const first = client.state();
    setClientHash('hash-bbbb-0002');
    await client.call(ECHO, {});
    expect(client.state()?.sessionId).not.toBe(first?.sessionId);
    expect(client.state()?.clientHash).toBe('hash-bbbb-0002');
    expect(
      ctl.log.filter((r) => r.path === ECHO).map((r) => r.headers.get('x-client-hash')),
    ).toEqual(['hash-aaaa-0001', 'hash-bbbb-0002']);
    expect(keys[0]).toEqual(new Uint8Array(32)); // the old key was zero-filled
  });

  it('reuses a session restored from state without a new handshake', async () => {
    const first = setup();
    await first.client.call(ECHO, {});
    const state = first.client.state();
    const warm = createSecureChannelClient({
      baseUrl: 'http://sc.test',
      fetch: first.fake.fetch,
      gatewayHeaders: () => ({ 'X-Client-Hash': 'hash-aaaa-0001' }),
      now: () => 1_711_929_600_000,
      state,
    });
    expect((await warm.call(ECHO, {})).encrypted).toBe(true);
    expect(first.ctl.count(OPEN)).toBe(1);
  });

  it('ignores malformed restored state', () => {
    const client = createSecureChannelClient({
      baseUrl: 'http://sc.test',
      fetch: () => Promise.reject(new Error('no network')),
      gatewayHeaders: () => ({}),
      state: { sessionId: 'sc_x_0000', key: 'AAAA', expiresAt: 0, keyId: 'k', clientHash: 'h' },
    });
    expect(client.state()).toBeNull();
  });
});

describe('closing (SCv2 §5)', () => {
  it('posts the close envelope, zero-fills the key and erases the state', async () => {
    const { client, ctl, states, keys } = setup();
    await client.call(ECHO, {});
    await client.close();
    const closeRequest = ctl.log.find((r) => r.path === CLOSE);
    expect(closeRequest?.headers.get('x-sc-session-id')).toBe(states[0]?.sessionId);
    expect(ctl.sessions.size).toBe(0);
    expect(client.state()).toBeNull();
    expect(states.at(-1)).toBeNull();
    expect(keys[0]).toEqual(new Uint8Array(32));
  });

  it('treats SC.SESSION_NOT_FOUND as already closed', async () => {
    const { client, ctl, states } = setup();
    await client.call(ECHO, {});
    ctl.sessions.clear();
    await expect(client.close()).resolves.toBeUndefined();
    expect(states.at(-1)).toBeNull();
  });

  it('erases the key even when the close is refused, and reports the refusal', async () => {
    const { client, ctl, keys } = setup();
    await client.call(ECHO, {});
    ctl.intercept = (req) =>
      req.path === CLOSE ? plaintextError('PORTAL_MISMATCH', 403) : undefined;
    await expect(client.close()).rejects.toMatchObject({ code: 'PORTAL_MISMATCH', status: 403 });
    expect(client.state()).toBeNull();
    expect(keys[0]).toEqual(new Uint8Array(32));
  });

  it('does nothing without a session', async () => {
    const { client, ctl } = setup();
    await client.close();
    expect(ctl.log).toHaveLength(0);
  });

  it('keeps the AAD path free of the query string', async () => {
    const { client } = setup();
    const res = await client.call(`${ECHO}?lang=en`, {});
    // The fake authenticates against the URL's pathname: a query in the AAD would fail the tag.
    expect(res.encrypted).toBe(true);
  });
});
