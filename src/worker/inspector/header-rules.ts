/**
 * The header rule of a test profile (issue 6): a declarativeNetRequest session rule that adds
 * the headers a local/test SlaunchX gateway wants (providers.md §1.1) to page requests to that
 * profile's origin, so a tester's own page or API client there passes the gateway checks.
 * Pure: the rule JSON is built here, applied by header-rules-service.ts.
 */
import type { ProfileRecord } from '../signin/profile-rules';

/** Page loads, frames, fetch/XHR and the rest a page's scripts send (beacons, …). */
export const RULE_RESOURCE_TYPES = ['main_frame', 'sub_frame', 'xmlhttprequest', 'other'] as const;

export type RuleResourceType = (typeof RULE_RESOURCE_TYPES)[number];

export interface RuleHeader {
  header: string;
  operation: 'set';
  value: string;
}

/** The slice of `declarativeNetRequest.Rule` these rules use. */
export interface HeaderRule {
  id: number;
  priority: number;
  action: { type: 'modifyHeaders'; requestHeaders: RuleHeader[] };
  condition: {
    requestDomains: string[];
    urlFilter: string;
    resourceTypes: RuleResourceType[];
    excludedTabIds: number[];
  };
}

/** `tabs.TAB_ID_NONE`: requests from no tab, such as the extension's own worker. */
const TAB_ID_NONE = -1;

export interface RuleTarget {
  origin: string;
  /** The host the rule is limited to, e.g. `127.0.0.1`. */
  domain: string;
}

export function ruleTarget(profile: Pick<ProfileRecord, 'baseUrl'>): RuleTarget | null {
  try {
    const url = new URL(profile.baseUrl);
    return { origin: url.origin, domain: url.hostname };
  } catch {
    return null;
  }
}

/** A Cloudflare ray id as the adapters send it on test profiles: 16 hex digits and `-DEV`. */
export function devRay(randomBytes: (n: number) => Uint8Array): string {
  const hex = Array.from(randomBytes(8), (b) => b.toString(16).padStart(2, '0')).join('');
  return `${hex}-DEV`;
}

/** providers.md §1.1: Cloudflare's headers on a local/test gateway, and SlaunchX's portal code. */
export function ruleHeaders(profile: ProfileRecord, ray: string): RuleHeader[] {
  const headers: RuleHeader[] = [
    { header: 'CF-Connecting-IP', operation: 'set', value: '127.0.0.1' },
    { header: 'Cf-Ray', operation: 'set', value: ray },
    { header: 'cf-ipcountry', operation: 'set', value: 'XX' },
  ];
  if (profile.family === 'slaunchx' && (profile.accessCode ?? '') !== '') {
    headers.push({
      header: 'X-PORTAL-ACCESS-CODE',
      operation: 'set',
      value: profile.accessCode ?? '',
    });
  }
  return headers;
}

/** The header names a profile's rule sets (what the UI lists; the values stay in the worker). */
export function ruleHeaderNames(profile: ProfileRecord): string[] {
  return ruleHeaders(profile, '').map((h) => h.header);
}

/**
 * The session rule for one test profile. `requestDomains` alone would also match subdomains
 * and every port of the host; the `urlFilter` anchored at the origin and ending in `/` limits
 * it to the profile's scheme, host and port.
 */
export function buildHeaderRule(
  profile: ProfileRecord,
  id: number,
  ray: string,
): HeaderRule | null {
  const target = ruleTarget(profile);
  if (target === null || profile.environment !== 'test') return null;
  return {
    id,
    priority: 1,
    action: { type: 'modifyHeaders', requestHeaders: ruleHeaders(profile, ray) },
    condition: {
      requestDomains: [target.domain],
      urlFilter: `|${target.origin}/`,
      resourceTypes: [...RULE_RESOURCE_TYPES],
      // Page requests only: the adapters set these headers themselves, and the request log
      // must show what they sent.
      excludedTabIds: [TAB_ID_NONE],
    },
  };
}
