/** SlaunchX gateway checks (providers.md §1.1), in order, before any secure-channel check. */
import type { IncomingHttpHeaders } from 'node:http';
import { ACCESS_CODES, PORTALS, type Portal } from './accounts';
import type { SxCode } from './messages';

const CF_HEADERS = ['cf-connecting-ip', 'cf-ray', 'cf-ipcountry'] as const;

/** `any`: the secure-channel endpoints accept either portal's access code (§1.1). */
export type GatewayScope = Portal | 'any';

export function checkGateway(
  headers: IncomingHttpHeaders,
  scope: GatewayScope,
  production: boolean,
): SxCode | null {
  const portals = scope === 'any' ? PORTALS : [scope];
  const access = headers['x-portal-access-code'];
  if (!portals.some((p) => ACCESS_CODES[p] === access)) return 'PORTAL_MISMATCH';
  const hash = headers['x-client-hash'];
  if (typeof hash !== 'string' || hash.length < 8 || hash.length > 128) return '4000';
  // Local/test deployments require the Cloudflare simulation headers; --production does not.
  if (!production && CF_HEADERS.some((h) => (headers[h] ?? '') === '')) {
    return 'GATEWAY.CF_HEADERS_MISSING';
  }
  return null;
}

/** X-Client-Hash after the gateway accepted it. */
export function clientHashOf(headers: IncomingHttpHeaders): string {
  const hash = headers['x-client-hash'];
  return typeof hash === 'string' ? hash : '';
}
