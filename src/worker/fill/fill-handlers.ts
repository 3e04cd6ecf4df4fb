/**
 * The worker's answers to the popup's fill, binding and fill-settings messages
 * (messaging/fill-protocol.ts). Changes of bindings or of the all-sites setting re-sync the
 * watcher's registration; the popup has already asked for the host permission they need.
 */
import type { FillReplies, FillSettingsView } from '../../messaging/fill-protocol';
import { parseBindableOrigin } from '../../messaging/origin-match';
import { ActionError, type UiHandlers } from '../../messaging/router';
import type { ValueStore } from '../vault-service';
import type { ActivityLog } from './activity-log';
import type { ContentRegistration } from './content-registration';
import type { FillService } from './fill-service';
import type { RateLimiter } from './rate-limit';
import type { SiteBindings } from './site-bindings';

export interface FillHandlerDeps {
  service: FillService;
  bindings: SiteBindings;
  registration: ContentRegistration;
  settings: ValueStore<FillSettingsView> & { fallback: FillSettingsView };
  activity: ActivityLog;
  limiter: RateLimiter;
}

export type FillUiHandlers = Pick<UiHandlers, keyof FillReplies>;

export function createFillHandlers(d: FillHandlerDeps): FillUiHandlers {
  const readSettings = async (): Promise<FillSettingsView> => ({
    ...d.settings.fallback,
    ...(await d.settings.getValue()),
  });
  /** Registration follows on its own; a failure there must not undo the user's change. */
  const resync = () => d.registration.sync().catch(() => []);

  return {
    'fill/context': ({ tabId }) => d.service.context(tabId),
    'fill/code': ({ tabId, accountId, documentId }) =>
      d.service.fillCode(tabId, accountId, documentId),
    'fill/activity': async ({ tabId }) => ({
      entries: await d.activity.list(tabId),
      limited: d.limiter.limited(tabId),
    }),
    'fill/settings-get': readSettings,
    'fill/settings-set': async ({ allSites, site }) => {
      const current = await readSettings();
      const next: FillSettingsView = {
        allSites: allSites ?? current.allSites,
        sites: { ...current.sites },
      };
      if (site !== undefined) {
        const parsed = parseBindableOrigin(site.origin);
        if (typeof parsed === 'string')
          throw new ActionError('ORIGIN_INVALID', 'Not a site origin.');
        next.sites[parsed.origin] = { autoFill: site.autoFill, autoSubmit: site.autoSubmit };
      }
      await d.settings.setValue(next);
      if (next.allSites !== current.allSites) await resync();
      return next;
    },
    'sites/list': ({ accountId }) => d.bindings.list(accountId),
    'sites/bind': ({ accountId, origin, baseDomain }) =>
      d.bindings.bind(accountId, origin, baseDomain),
    'sites/unbind': ({ accountId, origin }) => d.bindings.unbind(accountId, origin),
  };
}
