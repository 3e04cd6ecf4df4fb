/** Redaction in every output: first 4 characters then …, or `…` alone under 12 characters. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { findTokens } from '../../../src/inspector/classify-request';
import { flowToHar } from '../../../src/inspector/flow-to-har';
import { groupFlows } from '../../../src/inspector/group-flows';
import { lintFlow } from '../../../src/inspector/lint-flow';
import { maskSecret, redactHeaders, redactJson, redactText } from '../../../src/inspector/redact';
import { summarizeBody } from '../../../src/inspector/summarize-body';
import { flowToCurl, toCurl } from '../../../src/inspector/to-curl';
import { secretToken } from './arbitraries';

describe('maskSecret', () => {
  it('keeps the first 4 characters of a value of 12 or more, and none of a shorter one', () => {
    expect(maskSecret('Correct-Horse-42')).toBe('Corr…');
    expect(maskSecret('123456789012')).toBe('1234…');
    expect(maskSecret('12345678901')).toBe('…');
    expect(maskSecret('12345')).toBe('…');
    expect(maskSecret('1234')).toBe('…');
    expect(maskSecret(287082)).toBe('…');
    expect(maskSecret(null)).toBe('…');
  });
});

describe('redactHeaders', () => {
  it('masks credentials, keeping an Authorization scheme and cookie names readable', () => {
    expect(
      redactHeaders([
        { name: 'Authorization', value: 'Bearer eyJhbGciOi.x.y' },
        { name: 'authorization', value: 'opaque-credential' },
        { name: 'Cookie', value: 'sid=abcdef123; theme=dark' },
        { name: 'Set-Cookie', value: 'sid=abcdef123; Path=/; HttpOnly' },
        { name: 'X-PORTAL-ACCESS-CODE', value: 'demo-system-portal' },
        { name: 'X-Captcha-Token', value: 'ctk_0123456789' },
        { name: 'X-Client-Hash', value: 'hash-7f3a9c21e4b0d5a8' },
      ]),
    ).toEqual([
      { name: 'Authorization', value: 'Bearer eyJh…' },
      { name: 'authorization', value: 'opaq…' },
      { name: 'Cookie', value: 'sid=…; theme=…' },
      { name: 'Set-Cookie', value: 'sid=…; Path=/; HttpOnly' },
      { name: 'X-PORTAL-ACCESS-CODE', value: 'demo…' },
      { name: 'X-Captcha-Token', value: 'ctk_…' },
      { name: 'X-Client-Hash', value: 'hash-7f3a9c21e4b0d5a8' },
    ]);
  });
});

describe('redactJson and redactText', () => {
  it('masks every value under a secret field, nested and in arrays', () => {
    const value = {
      data: {
        tokens: { a: 'aaaaaaaaaa' },
        backupCodes: ['BKUP-00001', 'BKUP-00002'],
        secret: 'JBSWY3DPEHPK3PXP',
        note: 'plain words',
      },
    };
    expect(redactJson(value)).toEqual({
      data: {
        tokens: { a: '…' },
        backupCodes: ['…', '…'],
        secret: 'JBSW…',
        note: 'plain words',
      },
    });
    expect(redactJson({ note: 'see eyJhbGc.eyJzdWIi.sig' })).toEqual({ note: 'see eyJh…' });
    expect(redactJson(value, { reveal: true })).toBe(value);
  });

  it('keeps fields that name a kind of token readable', () => {
    const response = { token_type: 'Bearer', access_token: 'at_0123456789', expires_in: 7200 };
    expect(redactJson(response, { side: 'response' })).toEqual({
      token_type: 'Bearer',
      access_token: 'at_0…',
      expires_in: 7200,
    });
  });

  it('keeps `__proto__` keys as data', () => {
    const parsed = JSON.parse('{"__proto__":{"password":"p4ssword!"}}') as unknown;
    const out = redactJson(parsed) as Record<string, unknown>;
    expect(Object.getPrototypeOf(out)).toBe(Object.prototype);
    expect(Object.getOwnPropertyDescriptor(out, '__proto__')?.value).toEqual({ password: '…' });
  });

  it('masks pairs, bearer credentials and JWTs in free text, and is idempotent', () => {
    const text =
      'password=hunter2hunter2&x=1 "refresh_token": "rt-abcdefgh" Bearer opaque-abcdefgh';
    const once = redactText(text);
    expect(once).toBe('password=hunt…&x=1 "refresh_token": "…" Bearer opaq…');
    expect(redactText(once)).toBe(once);
  });
});

const SECRET_FIELDS = [
  'accessToken',
  'refresh_token',
  'password',
  'newPassword',
  'code',
  'verify_code',
  'captcha_token',
  'session_token',
  'secret',
  'initToken',
  'verifyCode',
];

/** An entry carrying `token` in each place captured traffic puts one. */
function carrying(token: string, field: string, place: number) {
  const jwt = `eyJhbGciOiJIUzI1NiJ9.eyJ${token}.${token}`;
  const request = [
    { mimeType: 'application/json', text: JSON.stringify({ nested: [{ [field]: token }] }) },
    { mimeType: 'application/x-www-form-urlencoded', text: `password=${token}&x=1` },
    { mimeType: 'text/plain', text: `here: ${jwt} end` },
  ][place % 3];
  return {
    startedDateTime: '2024-04-01T00:00:00.000Z',
    request: {
      method: 'POST',
      url: `http://127.0.0.1:8787/web/v1/system/auth/token/refresh?access_token=${token}`,
      headers: [
        { name: 'Authorization', value: `Bearer ${token}` },
        { name: 'X-Captcha-Token', value: token },
        { name: 'X-Client-Hash', value: 'hash-7f3a9c21e4b0d5a8' },
      ],
      postData: request,
    },
    response: {
      status: 200,
      headers: [{ name: 'Set-Cookie', value: `sid=${token}; Path=/` }],
      content: {
        mimeType: 'application/json',
        size: 1,
        text: JSON.stringify({ data: { refreshToken: token, id_token: jwt } }),
      },
    },
    _scPlaintext: {
      request: JSON.stringify({ [field]: token }),
      response: JSON.stringify({ accessToken: token }),
    },
  };
}

describe('redaction in every output', () => {
  it('never leaves a whole token unless revealed', () => {
    fc.assert(
      fc.property(
        secretToken,
        fc.constantFrom(...SECRET_FIELDS),
        fc.nat(),
        (token, field, place) => {
          const entry = carrying(token, field, place);
          const flows = groupFlows([entry]);
          const outputs = [
            toCurl(entry),
            ...flows.map((f) => flowToCurl(f)),
            ...flows.map((f) => JSON.stringify(flowToHar(f))),
            ...flows.map((f) => JSON.stringify(lintFlow(f))),
            JSON.stringify(summarizeBody(entry.request.postData)),
            JSON.stringify(summarizeBody(entry.response.content, { side: 'response' })),
            JSON.stringify(findTokens(entry, 0)),
            JSON.stringify(redactHeaders(entry.request.headers)),
          ];
          for (const output of outputs) expect(output).not.toContain(token);
          expect(toCurl(entry, { reveal: true })).toContain(`Bearer ${token}`);
          expect(JSON.stringify(flows.map((f) => flowToHar(f, { reveal: true })))).toContain(token);
        },
      ),
    );
  });
});
