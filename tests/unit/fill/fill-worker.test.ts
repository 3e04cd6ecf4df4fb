import { fakeBrowser } from 'wxt/testing/fake-browser';
import { beforeEach, describe, expect, it } from 'vitest';
import { boundSitesItem } from '../../../src/platform/fill-stores';
import { WATCHER_SCRIPT_ID } from '../../../src/worker/fill/content-registration';
import { contentSender, createFillFixture, type FillFixture } from './fill-fixture';

// RFC 6238 Appendix B, T = 1234567890, SHA-1, 8 digits.
const RFC_CODE = '89005924';
const BANK = 'https://bank.example';

let f: FillFixture;
beforeEach(() => {
  f = createFillFixture();
});

const errorCode = (reply: { ok: boolean; error?: { code: string } }) =>
  reply.ok ? 'ok' : (reply.error?.code ?? 'none');

describe('site binding', () => {
  it('keeps bindings in the vault and only label-free origins in storage.local', async () => {
    const [bank] = await f.vaultWith('Bank');
    const id = bank ?? '';
    expect(await f.value('sites/bind', { accountId: id, origin: BANK, baseDomain: false })).toEqual(
      [{ origin: BANK, baseDomain: false, covers: null }],
    );
    expect((await f.services.vault.read()).accounts[0]?.sites).toEqual([
      { origin: BANK, baseDomain: false },
    ]);
    expect(await boundSitesItem.getValue()).toEqual([{ origin: BANK, baseDomain: false }]);
    const local = JSON.stringify(await fakeBrowser.storage.local.get(null));
    expect(local).toContain(BANK);
    expect(local).not.toContain('alice');
    expect(local).not.toContain(id);
  });

  it('refuses insecure, non-origin and unwidenable bindings', async () => {
    const [id = ''] = await f.vaultWith('Bank');
    const bind = (origin: string, baseDomain = false) =>
      f.send('sites/bind', { accountId: id, origin, baseDomain }).then(errorCode);
    expect(await bind('http://bank.example')).toBe('INSECURE_ORIGIN');
    expect(await bind('http://localhost.:8080')).toBe('INSECURE_ORIGIN');
    expect(await bind('https://bank.example/login')).toBe('ORIGIN_INVALID');
    expect(await bind('https://alice@bank.example')).toBe('ORIGIN_INVALID');
    expect(await bind('http://127.0.0.1:8080', true)).toBe('ORIGIN_INVALID');
    expect(await bind('http://127.0.0.1:8080')).toBe('ok');
  });

  it('registers the watcher for a granted bound site and drops it when the account goes', async () => {
    const [id = ''] = await f.vaultWith('Bank');
    f.browser.granted.add('https://bank.example/*');
    await f.value('sites/bind', { accountId: id, origin: BANK, baseDomain: false });
    expect(f.browser.registered.get(WATCHER_SCRIPT_ID)?.matches).toEqual([
      'https://bank.example/*',
    ]);
    await f.value('accounts/delete', { id });
    expect(await boundSitesItem.getValue()).toEqual([]);
    expect(f.browser.registered.size).toBe(0);
  });
});

