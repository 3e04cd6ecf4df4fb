/**
 * In-memory stand-ins for the browser parts of fill (worker/fill/create-fill.ts `FillApi`):
 * tabs whose documents change on navigation, an injector that fills a recorded "page", and
 * scripting registration with granted host permissions. WXT's fake browser implements none
 * of scripting, permissions or document ids.
 */
import type { FillApi } from '../../../src/worker/fill/create-fill';
import type { RegisteredScript } from '../../../src/worker/fill/content-registration';
import { InjectionError, type InjectTarget } from '../../../src/worker/fill/page-injector';
import type {
  PageFillRequest,
  PageFillResult,
  PageProbeResult,
} from '../../../src/messaging/page-contract';

export interface FakeTab {
  url: string;
  documentId: string;
  /** What the detector would find: fillable, or why not. */
  probe: Omit<PageProbeResult, 'origin'>;
  /** What the in-page fill answers (the real one is tested in page-fill.test.ts). */
  fillResult: PageFillResult;
  /** Host permission or activeTab: without it injection fails as in Chrome. */
  access: boolean;
}

export interface FakeFillBrowser {
  api: FillApi;
  tabs: Map<number, FakeTab>;
  /** Every fill request the page received, with its target. */
  fills: { target: InjectTarget; request: PageFillRequest }[];
  inlineStarts: InjectTarget[];
  registered: Map<string, RegisteredScript>;
  granted: Set<string>;
  navigate(tabId: number, url: string): void;
  openTab(tabId: number, url: string, tab?: Partial<FakeTab>): void;
}

let documents = 0;

export function createFakeFillBrowser(): FakeFillBrowser {
  const tabs = new Map<number, FakeTab>();
  const fills: FakeFillBrowser['fills'] = [];
  const inlineStarts: InjectTarget[] = [];
  const registered = new Map<string, RegisteredScript>();
  const granted = new Set<string>();

  const tabFor = (target: InjectTarget): FakeTab => {
    const tab = tabs.get(target.tabId);
    if (tab === undefined) throw new InjectionError('NAVIGATED', 'No tab with id');
    if (!tab.access) throw new InjectionError('NO_ACCESS', 'Cannot access contents of the page');
    if (target.documentId !== null && target.documentId !== tab.documentId) {
      throw new InjectionError('NAVIGATED', `No document with id ${target.documentId}`);
    }
    return tab;
  };

  const api: FillApi = {
    tabs: {
      get: (tabId) => {
        const tab = tabs.get(tabId);
        return tab === undefined
          ? Promise.reject(new Error(`No tab with id: ${tabId}`))
          : Promise.resolve({ id: tabId, url: tab.url });
      },
    },
    injector: {
      probe: (tabId) => {
        const tab = tabFor({ tabId, documentId: null, frameId: 0 });
        const result = { origin: new URL(tab.url).origin, ...tab.probe };
        return Promise.resolve({ documentId: tab.documentId, result });
      },
      fill: async (target, request) => {
        await Promise.resolve();
        const tab = tabFor(target);
        fills.push({ target, request });
        return tab.fillResult;
      },
      startInline: (target) => {
        inlineStarts.push(target);
        return Promise.resolve();
      },
    },
    registration: {
      getRegisteredContentScripts: ({ ids }) =>
        Promise.resolve(
          ids.flatMap((id) => {
            const script = registered.get(id);
            return script === undefined ? [] : [structuredClone(script)];
          }),
        ),
      registerContentScripts: (scripts) => {
        for (const s of scripts) {
          if (registered.has(s.id))
            return Promise.reject(new Error(`Duplicate script ID '${s.id}'`));
          registered.set(s.id, structuredClone(s));
        }
        return Promise.resolve();
      },
      updateContentScripts: (scripts) => {
        for (const s of scripts) {
          if (!registered.has(s.id))
            return Promise.reject(new Error(`No script with ID '${s.id}'`));
          registered.set(s.id, structuredClone(s));
        }
        return Promise.resolve();
      },
      unregisterContentScripts: ({ ids }) => {
        for (const id of ids) registered.delete(id);
        return Promise.resolve();
      },
      permissionsContains: (origins) => Promise.resolve(origins.every((o) => granted.has(o))),
    },
  };

  return {
    api,
    tabs,
    fills,
    inlineStarts,
    registered,
    granted,
    navigate(tabId, url) {
      const tab = tabs.get(tabId);
      if (tab === undefined) throw new Error(`no tab ${tabId}`);
      tab.url = url;
      tab.documentId = `doc-${++documents}`;
    },
    openTab(tabId, url, extra = {}) {
      tabs.set(tabId, {
        url,
        documentId: `doc-${++documents}`,
        probe: { kind: 'mfa', fillable: true, reason: null, shape: 'single' },
        fillResult: { status: 'filled', shape: 'single' },
        access: true,
        ...extra,
      });
    },
  };
}
