/**
 * The fill part of the popup/options → worker protocol (issue 5 §2–§4). The popup never sees
 * a page's DOM: it asks the worker what the current tab is (`fill/context`), and a click on
 * "Fill" is the trusted gesture that lets the worker inject the fill into that tab. Origins in
 * these messages come from the worker's own reading of the tab, shown back by the popup; the
 * worker re-reads the tab before every fill and never takes a page's word for its origin.
 */
import * as v from 'valibot';

const id = v.pipe(v.string(), v.minLength(1), v.maxLength(64));
const tabId = v.pipe(v.number(), v.integer(), v.minValue(0));
const origin = v.pipe(v.string(), v.minLength(1), v.maxLength(300));

export interface SiteBindingView {
  origin: string;
  baseDomain: boolean;
  /** The domain a base-domain binding covers, e.g. `example.com`; null for exact bindings. */
  covers: string | null;
}

export interface SiteSettingsView {
  /** Fill without a click when exactly one bound account matches a one-time-code field. */
  autoFill: boolean;
  /** Submit the form after a fill. */
  autoSubmit: boolean;
}

export interface FillSettingsView {
  /** Detection (and the inline button) on every site, not only bound ones. */
  allSites: boolean;
  sites: Record<string, SiteSettingsView>;
}

/** What the popup shows about the tab it was opened over. */
export interface FillContextView {
  tabId: number;
  /** Null for pages Authdeck never fills (browser pages, files, extension pages). */
  origin: string | null;
  /** https or loopback http. */
  secure: boolean;
  /** The worker could look into the page (activeTab or a granted host permission). */
  access: boolean;
  /** The page has a fillable one-time-code field right now. */
  fillable: boolean;
  /** Why `fillable` is false, for display. */
  reason: string | null;
  /** The document the popup saw; a fill aimed at it refuses once the tab has navigated. */
  documentId: string | null;
  /** Accounts bound to this origin, in vault order. */
  boundAccountIds: string[];
  site: SiteSettingsView;
  /** The base domain a binding could be widened to, or null (IP addresses, single labels). */
  baseDomain: string | null;
}

export type FillStatus = 'filled' | 'no-field' | 'refused';

export interface FillOutcomeView {
  status: FillStatus;
  /** `filled`, or why not: a detect/ FillRefusalCode, `navigated`, `needs-typing`… */
  code: string;
  message: string;
}

/** One recent attempt on a tab (inline button, auto-fill, command), newest last. */
export interface FillActivityView {
  at: number;
  source: 'popup' | 'command' | 'menu' | 'inline' | 'auto';
  outcome: string;
}

export const fillSchemas = {
  'fill/context': v.strictObject({ tabId }),
  'fill/code': v.strictObject({
    tabId,
    accountId: id,
    /** From `fill/context`; null when the browser has no document ids (Firefox). */
    documentId: v.nullable(v.pipe(v.string(), v.maxLength(128))),
  }),
  'fill/activity': v.strictObject({ tabId }),
  'fill/settings-get': v.strictObject({}),
  'fill/settings-set': v.strictObject({
    allSites: v.optional(v.boolean()),
    site: v.optional(v.strictObject({ origin, autoFill: v.boolean(), autoSubmit: v.boolean() })),
  }),
  'sites/list': v.strictObject({ accountId: id }),
  'sites/bind': v.strictObject({ accountId: id, origin, baseDomain: v.boolean() }),
  'sites/unbind': v.strictObject({ accountId: id, origin }),
} satisfies Record<string, v.GenericSchema>;

export interface FillReplies {
  'fill/context': FillContextView;
  'fill/code': FillOutcomeView;
  'fill/activity': { entries: FillActivityView[]; limited: number };
  'fill/settings-get': FillSettingsView;
  'fill/settings-set': FillSettingsView;
  'sites/list': SiteBindingView[];
  'sites/bind': SiteBindingView[];
  'sites/unbind': SiteBindingView[];
}
