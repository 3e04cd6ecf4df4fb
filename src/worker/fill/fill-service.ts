/**
 * Filling a code into a tab on a trusted gesture: the popup's Fill button, the `fill-otp`
 * keyboard command, or the context-menu item (issue 5 §2). The page's origin is read from the
 * browser's tab, never from the page, and checked before any code is made:
 *
 *   tab URL ─▶ http(s)? trustworthy? ─▶ account bound to this origin? ─▶ code
 *     ─▶ inject into the top frame (pinned to the document the gesture was about)
 *     ─▶ in the page: same origin still, visible unobscured fields ─▶ FillOutcomeView
 */
import type {
  FillContextView,
  FillOutcomeView,
  FillSettingsView,
  SiteSettingsView,
} from '../../messaging/fill-protocol';
import {
  baseDomainOf,
  bindingMatches,
  isTrustworthy,
  parseOrigin,
  type ParsedOrigin,
} from '../../messaging/origin-match';
import type { PageFillResult } from '../../messaging/page-contract';
import { ActionError } from '../../messaging/router';
import { generateCode } from '../../otp';
import type { AccountsService } from '../accounts-service';
import type { StoredAccount } from '../vault-contents';
import type { ValueStore, VaultService } from '../vault-service';
import type { ActivityLog } from './activity-log';
import { InjectionError, type PageInjector } from './page-injector';
import { accountsBoundTo } from './site-bindings';

export interface TabsLike {
  get(tabId: number): Promise<{ id?: number; url?: string }>;
}

export interface FillServiceDeps {
  vault: VaultService;
  accounts: Pick<AccountsService, 'hotpNext'>;
  injector: PageInjector;
  tabs: TabsLike;
  settings: Pick<ValueStore<FillSettingsView>, 'getValue'>;
  activity: ActivityLog;
  now: () => number;
}

export type GestureSource = 'popup' | 'command' | 'menu';

const NO_SITE: SiteSettingsView = { autoFill: false, autoSubmit: false };

export async function siteSettingsOf(
  settings: FillServiceDeps['settings'],
  origin: string,
): Promise<SiteSettingsView> {
  return (await settings.getValue())?.sites[origin] ?? NO_SITE;
}

function outcomeOf(result: PageFillResult): FillOutcomeView {
  if (result.status === 'filled') {
    return { status: 'filled', code: 'filled', message: `filled (${result.shape})` };
  }
  const status = result.status === 'no-field' ? 'no-field' : 'refused';
  return { status, code: result.code, message: result.message };
}

async function readTabOrigin(
  tabs: TabsLike,
  tabId: number,
): Promise<{ url: string; origin: ParsedOrigin }> {
  const url = (await tabs.get(tabId)).url ?? '';
  const origin = parseOrigin(url);
  if (origin === null)
    throw new ActionError('NOT_A_WEB_PAGE', 'Codes are filled into web pages only.');
  if (!isTrustworthy(origin)) {
    throw new ActionError('INSECURE_ORIGIN', 'Codes are filled over HTTPS (or loopback) only.');
  }
  return { url, origin };
}

function rethrowInjection(error: unknown): never {
  if (error instanceof InjectionError) throw new ActionError(error.code, error.message);
  throw error;
}

export function createFillService(d: FillServiceDeps) {
  async function codeOf(account: StoredAccount): Promise<string> {
    if (account.type !== 'hotp') return generateCode(account, d.now());
    // HOTP: the counter moves before the code leaves the worker (issue 2 §5).
    const next = await d.accounts.hotpNext(account.id);
    if (next.code === null) throw new ActionError('INTERNAL', 'No HOTP code.');
    return next.code;
  }

  async function fillInto(
    tabId: number,
    account: StoredAccount,
    documentId: string | null,
    source: GestureSource,
  ): Promise<FillOutcomeView> {
    const { url, origin } = await readTabOrigin(d.tabs, tabId);
    if (!(account.sites ?? []).some((s) => bindingMatches(s, origin))) {
      throw new ActionError('NOT_BOUND', `This account is not bound to ${origin.origin}.`);
    }
    const site = await siteSettingsOf(d.settings, origin.origin);
    const request = {
      code: await codeOf(account),
      expectedOrigin: origin.origin,
      // Without a document id the exact URL stands in for "the same page".
      expectedUrl: documentId === null ? url : null,
      autoSubmit: site.autoSubmit,
    };
    const outcome = outcomeOf(
      await d.injector.fill({ tabId, documentId, frameId: 0 }, request).catch(rethrowInjection),
    );
    await d.activity.record(tabId, source, outcome.code);
    return outcome;
  }

  async function findAccount(accountId: string): Promise<StoredAccount> {
    const account = (await d.vault.read()).accounts.find((a) => a.id === accountId);
    if (!account) throw new ActionError('ACCOUNT_NOT_FOUND', 'That account no longer exists.');
    return account;
  }

  return {
    async context(tabId: number): Promise<FillContextView> {
      const url = (await d.tabs.get(tabId)).url ?? '';
      const origin = parseOrigin(url);
      const base: FillContextView = {
        tabId,
        origin: origin?.origin ?? null,
        secure: origin !== null && isTrustworthy(origin),
        access: false,
        fillable: false,
        reason: origin === null ? 'not-a-web-page' : null,
        documentId: null,
        boundAccountIds: [],
        site: origin === null ? NO_SITE : await siteSettingsOf(d.settings, origin.origin),
        baseDomain: origin === null ? null : baseDomainOf(origin.host),
      };
      if (origin === null) return base;
      const contents = await d.vault.read();
      base.boundAccountIds = accountsBoundTo(contents, origin).map((a) => a.id);
      if (!base.secure) return { ...base, reason: 'insecure' };
      try {
        const { documentId, result } = await d.injector.probe(tabId);
        return {
          ...base,
          access: true,
          documentId,
          fillable: result.fillable,
          // Chrome drops null members of what an injected function returns.
          reason: result.reason ?? null,
        };
      } catch (error) {
        if (!(error instanceof InjectionError)) throw error;
        return { ...base, reason: error.code === 'NO_ACCESS' ? 'no-access' : 'unreachable' };
      }
    },

    /** The popup's Fill: the click was the gesture; the document is the one it showed. */
    async fillCode(tabId: number, accountId: string, documentId: string | null) {
      return fillInto(tabId, await findAccount(accountId), documentId, 'popup');
    },

    /**
     * The keyboard command and the context menu: the active tab, and the one account bound to
     * its origin. Several bound accounts are refused (the popup lets the user choose).
     */
    async fillActive(tabId: number, source: 'command' | 'menu'): Promise<FillOutcomeView> {
      const { origin } = await readTabOrigin(d.tabs, tabId);
      const bound = accountsBoundTo(await d.vault.read(), origin);
      const only = bound.length === 1 ? bound[0] : undefined;
      if (only === undefined) {
        const code = bound.length === 0 ? 'not-bound' : 'ambiguous';
        await d.activity.record(tabId, source, code);
        return { status: 'refused', code, message: `${bound.length} accounts bound to this site` };
      }
      const probed = await d.injector.probe(tabId).catch(rethrowInjection);
      return fillInto(tabId, only, probed.documentId, source);
    },
  };
}

export type FillService = ReturnType<typeof createFillService>;
