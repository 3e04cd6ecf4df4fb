import { describe, expect, it } from 'vitest';
import { findCode, MailboxError, readLatestCode } from '../../../src/providers/mailbox';
import { fakeFetch, json } from './fake-fetch';

describe('findCode', () => {
  it.each([
    ['Your IDaaS verification code is 482913. It is valid for 5 minutes.', '482913'],
    ['[Koodrive] Your verification code is 1234567. It expires in 5 minutes.', '1234567'],
    ['code:12345678.', '12345678'],
    ['Sent to 0027188460911: 654321', '654321'],
    ['Valid 300 s, order 12345', null],
    ['Reference 123456789 only', null],
  ])('%j → %s', (text, code) => {
    expect(findCode(text)).toBe(code);
  });
});

/** A mailbox holding three messages, newest first, as Mailpit lists them (providers.md §5). */
function mailbox() {
  const messages = [
    {
      ID: 'c',
      To: [{ Address: '0027188460911' }],
      Subject: 'Koodrive verification code',
      Created: '2026-04-16T10:00:03.000Z',
      Text: '[Koodrive] Your verification code is 333333.',
    },
    {
      ID: 'b',
      To: [{ Address: 'Admin@SlaunchX.test' }],
      Subject: 'SlaunchX verification code',
      Created: '2026-04-16T10:00:02.000Z',
      Text: 'Your code: 222222',
    },
    {
      ID: 'a',
      To: [{ Address: 'admin@slaunchx.test' }],
      Subject: 'SlaunchX verification code',
      Created: '2026-04-16T10:00:01.000Z',
      Text: 'Your code: 111111',
    },
  ];
  const routes: Record<string, () => Response> = {
    'GET /api/v1/messages': () =>
      json({
        total: messages.length,
        messages: messages.map(({ Text: _t, ...m }) => ({
          ...m,
          From: { Address: 'no-reply@emulator.test' },
          Snippet: '',
        })),
      }),
  };
  for (const m of messages)
    routes[`GET /api/v1/message/${m.ID}`] = () => json({ ID: m.ID, Text: m.Text, HTML: '' });
  return fakeFetch(routes);
}

describe('readLatestCode', () => {
  it('returns the newest code when nothing narrows the search', async () => {
    expect(await readLatestCode('http://mail.test/', { fetch: mailbox() })).toBe('333333');
  });

  it('matches the recipient without case and the subject by part', async () => {
    const fetch = mailbox();
    expect(
      await readLatestCode('http://mail.test', {
        fetch,
        to: 'admin@slaunchx.test',
        subject: 'slaunchx',
      }),
    ).toBe('222222');
    expect(fetch.calls.map((c) => c.path)).toEqual(['/api/v1/messages', '/api/v1/message/b']);
  });

  it('ignores messages older than `since`, and answers null when none is left', async () => {
    const fetch = mailbox();
    const since = Date.parse('2026-04-16T10:00:02.500Z');
    expect(
      await readLatestCode('http://mail.test', { fetch, to: 'admin@slaunchx.test', since }),
    ).toBeNull();
    expect(await readLatestCode('http://mail.test', { fetch, since })).toBe('333333');
  });

  it('refuses an answer that is not a Mailpit message list', async () => {
    const fetch = fakeFetch({ 'GET /api/v1/messages': () => json({ items: [] }) });
    const error = await readLatestCode('http://mail.test', { fetch }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(MailboxError);
    expect(error).toMatchObject({ code: 'RESPONSE_INVALID' });
  });
});
