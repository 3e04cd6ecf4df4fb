/**
 * The worker's answers to content scripts (messaging/content-protocol.ts has the sender check
 * and rate limit). Every answer is about the sender's own origin, which the browser reported:
 * labels of accounts bound to it, and one code of one of them.
 */
import type { ContentHandlers, ContentSender } from '../../messaging/content-protocol';
import type { FillSettingsView } from '../../messaging/fill-protocol';
import { bindingMatches, parseOrigin, type SiteBinding } from '../../messaging/origin-match';
import { ActionError } from '../../messaging/router';
import { generateCode } from '../../otp';
import type { AccountsService } from '../accounts-service';
import type { StoredAccount } from '../vault-contents';
import type { ValueStore, VaultService } from '../vault-service';
import type { ActivityLog } from './activity-log';
import { siteSettingsOf } from './fill-service';
import type { PageInjector } from './page-injector';
import { accountsBoundTo } from './site-bindings';

export interface ContentHandlerDeps {
  vault: VaultService;
  accounts: Pick<AccountsService, 'hotpNext'>;
  injector: PageInjector;
  boundSites: Pick<ValueStore<SiteBinding[]>, 'getValue'>;
  settings: Pick<ValueStore<FillSettingsView>, 'getValue'>;
  activity: ActivityLog;
  now: () => number;
}

const labelOf = (a: StoredAccount) => (a.issuer === '' ? a.label : `${a.issuer} (${a.label})`);

function originOf(sender: ContentSender) {
  const origin = parseOrigin(sender.origin);
  // The router only lets trustworthy http(s) origins through; this is its contract restated.
  if (origin === null) throw new ActionError('SENDER_REFUSED', 'Not a web page.');
  return origin;
}

export function createContentHandlers(d: ContentHandlerDeps): ContentHandlers {
  /** Readable while locked: the label-free origin list decides where the detector may run. */
  async function detectorAllowed(sender: ContentSender): Promise<boolean> {
    if ((await d.settings.getValue())?.allSites === true) return true;
    const origin = originOf(sender);
    return ((await d.boundSites.getValue()) ?? []).some((b) => bindingMatches(b, origin));
  }

  async function boundAccounts(sender: ContentSender): Promise<StoredAccount[]> {
    return accountsBoundTo(await d.vault.read(), originOf(sender));
  }

  return {
    'content/load-detector': async (_payload, sender) => {
      if (!(await detectorAllowed(sender))) return { loaded: false };
      await d.injector.startInline({
        tabId: sender.tabId,
        documentId: sender.documentId,
        frameId: sender.frameId,
      });
      return { loaded: true };
    },

    'content/accounts': async (_payload, sender) => {
      const site = await siteSettingsOf(d.settings, sender.origin);
      if ((await d.vault.state()) !== 'unlocked') {
        return { locked: true, accounts: [], autoFill: false, autoSubmit: false };
      }
      const accounts = (await boundAccounts(sender)).map((a) => ({ id: a.id, label: labelOf(a) }));
      return { locked: false, accounts, ...site };
    },

    'content/fill': async ({ accountId, trigger }, sender) => {
      const bound = await boundAccounts(sender);
      const account = bound.find((a) => a.id === accountId);
      if (account === undefined) {
        throw new ActionError('NOT_BOUND', 'That account is not bound to this site.');
      }
      const site = await siteSettingsOf(d.settings, sender.origin);
      // Auto-fill (no click): the site opted in, and there is no account to choose between.
      if (trigger === 'auto' && (!site.autoFill || bound.length !== 1)) {
        throw new ActionError('AUTO_FILL_OFF', 'Auto-fill is off for this site.');
      }
      const code =
        account.type === 'hotp'
          ? (await d.accounts.hotpNext(account.id)).code
          : generateCode(account, d.now());
      if (code === null) throw new ActionError('INTERNAL', 'No code.');
      return { code, autoSubmit: site.autoSubmit };
    },

    'content/report': async ({ outcome }, sender) => {
      await d.activity.record(sender.tabId, 'inline', outcome);
      return null;
    },
  };
}
