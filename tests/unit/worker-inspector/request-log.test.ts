import { describe, expect, it } from 'vitest';
import type { LogEntryView } from '../../../src/messaging/inspector-protocol';
import { ActionError } from '../../../src/messaging/router';
import {
  createRequestLog,
  LOG_CAPACITY,
  type NewLogEntry,
  type StoredRequestLog,
} from '../../../src/worker/inspector/request-log';
import { harEntry, memoryStore } from './helpers';

function setup(options: { unlocked?: boolean; maxChars?: number } = {}) {
  const store = memoryStore<StoredRequestLog>();
  const state = { unlocked: options.unlocked ?? true };
  const log = createRequestLog({
    store,
    isUnlocked: () => Promise.resolve(state.unlocked),
    ...(options.maxChars === undefined ? {} : { maxChars: options.maxChars }),
  });
  return { store, state, log };
}

const plain = (n: number): NewLogEntry => ({
  profileId: 'p1',
  entry: harEntry({ request: { method: 'GET', url: `http://127.0.0.1:8787/r/${n}`, headers: [] } }),
  cutBytes: 0,
});

/** A SlaunchX initiate as the recorder stores it: envelope bytes plus the plaintexts. */
const secretEntry: NewLogEntry = {
  profileId: 'p1',
  flowId: 'f1',
  entry: harEntry({
    request: {
      method: 'POST',
      url: 'http://127.0.0.1:8787/web/v1/system/auth/login/initiate?access_token=abcdef123456',
      headers: [
        { name: 'Authorization', value: 'Bearer eyJhbGciOiJIUzI1NiJ9.payload.signature' },
        { name: 'X-PORTAL-ACCESS-CODE', value: 'demo-system-portal' },
        { name: 'X-Client-Hash', value: '0123456789abcdef' },
      ],
      postData: { mimeType: 'application/json', text: 'U0MCAQAAAZs=', encoding: 'base64' },
    },
    response: {
      status: 200,
      headers: [{ name: 'set-cookie', value: 'sid=s3cr3tcookie; Path=/' }],
      content: {
        mimeType: 'application/json',
        size: 80,
        text: '{"code":"2000","data":{"accessToken":"AT 0011223344","refreshToken":"rt-998877"}}',
      },
    },
    _scPlaintext: {
      request: '{"email":"admin@slaunchx.test","password":"Correct-Horse-42","code":"123456"}',
      response:
        '{"code":"2000","success":true,"data":{"accessToken":"tok-abcdefgh","secret":"JBSWY3DP"}}',
    },
  }),
  cutBytes: 0,
};