describe('fill from the popup', () => {
  async function boundBank(): Promise<string> {
    const [id = ''] = await f.vaultWith('Bank');
    await f.value('sites/bind', { accountId: id, origin: BANK, baseDomain: false });
    return id;
  }

  it('describes the tab and fills the bound account’s code into the document it showed', async () => {
    const id = await boundBank();
    f.browser.openTab(3, `${BANK}/mfa`);
    const context = await f.value('fill/context', { tabId: 3 });
    expect(context).toMatchObject({
      origin: BANK,
      secure: true,
      access: true,
      fillable: true,
      boundAccountIds: [id],
      baseDomain: 'bank.example',
    });
    const outcome = await f.value('fill/code', {
      tabId: 3,
      accountId: id,
      documentId: context.documentId,
    });
    expect(outcome).toMatchObject({ status: 'filled' });
    expect(f.browser.fills).toEqual([
      {
        target: { tabId: 3, documentId: context.documentId, frameId: 0 },
        request: { code: RFC_CODE, expectedOrigin: BANK, expectedUrl: null, autoSubmit: false },
      },
    ]);
    expect((await f.value('fill/activity', { tabId: 3 })).entries).toMatchObject([
      { source: 'popup', outcome: 'filled' },
    ]);
  });

  it('refuses look-alike origins, other ports, subdomains and http without reaching the page', async () => {
    const id = await boundBank();
    const urls: [string, string][] = [
      ['https://bank.example@evil.test/mfa', 'NOT_BOUND'],
      ['https://bank.example.evil.test/mfa', 'NOT_BOUND'],
      ['https://login.bank.example/mfa', 'NOT_BOUND'],
      ['https://bank.example:8443/mfa', 'NOT_BOUND'],
      ['http://bank.example/mfa', 'INSECURE_ORIGIN'],
      ['about:srcdoc', 'NOT_A_WEB_PAGE'],
    ];
    for (const [url, code] of urls) {
      f.browser.openTab(4, url);
      const reply = await f.send('fill/code', { tabId: 4, accountId: id, documentId: null });
      expect(errorCode(reply), url).toBe(code);
    }
    expect(f.browser.fills).toEqual([]);
  });

  it('fills a subdomain only when the binding opted in to its base domain', async () => {
    const [id = ''] = await f.vaultWith('Bank');
    await f.value('sites/bind', {
      accountId: id,
      origin: `https://login.bank.example`,
      baseDomain: true,
    });
    f.browser.openTab(5, 'https://accounts.bank.example/mfa');
    expect((await f.value('fill/context', { tabId: 5 })).boundAccountIds).toEqual([id]);
    const outcome = await f.value('fill/code', { tabId: 5, accountId: id, documentId: null });
    expect(outcome.status).toBe('filled');
    expect(f.browser.fills[0]?.request.expectedOrigin).toBe('https://accounts.bank.example');
  });

  it('does not fill when the tab navigated between the popup’s view and the click', async () => {
    const id = await boundBank();
    f.browser.openTab(3, `${BANK}/mfa`);
    const { documentId } = await f.value('fill/context', { tabId: 3 });
    f.browser.navigate(3, `${BANK}/mfa`); // same URL, new document (a reload)
    const reply = await f.send('fill/code', { tabId: 3, accountId: id, documentId });
    expect(errorCode(reply)).toBe('NAVIGATED');
    expect(f.browser.fills).toEqual([]);
  });

  it('pins the exact URL instead where the browser has no document ids', async () => {
    const id = await boundBank();
    f.browser.openTab(3, `${BANK}/mfa?step=2`);
    await f.value('fill/code', { tabId: 3, accountId: id, documentId: null });
    expect(f.browser.fills[0]?.request.expectedUrl).toBe(`${BANK}/mfa?step=2`);
  });

  it('passes the page’s refusals on, so the popup can offer the copy fallback', async () => {
    const id = await boundBank();
    f.browser.openTab(3, `${BANK}/mfa`, {
      fillResult: { status: 'no-field', code: 'no-target', message: 'no one-time-code field' },
    });
    expect(await f.value('fill/code', { tabId: 3, accountId: id, documentId: null })).toEqual({
      status: 'no-field',
      code: 'no-target',
      message: 'no one-time-code field',
    });
  });

  it('says when it may not look into the tab, and refuses everything while locked', async () => {
    const id = await boundBank();
    f.browser.openTab(3, `${BANK}/mfa`, { access: false });
    expect(await f.value('fill/context', { tabId: 3 })).toMatchObject({
      access: false,
      reason: 'no-access',
    });
    expect(
      errorCode(await f.send('fill/code', { tabId: 3, accountId: id, documentId: null })),
    ).toBe('NO_ACCESS');
    await f.value('vault/lock', {});
    f.browser.openTab(6, `${BANK}/mfa`);
    expect(
      errorCode(await f.send('fill/code', { tabId: 6, accountId: id, documentId: null })),
    ).toBe('VAULT_LOCKED');
    expect(f.browser.fills).toEqual([]);
  });
});

describe('fill from the keyboard command or the context menu', () => {
  it('fills the one account bound to the active tab’s origin', async () => {
    const [id = ''] = await f.vaultWith('Bank');
    await f.value('sites/bind', { accountId: id, origin: BANK, baseDomain: false });
    f.browser.openTab(9, `${BANK}/mfa`);
    expect(await f.services.fill.service.fillActive(9, 'command')).toMatchObject({
      status: 'filled',
    });
    expect(f.browser.fills[0]?.request.code).toBe(RFC_CODE);
    expect(f.browser.fills[0]?.target.documentId).toBe(f.browser.tabs.get(9)?.documentId);
  });

  it('refuses with no bound account or a choice to make', async () => {
    const [a = '', b = ''] = await f.vaultWith('Bank', 'Broker');
    f.browser.openTab(9, `${BANK}/mfa`);
    expect(await f.services.fill.service.fillActive(9, 'menu')).toMatchObject({
      code: 'not-bound',
    });
    await f.value('sites/bind', { accountId: a, origin: BANK, baseDomain: false });
    await f.value('sites/bind', { accountId: b, origin: BANK, baseDomain: false });
    expect(await f.services.fill.service.fillActive(9, 'command')).toMatchObject({
      code: 'ambiguous',
    });
    expect(f.browser.fills).toEqual([]);
  });
});

