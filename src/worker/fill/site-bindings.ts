/**
 * Which accounts fill on which sites (issue 5 §3). Bindings live in the vault records
 * (`StoredAccount.sites`); every change also rewrites the label-free list of bound origins in
 * storage.local, from which the content-script registration is built while the vault may be
 * locked.
 */
import type { SiteBindingView } from '../../messaging/fill-protocol';
import {
  baseDomainOf,
  bindingMatches,
  isTrustworthy,
  parseBindableOrigin,
  type ParsedOrigin,
  type SiteBinding,
} from '../../messaging/origin-match';
import { ActionError } from '../../messaging/router';
import type { StoredAccount, VaultContents } from '../vault-contents';
import type { ValueStore, VaultService } from '../vault-service';

export interface SiteBindingsDeps {
  vault: VaultService;
  boundSites: Pick<ValueStore<SiteBinding[]>, 'getValue' | 'setValue'>;
  /** After the bound origins changed (content-script registration). */
  onChange?: () => Promise<void>;
}

export function toBindingView(b: SiteBinding): SiteBindingView {
  const host = new URL(b.origin).hostname;
  return {
    origin: b.origin,
    baseDomain: b.baseDomain,
    covers: b.baseDomain ? baseDomainOf(host) : null,
  };
}

/** Every distinct binding in the vault, sorted, so the stored list only changes when they do. */
export function distinctBindings(contents: VaultContents): SiteBinding[] {
  const keys = new Map<string, SiteBinding>();
  for (const account of contents.accounts) {
    for (const site of account.sites ?? []) {
      keys.set(`${site.origin} ${site.baseDomain}`, {
        origin: site.origin,
        baseDomain: site.baseDomain,
      });
    }
  }
  return [...keys.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([, b]) => b);
}

/** The accounts that may fill on a page of `origin`, in vault order. */
export function accountsBoundTo(contents: VaultContents, origin: ParsedOrigin): StoredAccount[] {
  return contents.accounts.filter((a) => (a.sites ?? []).some((s) => bindingMatches(s, origin)));
}

function requireBindable(origin: string, baseDomain: boolean): ParsedOrigin {
  const parsed = parseBindableOrigin(origin);
  if (typeof parsed === 'string') {
    throw new ActionError('ORIGIN_INVALID', `Not a site origin (${parsed}).`);
  }
  if (!isTrustworthy(parsed)) {
    throw new ActionError('INSECURE_ORIGIN', 'Codes are filled over HTTPS (or loopback) only.');
  }
  if (baseDomain && baseDomainOf(parsed.host) === null) {
    throw new ActionError(
      'ORIGIN_INVALID',
      'This site has no base domain to widen the binding to.',
    );
  }
  return parsed;
}

function findAccount(contents: VaultContents, id: string): StoredAccount {
  const account = contents.accounts.find((a) => a.id === id);
  if (!account) throw new ActionError('ACCOUNT_NOT_FOUND', 'That account no longer exists.');
  return account;
}

export function createSiteBindings({ vault, boundSites, onChange }: SiteBindingsDeps) {
  /** Rewrites the stored origin list from the vault; true when it changed. */
  async function syncStored(contents: VaultContents): Promise<boolean> {
    const next = distinctBindings(contents);
    const current = (await boundSites.getValue()) ?? [];
    if (JSON.stringify(current) === JSON.stringify(next)) return false;
    await boundSites.setValue(next);
    await onChange?.();
    return true;
  }

  async function change(
    accountId: string,
    edit: (sites: SiteBinding[]) => SiteBinding[],
  ): Promise<SiteBindingView[]> {
    const { contents, sites } = await vault.update((contents) => {
      const account = findAccount(contents, accountId);
      const sites = edit(account.sites ?? []);
      const next = { ...account, sites };
      const accounts = contents.accounts.map((a) => (a.id === accountId ? next : a));
      const updated = { ...contents, accounts };
      return { contents: updated, result: { contents: updated, sites } };
    });
    await syncStored(contents);
    return sites.map(toBindingView);
  }

  return {
    list: async (accountId: string) =>
      (findAccount(await vault.read(), accountId).sites ?? []).map(toBindingView),

    bind: (accountId: string, origin: string, baseDomain: boolean) => {
      const parsed = requireBindable(origin, baseDomain);
      return change(accountId, (sites) => [
        ...sites.filter((s) => s.origin !== parsed.origin),
        { origin: parsed.origin, baseDomain },
      ]);
    },

    unbind: (accountId: string, origin: string) =>
      change(accountId, (sites) => sites.filter((s) => s.origin !== origin)),

    accountsFor: async (origin: ParsedOrigin) => accountsBoundTo(await vault.read(), origin),

    /** After an unlock or an account deletion: the stored list follows the vault. */
    resync: async () => syncStored(await vault.read()),
  };
}

export type SiteBindings = ReturnType<typeof createSiteBindings>;
