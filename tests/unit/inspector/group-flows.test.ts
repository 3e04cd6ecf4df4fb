/** groupFlows over the fixtures: which calls form one sign-in attempt, and what it ended in. */
import { describe, expect, it } from 'vitest';
import { groupFlows, type Flow } from '../../../src/inspector/group-flows';
import { NONE_JWTS } from '../../fixtures/har/build-edge';
import { SX } from '../../fixtures/har/build-slaunchx';
import { T0 } from '../../fixtures/har/har-kit';
import { normalizeEntry } from '../../../src/inspector/har';
import { maskHarEntry } from '../../../src/worker/inspector/mask-entry';
import { loadEntries, onlyFlow } from './helpers';

const DAY_MS = 86_400_000;
const shape = (flow: Flow) =>
  flow.steps.map((s) => [s.entryIndex, s.kind, s.linkedBy, s.error?.code ?? null]);

describe('groupFlows', () => {
  it('keeps a SlaunchX sign-in, its refresh over a reopened SC session and the logout in one flow', () => {
    const flow = onlyFlow('slaunchx-system-otp.har');
    expect(shape(flow)).toEqual([
      [0, 'sc-public-key', 'new', null],
      [1, 'sc-open', 'caller', null],
      [2, 'initiate', 'sc-session', null],
      [3, 'complete', 'token', null],
      [4, 'profile', 'token', null],
      [5, 'sc-open', 'new', null],
      [6, 'refresh', 'token', null],
      [7, 'logout', 'token', null],
      [8, 'sc-close', 'sc-session', null],
    ]);
    expect(flow).toMatchObject({
      id: 'flow-1',
      family: 'slaunchx',
      origin: SX.origin,
      portal: 'system',
      outcome: 'signed-out',
      liveRefresh: null,
      priorSession: null,
      startedMs: T0,
      endedMs: T0 + 3_060_100,
      clientHashes: [SX.hash],
    });
    expect(flow.scSessionIds).toHaveLength(2);
  });

  it('follows a changed X-Client-Hash through the shared SC session', () => {
    const flow = onlyFlow('slaunchx-client-hash-changed.har');
    expect(shape(flow)).toEqual([
      [0, 'sc-open', 'new', null],
      [1, 'initiate', 'sc-session', null],
      [2, 'mfa-send', 'sc-session', 'SC.CLIENT_HASH_MISMATCH'],
      [3, 'complete', 'sc-session', 'SC.CLIENT_HASH_MISMATCH'],
    ]);
    expect(flow.clientHashes).toEqual([SX.hash, SX.otherHash]);
    expect(flow.outcome).toBe('failed');
  });

  it('keeps retries of a failing sign-in in one flow', () => {
    const flow = onlyFlow('slaunchx-rate-limited.har');
    expect(flow.steps.map((s) => s.entryIndex)).toEqual([0, 1, 2, 3, 4, 5, 6]);
    expect(flow.steps.at(-1)?.error?.code).toBe('RATE_LIMITED');
    expect(flow.outcome).toBe('failed');
  });

  it('starts a new flow for a second sign-in and names the session it replaced', () => {
    const flows = groupFlows(loadEntries('slaunchx-login-replayed.har'));
    expect(flows.map(shape)).toEqual([
      [
        [0, 'sc-open', 'new', null],
        [1, 'initiate', 'sc-session', null],
      ],
      [[2, 'initiate', 'new', null]],
    ]);
    const refresh = { issuedMs: T0 + 500, validUntilMs: T0 + 500 + 30 * DAY_MS, entryIndex: 1 };
    expect(flows[0]).toMatchObject({
      outcome: 'signed-in',
      liveRefresh: refresh,
      priorSession: null,
    });
    expect(flows[1]).toMatchObject({
      id: 'flow-2',
      outcome: 'signed-in',
      priorSession: { flowId: 'flow-1', refresh },
    });
  });

  it('links IDaaS steps through captcha and session tokens', () => {
    const flow = onlyFlow('idaas-email-code.har');
    expect(shape(flow)).toEqual([
      [0, 'captcha', 'new', null],
      [1, 'captcha-verify', 'token', null],
      [2, 'mfa-send', 'token', 'IDAAS.SDK.PARAM.0000'],
      [3, 'mfa-send', 'token', null],
      [4, 'complete', 'caller', 'IDAAS.SDK.CAPTCHA.0007'],
      [5, 'complete', 'caller', null],
      [6, 'refresh', 'token', null],
      [7, 'refresh', 'token', 'IDAAS.SDK.PARAM.0001'],
    ]);
    // providers.md §2: the session_token lives its `expire` (432 000 s).
    expect(flow.liveRefresh).toEqual({
      issuedMs: T0 + 40_000,
      validUntilMs: T0 + 40_000 + 432_000_000,
      entryIndex: 5,
    });
    expect(flow.outcome).toBe('signed-in');
  });

  it('splits Koodrive traffic into attempts, a refresh joining the session it refreshes', () => {
    const flows = groupFlows(loadEntries('koodrive-numeric-code.har'));
    expect(flows.map(shape)).toEqual([
      [
        [0, 'login', 'new', '10001'],
        [1, 'login', 'caller', null],
        [2, 'refresh', 'token', null],
      ],
      [[3, 'login', 'new', null]],
      [[4, 'code-send', 'new', '10003']],
    ]);
    expect(flows.map((f) => f.outcome)).toEqual(['signed-in', 'signed-in', 'failed']);
    // providers.md §3 gives no refresh lifetime: alive until used.
    expect(flows[1]?.priorSession).toEqual({
      flowId: 'flow-1',
      refresh: { issuedMs: T0 + 1_500_000, validUntilMs: null, entryIndex: 2 },
    });
  });

  it('carries a CloudBase attempt through captcha_required, the captcha and the refresh', () => {
    const flow = onlyFlow('cloudbase-captcha-required.har');
    expect(shape(flow)).toEqual([
      [0, 'login', 'new', 'invalid_username_or_password'],
      [1, 'login', 'caller', 'invalid_username_or_password'],
      [2, 'login', 'caller', 'invalid_username_or_password'],
      [3, 'login', 'caller', 'captcha_required'],
      [4, 'captcha', 'time', null],
      [5, 'captcha-verify', 'token', null],
      [6, 'login', 'token', null],
      [7, 'refresh', 'token', null],
    ]);
    expect(flow.outcome).toBe('signed-in');
  });

  it('groups bearer calls by token and keeps JWT-in-body calls apart', () => {
    const flows = groupFlows(loadEntries('bearer-jwt-api.har'));
    expect(flows.map((f) => [f.family, f.steps.map((s) => [s.entryIndex, s.linkedBy])])).toEqual([
      [
        'bearer',
        [
          [0, 'new'],
          [1, 'token'],
        ],
      ],
      ['jwt', [[2, 'new']]],
    ]);
  });

  it('keeps JWT calls on one origin apart when they are further apart than the gap', () => {
    const introspect = loadEntries('bearer-jwt-api.har')[2] as { request: Record<string, unknown> };
    const form = {
      mimeType: 'application/x-www-form-urlencoded',
      text: `token=${NONE_JWTS.expired}`,
    };
    const other = { ...introspect, request: { ...introspect.request, postData: form } };
    const at = (entry: object, ms: number) => ({
      ...entry,
      startedDateTime: new Date(ms).toISOString(),
    });
    const indexes = (entries: object[]) =>
      groupFlows(entries).map((f) => f.steps.map((s) => s.entryIndex));
    expect(indexes([at(introspect, T0), at(other, T0 + 3_600_000)])).toEqual([[0], [1]]);
    expect(indexes([at(introspect, T0), at(other, T0 + 60_000)])).toEqual([[0, 1]]);
    // The same token is the same caller, however late.
    expect(indexes([at(introspect, T0), at(introspect, T0 + 3_600_000)])).toEqual([[0, 1]]);
  });

  it('leaves out garbage and non-auth entries, keeping their indexes for the rest', () => {
    const flows = groupFlows(loadEntries('garbage.har'));
    expect(flows.map(shape)).toEqual([[[7, 'initiate', 'new', null]]]);
    expect(flows[0]?.startedMs).toBeNull();
    expect(groupFlows('not a list')).toEqual([]);
    expect(groupFlows([])).toEqual([]);
  });

  it('orders steps by time whatever the capture order, and splits calls further apart than the gap', () => {
    const entries = loadEntries('cloudbase-captcha-required.har');
    const reversed = groupFlows([...entries].reverse());
    expect(reversed).toHaveLength(1);
    expect(reversed[0]?.steps.map((s) => s.entryIndex)).toEqual([7, 6, 5, 4, 3, 2, 1, 0]);
    const tight = groupFlows(entries.slice(0, 4), { gapMs: 1_000 });
    expect(tight.map((f) => f.steps.length)).toEqual([1, 1, 1, 1]);
  });
});

describe('groupFlows over a masked log (the worker keeps its own log redacted)', () => {
  it('still sees the sign-ins, and links nothing through masked tokens', () => {
    const masked = loadEntries('koodrive-numeric-code.har').map((raw) =>
      maskHarEntry(normalizeEntry(raw).entry),
    );
    const flows = groupFlows(masked);
    expect(flows.map((f) => f.outcome)).toEqual(['signed-in', 'signed-in', 'failed']);
    // The refresh carries only a masked refresh token: it joins its sign-in as the same caller's
    // next step in time, never by the token, which every masked token would share.
    const links = flows.flatMap((f) => f.steps.map((s) => s.linkedBy));
    expect(links).not.toContain('token');
  });
});