describe('content script requests', () => {
  it('answers labels of the accounts bound to the sender’s own origin only', async () => {
    const [bank = '', mail = ''] = await f.vaultWith('Bank', 'Mail');
    await f.value('sites/bind', { accountId: bank, origin: BANK, baseDomain: false });
    await f.value('sites/bind', {
      accountId: mail,
      origin: 'https://mail.example',
      baseDomain: false,
    });
    const reply = await f.content('content/accounts', {}, contentSender(1, `${BANK}/mfa`));
    expect(reply).toEqual({
      ok: true,
      value: {
        locked: false,
        accounts: [{ id: bank, label: 'Bank (alice)' }],
        autoFill: false,
        autoSubmit: false,
      },
    });
    const elsewhere = await f.content(
      'content/accounts',
      {},
      contentSender(1, 'https://evil.test/'),
    );
    expect(elsewhere).toMatchObject({ ok: true, value: { accounts: [] } });
    await f.value('vault/lock', {});
    expect(await f.content('content/accounts', {}, contentSender(1, `${BANK}/mfa`))).toMatchObject({
      ok: true,
      value: { locked: true, accounts: [] },
    });
  });

  it('hands out a code only for an account bound to the sender, and auto-fill only when opted in', async () => {
    const [bank = '', mail = ''] = await f.vaultWith('Bank', 'Mail');
    await f.value('sites/bind', { accountId: bank, origin: BANK, baseDomain: false });
    await f.value('sites/bind', {
      accountId: mail,
      origin: 'https://mail.example',
      baseDomain: false,
    });
    const onBank = contentSender(1, `${BANK}/mfa`);
    expect(
      await f.content('content/fill', { accountId: mail, trigger: 'inline' }, onBank),
    ).toMatchObject({ ok: false, error: { code: 'NOT_BOUND' } });
    expect(await f.content('content/fill', { accountId: bank, trigger: 'inline' }, onBank)).toEqual(
      { ok: true, value: { code: RFC_CODE, autoSubmit: false } },
    );
    expect(
      await f.content('content/fill', { accountId: bank, trigger: 'auto' }, onBank),
    ).toMatchObject({ ok: false, error: { code: 'AUTO_FILL_OFF' } });
    await f.value('fill/settings-set', {
      site: { origin: BANK, autoFill: true, autoSubmit: true },
    });
    expect(await f.content('content/fill', { accountId: bank, trigger: 'auto' }, onBank)).toEqual({
      ok: true,
      value: { code: RFC_CODE, autoSubmit: true },
    });
    // A second account bound here: auto-fill would have to choose, so it does not.
    await f.value('sites/bind', { accountId: mail, origin: BANK, baseDomain: false });
    expect(
      await f.content('content/fill', { accountId: bank, trigger: 'auto' }, onBank),
    ).toMatchObject({ ok: false, error: { code: 'AUTO_FILL_OFF' } });
  });

  it('loads the detector on bound origins (even while locked) and on all sites only when opted in', async () => {
    const [bank = ''] = await f.vaultWith('Bank');
    await f.value('sites/bind', { accountId: bank, origin: BANK, baseDomain: false });
    await f.value('vault/lock', {});
    expect(
      await f.content('content/load-detector', {}, contentSender(2, `${BANK}/x`, 'doc-7')),
    ).toEqual({ ok: true, value: { loaded: true } });
    expect(f.browser.inlineStarts).toEqual([{ tabId: 2, documentId: 'doc-7', frameId: 0 }]);
    const other = contentSender(2, 'https://other.example/');
    expect(await f.content('content/load-detector', {}, other)).toEqual({
      ok: true,
      value: { loaded: false },
    });
    await f.value('vault/unlock', { passphrase: 'correct horse battery' });
    await f.value('fill/settings-set', { allSites: true });
    expect(await f.content('content/load-detector', {}, other)).toEqual({
      ok: true,
      value: { loaded: true },
    });
  });

  it('records reports for the popup and counts what the rate limit turned away', async () => {
    await f.vaultWith('Bank');
    const sender = contentSender(5, `${BANK}/mfa`);
    for (let i = 0; i < 40; i++)
      await f.content('content/report', { outcome: 'untrusted-click' }, sender);
    const activity = await f.value('fill/activity', { tabId: 5 });
    expect(activity.entries.length).toBeLessThanOrEqual(20);
    expect(
      activity.entries.every((e) => e.outcome === 'untrusted-click' && e.source === 'inline'),
    ).toBe(true);
    expect(activity.limited).toBe(10);
  });
});
