/**
 * Every fill service, built from its environment (worker/services.ts calls this). The browser
 * parts come in through `api` so that unit tests run the same wiring over fakes.
 */
import { createContentRouter } from '../../messaging/content-protocol';
import type { FillActivityView, FillSettingsView } from '../../messaging/fill-protocol';
import type { SiteBinding } from '../../messaging/origin-match';
import type { AccountsService } from '../accounts-service';
import type { ValueStore, VaultService } from '../vault-service';
import { createActivityLog } from './activity-log';
import { createContentHandlers } from './content-handlers';
import { createContentRegistration, type RegistrationApi } from './content-registration';
import { createFillHandlers } from './fill-handlers';
import { createFillService, type TabsLike } from './fill-service';
import type { PageInjector } from './page-injector';
import { createRateLimiter, type RateLimitOptions } from './rate-limit';
import { createSiteBindings } from './site-bindings';

export interface FillApi {
  injector: PageInjector;
  tabs: TabsLike;
  registration: RegistrationApi;
}

export interface FillDeps {
  vault: VaultService;
  accounts: Pick<AccountsService, 'hotpNext'>;
  stores: {
    boundSites: ValueStore<SiteBinding[]>;
    settings: ValueStore<FillSettingsView> & { fallback: FillSettingsView };
    activity: ValueStore<Record<string, FillActivityView[]>>;
  };
  api: FillApi;
  now: () => number;
  extensionId: string;
  extensionOrigin: string;
  rateLimit?: RateLimitOptions;
}

export function createFill(d: FillDeps) {
  const registration = createContentRegistration({
    api: d.api.registration,
    boundSites: d.stores.boundSites,
    settings: d.stores.settings,
  });
  const bindings = createSiteBindings({
    vault: d.vault,
    boundSites: d.stores.boundSites,
    onChange: async () => {
      await registration.sync().catch(() => []);
    },
  });
  const activity = createActivityLog({ store: d.stores.activity, now: d.now });
  const limiter = createRateLimiter({ now: d.now, ...d.rateLimit });
  const service = createFillService({
    vault: d.vault,
    accounts: d.accounts,
    injector: d.api.injector,
    tabs: d.api.tabs,
    settings: d.stores.settings,
    activity,
    now: d.now,
  });
  const contentRoute = createContentRouter(
    createContentHandlers({
      vault: d.vault,
      accounts: d.accounts,
      injector: d.api.injector,
      boundSites: d.stores.boundSites,
      settings: d.stores.settings,
      activity,
      now: d.now,
    }),
    { extensionId: d.extensionId, extensionOrigin: d.extensionOrigin, allow: limiter.allow },
  );
  const handlers = createFillHandlers({
    service,
    bindings,
    registration,
    settings: d.stores.settings,
    activity,
    limiter,
  });
  return { handlers, contentRoute, registration, bindings, service };
}

export type Fill = ReturnType<typeof createFill>;
