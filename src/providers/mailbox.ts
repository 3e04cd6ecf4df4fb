/**
 * Reads the newest verification code from a Mailpit-compatible dev mailbox (providers.md §5):
 * the emulator's own, or a real Mailpit a test deployment sends its mail to. For test profiles
 * only; production codes never come from here.
 */
import * as v from 'valibot';
import { DEFAULT_TIMEOUT_MS } from './flow';
import { withTimeout } from './http';

export type MailboxErrorCode = 'NETWORK' | 'TIMEOUT' | 'RESPONSE_INVALID';

export class MailboxError extends Error {
  override readonly name = 'MailboxError';
  readonly code: MailboxErrorCode;

  constructor(code: MailboxErrorCode, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.code = code;
  }
}

export interface ReadCodeOptions {
  /** A recipient address, phone number or account; compared without case. */
  to?: string;
  /** Part of the subject, without case (e.g. `SlaunchX verification code`). */
  subject?: string;
  /** ms since epoch: older messages (by the mailbox's `Created`) are ignored. */
  since?: number;
  fetch: typeof fetch;
  timeoutMs?: number;
}

const Summary = v.looseObject({
  ID: v.string(),
  To: v.nullish(v.array(v.looseObject({ Address: v.string() }))),
  Subject: v.string(),
  Created: v.string(),
});
const List = v.looseObject({ messages: v.array(Summary) });
const Message = v.looseObject({ Text: v.string() });

// providers.md §5: the code is its own run of digits; 6–8 covers every provider's codes and
// never matches part of a longer number such as a phone number.
const CODE = /(?<!\d)\d{6,8}(?!\d)/;

/** The first code in a text, or null. */
export function findCode(text: string): string | null {
  return CODE.exec(text)?.[0] ?? null;
}

function createReader(base: string, options: ReadCodeOptions) {
  const timedFetch = withTimeout(options.fetch, options.timeoutMs ?? DEFAULT_TIMEOUT_MS);
  return async function getJson<S extends v.GenericSchema>(path: string, schema: S) {
    let response: Response;
    let text: string;
    try {
      response = await timedFetch(base + path, { headers: { Accept: 'application/json' } });
      text = await response.text();
    } catch (error) {
      const timeout = error instanceof Error && error.name === 'TimeoutError';
      const message = error instanceof Error ? error.message : String(error);
      throw new MailboxError(timeout ? 'TIMEOUT' : 'NETWORK', message, { cause: error });
    }
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch (error) {
      throw new MailboxError('RESPONSE_INVALID', `${path}: not JSON`, { cause: error });
    }
    const result = v.safeParse(schema, json);
    if (!response.ok || !result.success) {
      throw new MailboxError(
        'RESPONSE_INVALID',
        `${path}: HTTP ${response.status}, unexpected shape`,
      );
    }
    return result.output;
  };
}

function matches(m: v.InferOutput<typeof Summary>, options: ReadCodeOptions): boolean {
  if (options.to !== undefined) {
    const to = options.to.toLowerCase();
    if (!(m.To ?? []).some((r) => r.Address.toLowerCase() === to)) return false;
  }
  if (options.subject !== undefined) {
    if (!m.Subject.toLowerCase().includes(options.subject.toLowerCase())) return false;
  }
  if (options.since !== undefined) {
    const created = Date.parse(m.Created);
    if (Number.isNaN(created) || created < options.since) return false;
  }
  return true;
}

/** The newest code among the messages that match, or null when none holds one. */
export async function readLatestCode(
  mailpitUrl: string,
  options: ReadCodeOptions,
): Promise<string | null> {
  const getJson = createReader(mailpitUrl.replace(/\/+$/, ''), options);
  const list = await getJson('/api/v1/messages', List);
  // Mailpit lists newest first; sort anyway so another compatible server cannot reorder us.
  const newest = list.messages
    .filter((m) => matches(m, options))
    .sort((a, b) => Date.parse(b.Created) - Date.parse(a.Created));
  for (const summary of newest) {
    const message = await getJson(`/api/v1/message/${encodeURIComponent(summary.ID)}`, Message);
    const code = findCode(message.Text);
    if (code !== null) return code;
  }
  return null;
}
