/**
 * The worker's request log and session tools against the real emulator (fake browser storage,
 * real clock, real fetch, real SCv2 client): the harness is the sign-in one.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { decodeBase64 } from '../../../src/inspector/body-bytes';
import { getHeader } from '../../../src/inspector/har';
import type { LogEntryView } from '../../../src/messaging/inspector-protocol';
import { scStatesItem } from '../../../src/platform/stores';
import type { WorkerFixture } from '../../unit/worker/worker-fixture';
import {
  addEmulatorTotp,
  expectStep,
  localDump,
  PASSWORD,
  resetEmulator,
  saveProfile,
  slaunchxInput,
  startTestEmulator,
  unlockedWorker,
  type Emulator,
} from '../worker-signin/harness';

let emu: Emulator;
beforeAll(async () => {
  emu = await startTestEmulator();
});
afterAll(async () => {
  await emu.close();
});
beforeEach(async () => {
  await resetEmulator(emu);
});

async function signedIn() {
  const { w } = await unlockedWorker();
  const otpAccountId = await addEmulatorTotp(w, emu, 'admin@slaunchx.test');
  const profile = await saveProfile(
    w,
    slaunchxInput(emu, 'admin@slaunchx.test', { otpAccountId }),
    PASSWORD,
  );
  const flow = await w.value('signin/start', { profileId: profile.id });
  expectStep(flow, 'done');
  const sessionId = flow.sessionId ?? expect.fail('no session');
  const { accessToken } = await w.value('sessions/reveal-token', { id: sessionId });
  return { w, profile, flow, sessionId, accessToken };
}

const pathOf = (e: LogEntryView) => new URL(e.entry.request.url).pathname;

function entryAt(entries: LogEntryView[], path: string): LogEntryView {
  return entries.find((e) => pathOf(e) === path) ?? expect.fail(`no entry for ${path}`);
}

const json = (text: string | undefined): unknown => JSON.parse(text ?? 'null');

/** The first bytes of a base64 body: `SC`, version 2, type (SCv2 §4). */
const envelopeHead = (text: string | undefined) =>
  Array.from(decodeBase64(text ?? '')?.slice(0, 4) ?? []);

async function scSessionIds(): Promise<string[]> {
  return Object.values((await scStatesItem.getValue()) ?? {}).map((s) => s.sessionId);
}

async function lastSeq(w: WorkerFixture): Promise<number> {
  return (await w.value('inspector/log', {})).entries.at(-1)?.seq ?? 0;
}

describe('the request log of a SlaunchX sign-in', () => {
  it('holds the envelopes and their decrypted plaintexts, secrets masked until revealed', async () => {
    const { w, profile, flow, accessToken } = await signedIn();
    const log = await w.value('inspector/log', {});
    expect(log.entries.map(pathOf)).toEqual([
      '/web/v1/secure-channel/public-key',
      '/web/v1/secure-channel/session',
      '/web/v1/system/auth/login/initiate',
      '/web/v1/system/auth/login/complete',
      '/web/v1/system/profile',
    ]);
    for (const e of log.entries) {
      expect(e).toMatchObject({ profileId: profile.id, flowId: flow.flowId, cutBytes: 0 });
    }

    const initiate = entryAt(log.entries, '/web/v1/system/auth/login/initiate');
    const { request, response, _scPlaintext } = initiate.entry;
    expect(request.postData?.encoding).toBe('base64');
    expect(envelopeHead(request.postData?.text)).toEqual([0x53, 0x43, 2, 1]);
    expect(getHeader(request.headers, 'x-sc-session-id')).toBe((await scSessionIds())[0]);
    expect(getHeader(request.headers, 'x-portal-access-code')).toBe('demo…');
    expect(response.content.encoding).toBe('base64');
    expect(envelopeHead(response.content.text)).toEqual([0x53, 0x43, 2, 2]);
    expect(json(_scPlaintext?.request)).toEqual({
      email: 'admin@slaunchx.test',
      password: 'Corr…',
    });
    expect(json(_scPlaintext?.response)).toMatchObject({
      success: true,
      code: '2000',
      data: { mfaRequired: true },
    });

    const complete = entryAt(log.entries, '/web/v1/system/auth/login/complete');
    const sent = json(complete.entry._scPlaintext?.request) as { code: string };
    expect(sent.code).toBe('…');
    const got = json(complete.entry._scPlaintext?.response) as { data: { accessToken: string } };
    expect(got.data.accessToken).toBe(`${accessToken.slice(0, 4)}…`);
    const profileCall = entryAt(log.entries, '/web/v1/system/profile');
    expect(getHeader(profileCall.entry.request.headers, 'authorization')).toBe(
      `Bearer ${accessToken.slice(0, 4)}…`,
    );

    const shown = JSON.stringify(log);
    expect(shown).not.toContain(PASSWORD);
    expect(shown).not.toContain(accessToken);

    const revealed = await w.value('inspector/reveal', { seq: initiate.seq });
    expect(json(revealed.entry._scPlaintext?.request)).toEqual({
      email: 'admin@slaunchx.test',
      password: PASSWORD,
    });
    const revealedComplete = await w.value('inspector/reveal', { seq: complete.seq });
    expect(json(revealedComplete.entry._scPlaintext?.response)).toMatchObject({
      data: { accessToken },
    });
    const local = await localDump();
    expect(local).not.toContain(PASSWORD);
    expect(local).not.toContain('requestLog');
  });

  it('is empty once the vault locks', async () => {
    const { w } = await signedIn();
    await w.value('vault/lock', {});
    expect(await w.value('inspector/log', {})).toMatchObject({ entries: [], dropped: 0 });
  });
});

