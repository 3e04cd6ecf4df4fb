/**
 * The dev mailbox (providers.md §5): every code the emulator "sends" lands here, served on its own
 * port with the subset of Mailpit's HTTP API that testers use, so a client reads this mailbox and
 * a real Mailpit the same way. Newest first; `latest` is accepted as an ID, as Mailpit does.
 */
import { randomBytes } from 'node:crypto';
import Fastify, { type FastifyInstance } from 'fastify';
import type { MailInput, Mailbox } from './context';
import { fastifyErrorStatus } from './http-errors';

export const MAIL_SENDER = 'no-reply@emulator.test';

export interface StoredMail {
  id: string;
  to: string;
  subject: string;
  text: string;
  createdMs: number;
  read: boolean;
}

export interface MailStore extends Mailbox {
  /** Newest first. */
  list(): StoredMail[];
  get(id: string): StoredMail | null;
  remove(ids: readonly string[]): void;
}

export interface MailStoreDeps {
  now?: () => number;
  newId?: () => string;
}

/** Mailpit IDs are 22 URL-safe characters; 16 random bytes in base64url have the same shape. */
const defaultId = (): string => randomBytes(16).toString('base64url');

export function createMailStore(deps: MailStoreDeps = {}): MailStore {
  const now = deps.now ?? Date.now;
  const newId = deps.newId ?? defaultId;
  let mails: StoredMail[] = []; // newest first
  return {
    deliver(mail: MailInput) {
      mails.unshift({ ...mail, id: newId(), createdMs: now(), read: false });
    },
    clear() {
      mails = [];
    },
    list: () => [...mails],
    get(id) {
      if (id === 'latest') return mails[0] ?? null;
      return mails.find((m) => m.id === id) ?? null;
    },
    remove(ids) {
      const doomed = new Set(ids);
      mails = mails.filter((m) => !doomed.has(m.id));
    },
  };
}

const address = (addr: string) => ({ Name: '', Address: addr });

function summary(mail: StoredMail) {
  return {
    ID: mail.id,
    MessageID: `${mail.id}@emulator.test`,
    Read: mail.read,
    From: { Name: 'Emulator', Address: MAIL_SENDER },
    To: [address(mail.to)],
    Cc: [],
    Bcc: [],
    Subject: mail.subject,
    Created: new Date(mail.createdMs).toISOString(),
    Tags: [],
    Size: Buffer.byteLength(mail.text),
    Attachments: 0,
    Snippet: mail.text.slice(0, 250),
  };
}

const escapeHtml = (text: string): string =>
  text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

function detail(mail: StoredMail) {
  const { ID, MessageID, Read, From, To, Cc, Bcc, Subject, Created, Tags, Size } = summary(mail);
  return {
    ...{ ID, MessageID, Read, From, To, Cc, Bcc, Subject, Tags, Size },
    Date: Created,
    ReplyTo: [],
    ReturnPath: MAIL_SENDER,
    Text: mail.text,
    HTML: `<!doctype html><html><body><p>${escapeHtml(mail.text)}</p></body></html>`,
    Inline: [],
    Attachments: [],
  };
}

function nonNegativeInt(value: unknown, fallback: number): number {
  const n = typeof value === 'string' ? Number(value) : Number.NaN;
  return Number.isSafeInteger(n) && n >= 0 ? n : fallback;
}

function idsOf(body: unknown): string[] | null {
  if (typeof body !== 'object' || body === null || !('IDs' in body)) return null;
  const ids = body.IDs;
  return Array.isArray(ids) ? ids.filter((id): id is string => typeof id === 'string') : null;
}

export function registerMailboxRoutes(app: FastifyInstance, store: MailStore): void {
  app.get('/api/v1/messages', (request) => {
    const query = request.query as Record<string, unknown>;
    const all = store.list();
    const start = nonNegativeInt(query.start, 0);
    const limit = nonNegativeInt(query.limit, 50);
    return {
      total: all.length,
      unread: all.filter((m) => !m.read).length,
      count: Math.min(limit, Math.max(0, all.length - start)),
      messages_count: all.length,
      start,
      tags: [],
      messages: all.slice(start, start + limit).map(summary),
    };
  });
  app.get<{ Params: { id: string } }>('/api/v1/message/:id', (request, reply) => {
    const mail = store.get(request.params.id);
    if (mail === null) return reply.code(404).send({ error: 'message not found' });
    mail.read = true;
    return detail(mail);
  });
  // Mailpit: no body (or no IDs) deletes everything; {"IDs": [...]} deletes those.
  app.delete('/api/v1/messages', (request) => {
    const ids = idsOf(request.body);
    if (ids === null) store.clear();
    else store.remove(ids);
    return 'ok';
  });
}

/** The mailbox's own HTTP server (default port 8025, as Mailpit's). */
export function buildMailboxApp(store: MailStore): FastifyInstance {
  const app = Fastify({ logger: false, forceCloseConnections: true, bodyLimit: 64 * 1024 });
  registerMailboxRoutes(app, store);
  app.setErrorHandler((error, _request, reply) => {
    const status = fastifyErrorStatus(error);
    void reply.code(status).send({ error: status < 500 ? 'bad request' : 'internal error' });
  });
  return app;
}
