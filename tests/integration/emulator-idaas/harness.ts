import { expect } from 'vitest';
import type { ProviderName, ProviderPlugin } from '../../../emulator/context';
import { startEmulator, type RunningEmulator } from '../../../emulator/server';

/**
 * A running emulator on 127.0.0.1 (port 0) with the given plugins, driven only over HTTP: the
 * provider APIs, the `/__emulator/*` controls (providers.md §6) and the mailbox (§5). Shared by the
 * IDaaS, Koodrive and CloudBase contract suites.
 */

export interface HttpAnswer {
  status: number;
  headers: Headers;
  text: string;
  json: unknown;
}

export interface Harness {
  url: string;
  /** POSTs `body` as JSON, or as-is when it is a string (for malformed bodies). */
  post(path: string, body: unknown, headers?: Record<string, string>): Promise<HttpAnswer>;
  control(path: string, body?: unknown): Promise<HttpAnswer>;
  /** The 6-digit code of the newest mailbox message sent to `to`. */
  latestCode(to: string): Promise<string>;
  mail(): Promise<MailSummary[]>;
  advanceClock(ms: number): Promise<void>;
  fault(provider: ProviderName, code: string, count?: number): Promise<void>;
  reset(): Promise<void>;
  close(): Promise<void>;
}

export interface MailSummary {
  ID: string;
  From: { Address: string };
  To: { Address: string }[];
  Subject: string;
  Snippet: string;
}

// A Node stack frame ("    at fn (file.ts:1:2)") or a file path must never reach a client.
const STACK = /\n\s+at |\.ts:\d+|\.js:\d+|node_modules/;

async function answerOf(response: Response): Promise<HttpAnswer> {
  const text = await response.text();
  expect(text, 'no stack trace in any response').not.toMatch(STACK);
  let json: unknown = null;
  try {
    json = text === '' ? null : JSON.parse(text);
  } catch {
    json = null;
  }
  return { status: response.status, headers: response.headers, text, json };
}

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null;

/** Reads `obj.a.b…` from a JSON answer, failing the test if a step is missing. */
export function field(value: unknown, ...path: string[]): unknown {
  let current = value;
  for (const key of path) {
    if (!isRecord(current) || !(key in current)) throw new Error(`no field ${path.join('.')}`);
    current = current[key];
  }
  return current;
}

export function stringField(value: unknown, ...path: string[]): string {
  const found = field(value, ...path);
  if (typeof found !== 'string') throw new Error(`${path.join('.')} is not a string`);
  return found;
}

/** Decodes a JWT's payload (no verification: the tests check claims, not the emulator key). */
export function jwtClaims(token: string): Record<string, unknown> {
  const parts = token.split('.');
  expect(parts).toHaveLength(3);
  const claims: unknown = JSON.parse(Buffer.from(parts[1] ?? '', 'base64url').toString('utf8'));
  if (!isRecord(claims)) throw new Error('JWT payload is not an object');
  return claims;
}

export interface HarnessOptions {
  plugins: ProviderPlugin[];
  production?: boolean;
  koodriveNumericCode?: boolean;
}

export async function startHarness(options: HarnessOptions): Promise<Harness> {
  const emulator: RunningEmulator = await startEmulator({
    port: 0,
    mailboxPort: 0,
    plugins: options.plugins,
    production: options.production ?? false,
    koodriveNumericCode: options.koodriveNumericCode ?? false,
  });
  const send = async (path: string, body: unknown, headers: Record<string, string> = {}) =>
    answerOf(
      await fetch(`${emulator.url}${path}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...headers },
        body: typeof body === 'string' ? body : JSON.stringify(body),
      }),
    );
  const mail = async (): Promise<MailSummary[]> => {
    const list: unknown = await (await fetch(`${emulator.mailboxUrl}/api/v1/messages`)).json();
    return field(list, 'messages') as MailSummary[];
  };
  const control = async (path: string, body?: unknown): Promise<HttpAnswer> => {
    if (body === undefined) return answerOf(await fetch(`${emulator.url}${path}`));
    const answer = await send(path, body);
    expect(answer.status, `control ${path}: ${answer.text}`).toBeLessThan(300);
    return answer;
  };
  return {
    url: emulator.url,
    post: send,
    control,
    mail,
    async latestCode(to) {
      const newest = (await mail()).find((m) => m.To[0]?.Address === to);
      if (newest === undefined) throw new Error(`no mail to ${to}`);
      const detail: unknown = await (
        await fetch(`${emulator.mailboxUrl}/api/v1/message/${newest.ID}`)
      ).json();
      const code = /\b(\d{6})\b/.exec(stringField(detail, 'Text'))?.[1];
      if (code === undefined) throw new Error(`no code in the mail to ${to}`);
      return code;
    },
    async advanceClock(ms) {
      await control('/__emulator/clock', { advanceMs: ms });
    },
    async fault(provider, code, count = 1) {
      await control('/__emulator/faults', { provider, code, count });
    },
    async reset() {
      await control('/__emulator/reset', {});
    },
    close: () => emulator.close(),
  };
}
