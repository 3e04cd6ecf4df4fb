/** Contract: the dev mailbox's Mailpit-compatible API (providers.md §5). */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createSlaunchxPlugin } from '../../../emulator/providers/slaunchx/plugin';
import { startEmulator, type RunningEmulator } from '../../../emulator/server';

let emu: RunningEmulator;
beforeAll(async () => {
  emu = await startEmulator({ port: 0, mailboxPort: 0, plugins: [createSlaunchxPlugin()] });
});
afterAll(() => emu.close());
beforeEach(async () => {
  await fetch(`${emu.mailboxUrl}/api/v1/messages`, { method: 'DELETE' });
});

interface Listing {
  total: number;
  messages: {
    ID: string;
    From: { Address: string };
    To: { Address: string }[];
    Subject: string;
    Snippet: string;
    Created: string;
  }[];
}

const list = async (query = ''): Promise<Listing> =>
  (await (await fetch(`${emu.mailboxUrl}/api/v1/messages${query}`)).json()) as Listing;

function deliver(to: string, code: string) {
  emu.ctx.mailbox.deliver({ to, subject: 'Demo verification code', text: `Your code is ${code}.` });
}

describe('mailbox', () => {
  it('lists messages newest first with Mailpit’s fields', async () => {
    deliver('a@example.test', '111111');
    deliver('+8613800000000', '222222');
    const listing = await list();
    expect(listing.total).toBe(2);
    const [newest, oldest] = listing.messages;
    expect(newest).toMatchObject({
      From: { Address: 'no-reply@emulator.test' },
      To: [{ Address: '+8613800000000' }],
      Subject: 'Demo verification code',
      Snippet: 'Your code is 222222.',
    });
    expect(oldest?.To[0]?.Address).toBe('a@example.test');
    expect(Number.isNaN(Date.parse(newest?.Created ?? ''))).toBe(false);
  });

  it('serves one message with Text, HTML and Date, and "latest" as an ID', async () => {
    deliver('a@example.test', '333333');
    const id = (await list()).messages[0]?.ID ?? '';
    const message = (await (
      await fetch(`${emu.mailboxUrl}/api/v1/message/${id}`)
    ).json()) as Record<string, unknown>;
    expect(message).toMatchObject({
      ID: id,
      Subject: 'Demo verification code',
      Text: 'Your code is 333333.',
    });
    expect(String(message.HTML)).toContain('333333');
    expect(typeof message.Date).toBe('string');
    const latest = (await (await fetch(`${emu.mailboxUrl}/api/v1/message/latest`)).json()) as {
      ID: string;
    };
    expect(latest.ID).toBe(id);
    expect((await fetch(`${emu.mailboxUrl}/api/v1/message/nope`)).status).toBe(404);
  });

  it('pages with limit and start', async () => {
    for (const code of ['100000', '200000', '300000']) deliver('a@example.test', code);
    const page = await list('?limit=1&start=1');
    expect(page.total).toBe(3);
    expect(page.messages.map((m) => m.Snippet)).toEqual(['Your code is 200000.']);
  });

  it('deletes chosen IDs, or everything', async () => {
    deliver('a@example.test', '444444');
    deliver('b@example.test', '555555');
    const [first] = (await list()).messages;
    await fetch(`${emu.mailboxUrl}/api/v1/messages`, {
      method: 'DELETE',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ IDs: [first?.ID] }),
    });
    expect((await list()).messages.map((m) => m.To[0]?.Address)).toEqual(['a@example.test']);
    const cleared = await fetch(`${emu.mailboxUrl}/api/v1/messages`, { method: 'DELETE' });
    expect(cleared.status).toBe(200);
    expect((await list()).total).toBe(0);
  });

  it('is emptied by the emulator reset', async () => {
    deliver('a@example.test', '666666');
    await fetch(`${emu.url}/__emulator/reset`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: '{}',
    });
    expect((await list()).total).toBe(0);
  });
});
