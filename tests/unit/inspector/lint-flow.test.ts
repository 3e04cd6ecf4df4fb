/** lintFlow over the fixtures: the seeds' rules, each finding at the entry it concerns. */
import { describe, expect, it } from 'vitest';
import { groupFlows } from '../../../src/inspector/group-flows';
import { lintFlow, type LintFinding } from '../../../src/inspector/lint-flow';
import { isTestDeployment } from '../../../src/inspector/lint-headers';
import { SX } from '../../fixtures/har/build-slaunchx';
import { entryAt, loadEntries, onlyFlow } from './helpers';

const brief = (findings: LintFinding[]) => findings.map((f) => [f.entryIndex, f.severity, f.rule]);
const lintAll = (name: string) =>
  groupFlows(loadEntries(name)).map((flow) => brief(lintFlow(flow)));

describe('lintFlow', () => {
  it('finds nothing to say about a clean SlaunchX flow', () => {
    expect(lintFlow(onlyFlow('slaunchx-system-otp.har'))).toEqual([]);
  });

  it('joins an API call to the flow that issued its token, without SlaunchX header rules', () => {
    const entries = loadEntries('slaunchx-system-otp.har');
    const issued = JSON.parse(entryAt(entries, 3)._scPlaintext?.response ?? '{}') as {
      data: { accessToken: string };
    };
    const api = {
      startedDateTime: '2024-04-01T00:00:20.000Z',
      request: {
        method: 'GET',
        url: 'https://reports.slaunchx.example/v1/me',
        headers: [{ name: 'Authorization', value: `Bearer ${issued.data.accessToken}` }],
      },
      response: {
        status: 200,
        headers: [],
        content: { mimeType: 'application/json', size: 2, text: '{}' },
      },
    };
    const [flow, ...others] = groupFlows([...entries, api]);
    expect(others).toEqual([]);
    expect(flow?.steps.find((s) => s.entryIndex === 9)).toMatchObject({
      family: 'bearer',
      kind: 'api',
      linkedBy: 'token',
    });
    expect(flow && lintFlow(flow)).toEqual([]);
  });

  it('reports a changed X-Client-Hash once, where it changed', () => {
    const findings = lintFlow(onlyFlow('slaunchx-client-hash-changed.har'));
    expect(brief(findings)).toEqual([
      [2, 'error', 'client-hash-changed'],
      [2, 'info', 'provider-error'],
      [3, 'info', 'provider-error'],
    ]);
    expect(findings[0]?.message).toBe(
      `X-Client-Hash changed from "${SX.hash}" to "${SX.otherHash}" since the initiate call: the login session and the SC session stay bound to the hash they began with (providers.md §1.3, SCv2 §3).`,
    );
    expect(findings[1]?.message).toBe(
      'SC.CLIENT_HASH_MISMATCH: The secure channel session belongs to another X-Client-Hash.',
    );
  });

  it('reports missing Cloudflare, X-SC-Version and portal headers on a staging host', () => {
    const flow = onlyFlow('slaunchx-missing-headers.har');
    expect(isTestDeployment(flow)).toBe(true);
    const findings = lintFlow(flow);
    expect(brief(findings)).toEqual([
      [1, 'error', 'cf-headers-missing'],
      [1, 'info', 'provider-error'],
      [3, 'error', 'sc-version-missing'],
      [3, 'info', 'provider-error'],
      [4, 'error', 'portal-access-code-missing'],
      [4, 'info', 'provider-error'],
    ]);
    expect(findings[0]?.message).toBe(
      'Test deployment without Cf-Ray, cf-ipcountry: the gateway answers 403 GATEWAY.CF_HEADERS_MISSING (providers.md §1.1).',
    );
    expect(findings[2]?.message).toBe(
      'No X-SC-Version on an SC call: the server answers SC.VERSION_UNSUPPORTED (SCv2 §4.2).',
    );
  });

  it('warns at the fifth call of a window and reports the 429 with its Retry-After', () => {
    const findings = lintFlow(onlyFlow('slaunchx-rate-limited.har'));
    expect(brief(findings)).toEqual([
      [5, 'warning', 'rate-limit-near'],
      [6, 'error', 'rate-limited'],
      [6, 'info', 'provider-error'],
    ]);
    expect(findings[0]?.message).toBe(
      '5 calls to auth/login/initiate in one 60 s window (5 per window and X-Client-Hash): the limit is reached; further calls get 429 until 2024-04-01T00:01:01.000Z (providers.md §1.3).',
    );
    expect(findings[1]?.message).toBe(
      '429 Too Many Requests on auth/login/initiate: retry after 55 s (RFC 9110 §10.2.3).',
    );
  });

  it('warns at the fourth call already, and not for calls in different windows', () => {
    const entries = loadEntries('slaunchx-rate-limited.har');
    const four = groupFlows(entries.slice(0, 5));
    expect(four.map((f) => brief(lintFlow(f)))).toEqual([[[4, 'warning', 'rate-limit-near']]]);
    expect(lintFlow(four[0] ?? onlyFlow('slaunchx-rate-limited.har'))[0]?.message).toMatch(
      /^4 calls .*one more is answered, then 429/,
    );
    expect(lintAll('slaunchx-login-replayed.har')[0]).toEqual([]);
  });

  it('warns when a sign-in replays the login while a refresh token was alive', () => {
    const [first, second] = groupFlows(loadEntries('slaunchx-login-replayed.har'));
    expect(first && lintFlow(first)).toEqual([]);
    expect(second && lintFlow(second)).toEqual([
      {
        rule: 'login-replayed',
        severity: 'warning',
        message:
          'Signed in again while the refresh token from flow-1 was alive (valid until 2024-05-01T00:00:00.500Z): refresh it instead of replaying the login (seed 002, implementation note 4).',
        entryIndex: 2,
      },
    ]);
  });

  it('lints IDaaS bodies and headers', () => {
    const findings = lintFlow(onlyFlow('idaas-email-code.har'));
    expect(brief(findings)).toEqual([
      [2, 'error', 'unknown-body-fields'],
      [2, 'info', 'provider-error'],
      [4, 'info', 'provider-error'],
      [7, 'error', 'gateway-headers-missing'],
      [7, 'info', 'provider-error'],
    ]);
    expect(findings[0]?.message).toBe(
      'Unknown field(s) emial on strict send-email-verify-code (allowed: email, type, captcha_token): refused with IDAAS.SDK.PARAM.0000. ("emial" is the seed example\'s misspelling of "email".)',
    );
    expect(findings[2]?.message).toBe(
      'IDAAS.SDK.CAPTCHA.0007: Incorrect verification code. Please check if the input verification code is correct.',
    );
    expect(findings[3]?.message).toBe(
      'Missing X-device-fingerprint: the provider answers IDAAS.SDK.PARAM.0001.',
    );
  });

  it('lints Koodrive: numeric error codes, a replayed login and a missing agent name', () => {
    expect(lintAll('koodrive-numeric-code.har')).toEqual([
      [[0, 'info', 'provider-error']],
      [[3, 'warning', 'login-replayed']],
      [
        [4, 'error', 'gateway-headers-missing'],
        [4, 'info', 'provider-error'],
      ],
    ]);
    const [, replayed] = groupFlows(loadEntries('koodrive-numeric-code.har'));
    expect(replayed && lintFlow(replayed)[0]?.message).toContain(
      'whose lifetime the provider does not document',
    );
  });

  it('explains each CloudBase failure', () => {
    const findings = lintFlow(onlyFlow('cloudbase-captcha-required.har'));
    expect(brief(findings)).toEqual([
      [0, 'info', 'provider-error'],
      [1, 'info', 'provider-error'],
      [2, 'info', 'provider-error'],
      [3, 'info', 'provider-error'],
    ]);
    expect(findings[3]?.message).toBe(
      'captcha_required: Too many login attempts: a captcha is required.',
    );
  });

  it('says everything wrong with a garbage SlaunchX entry, and nothing of bearer traffic', () => {
    expect(lintAll('garbage.har')).toEqual([
      [
        [7, 'error', 'gateway-headers-missing'],
        [7, 'warning', 'gateway-headers-missing'],
        [7, 'error', 'cf-headers-missing'],
        [7, 'error', 'sc-version-missing'],
        [7, 'error', 'sc-session-header-missing'],
        [7, 'error', 'sc-body-not-envelope'],
      ],
    ]);
    for (const name of [
      'bearer-jwt-api.har',
      'jwt-malformed.har',
      'binary-body.har',
      'huge-response.har',
    ]) {
      expect(lintAll(name).flat()).toEqual([]);
    }
  });

  it('flags plaintext sent to an SC endpoint, unknown fields in decrypted plaintext and a stale envelope', () => {
    const entries = loadEntries('slaunchx-system-otp.har') as Record<string, unknown>[];
    const initiate = entries[2] as {
      request: Record<string, unknown>;
      startedDateTime: string;
      _scPlaintext: Record<string, string>;
    };
    const plaintext = {
      ...initiate,
      request: {
        ...initiate.request,
        postData: { mimeType: 'application/json', text: '{"email":"a@b.example","password":"x"}' },
      },
    };
    const extra = {
      ...initiate,
      _scPlaintext: { request: '{"email":"a@b.example","password":"x","remember":true}' },
    };
    const late = {
      ...initiate,
      startedDateTime: new Date(Date.parse(initiate.startedDateTime) + 301_000).toISOString(),
    };
    const rules = (entry: unknown) =>
      groupFlows([entries[1], entry])
        .flatMap((f) => lintFlow(f))
        .map((f) => [f.rule, f.message]);
    expect(rules(plaintext)).toEqual([
      [
        'sc-body-not-envelope',
        'Plaintext JSON sent to an SC endpoint: it accepts only an SCv2 envelope (SCv2 §4.1).',
      ],
    ]);
    expect(rules(extra)).toEqual([
      [
        'unknown-body-fields',
        'Unknown field(s) remember on strict auth/login/initiate (allowed: email, password): refused with 400 4000.',
      ],
    ]);
    expect(rules(late)).toEqual([
      [
        'envelope-stale',
        "The envelope's timestamp is -301 s off the request time: beyond 300 s it is refused as SC.ENVELOPE_EXPIRED (SCv2 §4.2).",
      ],
    ]);
  });
});