describe('the request log', () => {
  it('numbers entries and keeps only the last 200, counting what it dropped', async () => {
    const { log } = setup();
    const seqs: (number | null)[] = [];
    for (let i = 1; i <= LOG_CAPACITY + 3; i++) seqs.push(await log.append(plain(i)));
    expect(seqs.slice(0, 3)).toEqual([1, 2, 3]);
    const view = await log.list();
    expect(view.capacity).toBe(200);
    expect(view.dropped).toBe(3);
    expect(view.entries).toHaveLength(200);
    expect(view.entries[0]?.seq).toBe(4);
    expect(view.entries.at(-1)?.entry.request.url).toBe('http://127.0.0.1:8787/r/203');
  });

  it('drops the oldest entries when the whole log would pass its character budget', async () => {
    const big = (n: number): NewLogEntry => ({
      ...plain(n),
      entry: harEntry({
        response: {
          status: 200,
          headers: [],
          content: { mimeType: 'text/plain', size: 900, text: 'x'.repeat(900) },
        },
      }),
    });
    // Room for two and a half entries.
    const { log } = setup({ maxChars: JSON.stringify({ seq: 1, ...big(1) }).length * 2.5 });
    for (let i = 1; i <= 4; i++) await log.append(big(i));
    const view = await log.list();
    expect(view.entries.map((e) => e.seq)).toEqual([3, 4]);
    expect(view.dropped).toBe(2);
  });

  it('lists only entries after `after`, for polling', async () => {
    const { log } = setup();
    for (let i = 1; i <= 5; i++) await log.append(plain(i));
    expect((await log.list(3)).entries.map((e) => e.seq)).toEqual([4, 5]);
    expect((await log.list(5)).entries).toEqual([]);
  });

  it('gives a poller whose `after` is past a log erased since the whole new log', async () => {
    const { log } = setup();
    for (let i = 1; i <= 5; i++) await log.append(plain(i));
    await log.erase();
    await log.append(plain(6));
    await log.append(plain(7));
    expect((await log.list(5)).entries.map((e) => e.seq)).toEqual([1, 2]);
    expect((await log.list(1)).entries.map((e) => e.seq)).toEqual([2]);
  });

  it('masks every secret in the list: headers, URL, bodies and SCv2 plaintexts', async () => {
    const { log } = setup();
    await log.append(secretEntry);
    const [shown] = (await log.list()).entries;
    const { request, response, _scPlaintext } = shown?.entry ?? expect.fail('no entry');
    const header = (name: string) => request.headers.find((h) => h.name === name)?.value;
    expect(header('Authorization')).toBe('Bearer eyJh…');
    expect(header('X-PORTAL-ACCESS-CODE')).toBe('demo…');
    expect(header('X-Client-Hash')).toBe('0123456789abcdef');
    expect(request.url).toContain('access_token=abcd…');
    // Envelope bytes are ciphertext: kept as sent.
    expect(request.postData).toEqual({
      mimeType: 'application/json',
      text: 'U0MCAQAAAZs=',
      encoding: 'base64',
    });
    expect(response.headers[0]?.value).toBe('sid=s3cr…; Path=/');
    expect(JSON.parse(response.content.text ?? '')).toEqual({
      code: '2000',
      data: { accessToken: 'AT 0…', refreshToken: '…' },
    });
    expect(JSON.parse(_scPlaintext?.request ?? '')).toEqual({
      email: 'admin@slaunchx.test',
      password: 'Corr…',
      code: '…', // under 12 characters (MIN_SHOWN_LENGTH): nothing of a one-time code shows
    });
    // In a response `code` is the result code and stays readable.
    expect(JSON.parse(_scPlaintext?.response ?? '')).toEqual({
      code: '2000',
      success: true,
      data: { accessToken: 'tok-…', secret: '…' },
    });
    const text = JSON.stringify(shown);
    for (const secret of ['Correct-Horse-42', 'tok-abcdefgh', 'JBSWY3DP', 'rt-998877', 's3cr3t']) {
      expect(text).not.toContain(secret);
    }
  });

  it('reveals one entry exactly as recorded, and refuses a seq it does not hold', async () => {
    const { log } = setup();
    const seq = (await log.append(secretEntry)) ?? expect.fail('not appended');
    const revealed: LogEntryView = await log.reveal(seq);
    expect(revealed).toEqual({ seq, ...secretEntry });
    await expect(log.reveal(seq + 1)).rejects.toMatchObject({
      constructor: ActionError,
      code: 'LOG_ENTRY_NOT_FOUND',
    });
  });

  it('clear empties the log but keeps numbering, so a poller misses nothing', async () => {
    const { log } = setup();
    await log.append(plain(1));
    await log.append(plain(2));
    await log.clear();
    expect(await log.list()).toEqual({ entries: [], dropped: 0, capacity: 200 });
    expect(await log.append(plain(3))).toBe(3);
  });

  it('erase (the lock) leaves nothing in the store', async () => {
    const { log, store } = setup();
    await log.append(secretEntry);
    await log.erase();
    expect(store.value).toBeNull();
    expect((await log.list()).entries).toEqual([]);
  });

  it('records nothing while the vault is locked', async () => {
    const { log, store, state } = setup();
    state.unlocked = false;
    expect(await log.append(secretEntry)).toBeNull();
    expect(store.value).toBeNull();
  });

  it('never throws when storage refuses a write: the entry is lost, nothing else', async () => {
    const { log, store } = setup();
    await log.append(plain(1));
    store.failWrites = true;
    await expect(log.append(plain(2))).resolves.toBeNull();
    store.failWrites = false;
    expect((await log.list()).entries.map((e) => e.seq)).toEqual([1]);
  });

  it('reads an unreadable stored value as an empty log', async () => {
    const { log, store } = setup();
    store.value = { v: 2 } as unknown as StoredRequestLog;
    expect(await log.list()).toEqual({ entries: [], dropped: 0, capacity: 200 });
    expect(await log.append(plain(1))).toBe(1);
  });
});
