/**
 * CORS for the emulator's test deployment and its mailbox, so a browser extension (or a
 * tester's page on another loopback port) can call it without a host permission. Only
 * extension and loopback origins are echoed back; `--production` leaves the auth API without
 * CORS, as a real deployment would be, and the extension then uses its host permission.
 */
import type { FastifyInstance } from 'fastify';

const EXPOSED = [
  'Retry-After',
  'X-SC-Error',
  'X-Request-Id',
  'X-Traceid',
  'X-Emulator-Captcha-Answer',
  'Content-Type',
].join(', ');

export function isTrustedDevOrigin(origin: string): boolean {
  if (/^(chrome|moz)-extension:\/\/[a-z0-9-]+$/i.test(origin)) return true;
  try {
    const { protocol, hostname } = new URL(origin);
    return (
      (protocol === 'http:' || protocol === 'https:') &&
      (hostname === '127.0.0.1' || hostname === 'localhost' || hostname === '[::1]')
    );
  } catch {
    return false;
  }
}

export function registerDevCors(app: FastifyInstance): void {
  app.addHook('onRequest', async (request, reply) => {
    const origin = request.headers.origin;
    if (typeof origin !== 'string' || !isTrustedDevOrigin(origin)) return;
    void reply
      .header('Access-Control-Allow-Origin', origin)
      .header('Vary', 'Origin')
      .header('Access-Control-Expose-Headers', EXPOSED);
    if (request.method !== 'OPTIONS') return;
    const asked = request.headers['access-control-request-headers'];
    await reply
      .code(204)
      .header('Access-Control-Allow-Methods', 'GET, POST, DELETE, OPTIONS')
      .header('Access-Control-Allow-Headers', typeof asked === 'string' ? asked : '*')
      .header('Access-Control-Max-Age', '600')
      .send();
  });
}