describe('closing the secure channel of a session', () => {
  it('erases the SC key without signing out; the next SC call opens a new session', async () => {
    const { w, sessionId, profile } = await signedIn();
    const [before] = await scSessionIds();
    const mark = await lastSeq(w);

    expect(await w.value('sessions/close-channel', { id: sessionId })).toBeNull();
    expect(await scSessionIds()).toEqual([]);
    expect((await w.value('sessions/list', {})).map((s) => s.id)).toEqual([sessionId]);

    const refreshed = await w.value('sessions/refresh', { id: sessionId });
    expect(refreshed.lastError).toBeUndefined();
    const [after] = await scSessionIds();
    expect(after).toEqual(expect.any(String));
    expect(after).not.toBe(before);

    const since = (await w.value('inspector/log', { after: mark })).entries;
    expect(since.map(pathOf)).toEqual([
      '/web/v1/secure-channel/session/close',
      '/web/v1/secure-channel/public-key',
      '/web/v1/secure-channel/session',
      '/web/v1/system/auth/token/refresh',
    ]);
    const [close, , , refresh] = since;
    expect(close).toMatchObject({ profileId: profile.id });
    expect(getHeader(close?.entry.request.headers ?? [], 'x-sc-session-id')).toBe(before);
    expect(close?.entry._scPlaintext?.request).toBe('{}');
    expect(refresh).toMatchObject({ profileId: profile.id, sessionId });
    expect(getHeader(refresh?.entry.request.headers ?? [], 'x-sc-session-id')).toBe(after);
  });
});

/** The URL and `-H` headers of the curl command the export wrote (values hold no quotes). */
function parseCurl(text: string): { url: string; headers: Record<string, string> } {
  const quoted = [...text.matchAll(/(-H )?'([^']*)'/g)];
  const url = quoted.find((m) => m[1] === undefined)?.[2] ?? expect.fail('no URL');
  const headers: Record<string, string> = {};
  for (const m of quoted.filter((q) => q[1] !== undefined)) {
    const [name = '', ...rest] = (m[2] ?? '').split(': ');
    headers[name] = rest.join(': ');
  }
  return { url, headers };
}

describe('exporting a session', () => {
  it('writes the real token as a header, as JSON and as a curl the emulator answers', async () => {
    const { w, sessionId, accessToken } = await signedIn();
    const header = await w.value('sessions/export', {
      id: sessionId,
      format: 'authorization-header',
    });
    expect(header.text).toBe(`Authorization: Bearer ${accessToken}`);

    const exported = json(
      (await w.value('sessions/export', { id: sessionId, format: 'json' })).text,
    );
    expect(exported).toMatchObject({
      tokenType: 'Bearer',
      accessToken,
      account: { email: 'admin@slaunchx.test' },
    });
    const { expiresAt, refreshToken } = exported as { expiresAt: string; refreshToken: unknown };
    expect(typeof refreshToken).toBe('string');
    expect(new Date(expiresAt).toISOString()).toBe(expiresAt);

    const curl = await w.value('sessions/export', { id: sessionId, format: 'curl' });
    const { url, headers } = parseCurl(curl.text);
    expect(headers['Authorization']).toBe(`Bearer ${accessToken}`);
    const res = await fetch(url, { headers });
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({
      success: true,
      data: { email: 'admin@slaunchx.test' },
    });
  });
});
