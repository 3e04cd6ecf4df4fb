import { describe, expect, it } from 'vitest';
import type { FillSettingsView } from '../../../src/messaging/fill-protocol';
import type { SiteBinding } from '../../../src/messaging/origin-match';
import {
  createContentRegistration,
  WATCHER_FILE,
  WATCHER_SCRIPT_ID,
} from '../../../src/worker/fill/content-registration';
import { createFakeFillBrowser } from './fakes';

function setup(
  bindings: SiteBinding[],
  settings: FillSettingsView = { allSites: false, sites: {} },
) {
  const browser = createFakeFillBrowser();
  const state = { bindings, settings };
  const registration = createContentRegistration({
    api: browser.api.registration,
    boundSites: { getValue: () => Promise.resolve(state.bindings) },
    settings: { getValue: () => Promise.resolve(state.settings) },
  });
  const matches = () => browser.registered.get(WATCHER_SCRIPT_ID)?.matches ?? null;
  return { browser, state, registration, matches };
}

describe('the watcher registration', () => {
  it('registers nothing while no bound site has its permission granted', async () => {
    const { browser, registration, matches } = setup([
      { origin: 'https://bank.example', baseDomain: false },
    ]);
    expect(await registration.sync()).toEqual([]);
    expect(matches()).toBeNull();
    expect(browser.registered.size).toBe(0);
  });

  it('registers the granted bound sites only, top frames only, persisted', async () => {
    const { browser, registration } = setup([
      { origin: 'https://bank.example', baseDomain: false },
      { origin: 'http://127.0.0.1:8080', baseDomain: false },
      { origin: 'https://login.shop.example', baseDomain: true },
    ]);
    browser.granted.add('http://127.0.0.1/*');
    browser.granted.add('https://*.shop.example/*');
    await registration.sync();
    expect(browser.registered.get(WATCHER_SCRIPT_ID)).toEqual({
      id: WATCHER_SCRIPT_ID,
      js: [WATCHER_FILE],
      matches: ['http://127.0.0.1/*', 'https://*.shop.example/*'],
      allFrames: false,
      runAt: 'document_idle',
      persistAcrossSessions: true,
    });
  });

  it('updates the one registration as bindings and permissions change, and removes it at the end', async () => {
    const { browser, state, registration, matches } = setup([
      { origin: 'https://bank.example', baseDomain: false },
    ]);
    browser.granted.add('https://bank.example/*');
    await registration.sync();
    expect(matches()).toEqual(['https://bank.example/*']);
    state.bindings = [...state.bindings, { origin: 'https://mail.example', baseDomain: false }];
    browser.granted.add('https://mail.example/*');
    await registration.sync();
    expect(matches()).toEqual(['https://bank.example/*', 'https://mail.example/*']);
    browser.granted.delete('https://bank.example/*'); // the user revoked site access
    await registration.sync();
    expect(matches()).toEqual(['https://mail.example/*']);
    state.bindings = [];
    await registration.sync();
    expect(browser.registered.size).toBe(0);
  });

  it('widens to every site only when the setting is on and its permission granted', async () => {
    const { browser, state, registration, matches } = setup([], { allSites: true, sites: {} });
    await registration.sync();
    expect(matches()).toBeNull();
    browser.granted.add('https://*/*');
    browser.granted.add('http://*/*');
    await registration.sync();
    expect(matches()).toEqual(['https://*/*', 'http://*/*']);
    state.settings = { allSites: false, sites: {} };
    await registration.sync();
    expect(matches()).toBeNull();
  });

  it('survives overlapping syncs without registering the id twice', async () => {
    const { browser, registration, matches } = setup([
      { origin: 'https://bank.example', baseDomain: false },
    ]);
    browser.granted.add('https://bank.example/*');
    const results = await Promise.allSettled([
      registration.sync(),
      registration.sync(),
      registration.sync(),
    ]);
    expect(results.map((r) => r.status)).toEqual(['fulfilled', 'fulfilled', 'fulfilled']);
    expect(matches()).toEqual(['https://bank.example/*']);
  });
});
