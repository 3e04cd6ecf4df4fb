/**
 * Origins and the sites an account is bound to (issue 5 §2, §3). An origin is scheme + host +
 * port, exactly as the URL Standard serialises it (`new URL(u).origin`), so `HTTPS://Example.COM:443`
 * and `https://example.com` are one origin and userinfo (`https://bank.com@evil.test`) never is
 * part of it. A binding matches its own origin only, unless the user opted in to its base
 * domain; either way the scheme and port must be the same, so an http page never matches an
 * https binding (no downgrade) and another port is another site.
 */

export interface SiteBinding {
  /** A serialised origin, e.g. `https://login.example.com` or `http://127.0.0.1:8080`. */
  origin: string;
  /** Also match the origin's base domain and every subdomain of it (same scheme and port). */
  baseDomain: boolean;
}

export interface ParsedOrigin {
  scheme: 'http:' | 'https:';
  /** Lower-case, punycode; IPv6 in brackets. */
  host: string;
  /** '' for the scheme's default port. */
  port: string;
  origin: string;
}

export type OriginProblem = 'unparsable' | 'not-http' | 'has-path-or-userinfo' | 'opaque';

/** The origin of a page URL (a sender's URL, a tab's URL); null for anything not http(s). */
export function parseOrigin(url: string): ParsedOrigin | null {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return null;
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') return null;
  if (parsed.hostname === '' || parsed.origin === 'null') return null;
  return {
    scheme: parsed.protocol,
    host: parsed.hostname,
    port: parsed.port,
    origin: parsed.origin,
  };
}

/**
 * An origin as the user binds it: a bare origin, nothing more. Refuses paths, queries and
 * userinfo rather than silently dropping them, so what is stored is what was shown.
 */
export function parseBindableOrigin(input: string): ParsedOrigin | OriginProblem {
  let parsed: URL;
  try {
    parsed = new URL(input);
  } catch {
    return 'unparsable';
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') return 'not-http';
  if (parsed.origin === 'null' || parsed.hostname === '') return 'opaque';
  if (parsed.username !== '' || parsed.password !== '' || parsed.origin !== input) {
    return 'has-path-or-userinfo';
  }
  return parseOrigin(input) ?? 'unparsable';
}

const IPV4 = /^\d{1,3}(?:\.\d{1,3}){3}$/;

/**
 * Secure Contexts §3.1 "potentially trustworthy origin", narrowed to what Authdeck fills on:
 * https, or http on loopback (127.0.0.0/8, [::1], `localhost` and `*.localhost`, which
 * RFC 6761 §6.3 reserves for loopback). `localhost.` with a trailing dot is a different name
 * to this check and is refused.
 */
export function isTrustworthy(origin: ParsedOrigin): boolean {
  if (origin.scheme === 'https:') return true;
  const host = origin.host;
  if (host === 'localhost' || host.endsWith('.localhost')) return true;
  if (host === '[::1]') return true;
  return IPV4.test(host) && host.startsWith('127.');
}

/**
 * Suffixes under which each label is a separate registrant. A short list of the common ones,
 * not the Public Suffix List (no copy ships with Authdeck): a base-domain binding under a
 * suffix missing here is broader than it should be, which is why base-domain matching is an
 * opt-in the popup spells out ("all of example.co.uk").
 */
const MULTI_LABEL_SUFFIXES = new Set([
  'co.uk',
  'org.uk',
  'ac.uk',
  'gov.uk',
  'com.au',
  'net.au',
  'org.au',
  'co.nz',
  'co.jp',
  'ne.jp',
  'or.jp',
  'ac.jp',
  'go.jp',
  'co.kr',
  'or.kr',
  'com.cn',
  'net.cn',
  'org.cn',
  'gov.cn',
  'edu.cn',
  'com.tw',
  'net.tw',
  'org.tw',
  'idv.tw',
  'com.hk',
  'org.hk',
  'com.vn',
  'net.vn',
  'edu.vn',
  'gov.vn',
  'com.br',
  'com.mx',
  'co.in',
  'co.za',
  'com.sg',
  'com.tr',
  // Hosting platforms where every subdomain belongs to someone else.
  'github.io',
  'gitlab.io',
  'herokuapp.com',
  'vercel.app',
  'netlify.app',
  'pages.dev',
  'workers.dev',
  'appspot.com',
  'web.app',
  'firebaseapp.com',
  'blogspot.com',
  'cloudfront.net',
  'azurewebsites.net',
  'amazonaws.com',
]);

/**
 * The registrable domain of `host` (one label below its public suffix), or null where there
 * is none: IP addresses, single labels, and a host that is itself a suffix.
 */
export function baseDomainOf(host: string): string | null {
  if (IPV4.test(host) || host.startsWith('[')) return null;
  const labels = host.split('.');
  if (labels.length < 2 || labels.some((l) => l === '')) return null;
  const suffixLength = (() => {
    if (labels.at(-1) === 'localhost') return 1; // RFC 6761 §6.3: `app.localhost` is one site
    const lastTwo = labels.slice(-2).join('.');
    if (MULTI_LABEL_SUFFIXES.has(lastTwo)) return 2;
    const lastThree = labels.slice(-3).join('.');
    return MULTI_LABEL_SUFFIXES.has(lastThree) ? 3 : 1;
  })();
  if (labels.length <= suffixLength) return null;
  return labels.slice(-(suffixLength + 1)).join('.');
}

/** Whether a page of origin `page` may be filled for an account bound by `binding`. */
export function bindingMatches(binding: SiteBinding, page: ParsedOrigin): boolean {
  const bound = parseOrigin(binding.origin);
  if (bound === null || bound.origin !== binding.origin) return false;
  if (bound.origin === page.origin) return true;
  if (!binding.baseDomain) return false;
  if (bound.scheme !== page.scheme || bound.port !== page.port) return false;
  const base = baseDomainOf(bound.host);
  if (base === null) return false;
  return page.host === base || page.host.endsWith(`.${base}`);
}

/**
 * The match pattern covering a binding, for host permissions and content-script
 * registration. Patterns carry no port (Firefox does not support one); the worker checks the
 * port of every sender itself, so a script running on another port of the host asks in vain.
 */
export function matchPatternOf(binding: SiteBinding): string | null {
  const bound = parseOrigin(binding.origin);
  if (bound === null) return null;
  if (!binding.baseDomain) return `${bound.scheme}//${bound.host}/*`;
  const base = baseDomainOf(bound.host);
  return base === null ? `${bound.scheme}//${bound.host}/*` : `${bound.scheme}//*.${base}/*`;
}

/** Every http(s) site: the all-sites setting's host permission and registration. */
export const ALL_SITE_PATTERNS = ['https://*/*', 'http://*/*'];
