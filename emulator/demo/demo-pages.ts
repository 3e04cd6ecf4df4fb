/**
 * Demo sign-in pages (design.md "The emulator"): plain HTML and ES modules under `public/`,
 * served at `/demo/` on the auth port, so a page and the provider API it drives share one
 * origin. The server registers this only outside `--production`. Every answer carries a strict
 * Content-Security-Policy: the pages hold no inline script or style, and a page that grows one
 * breaks visibly instead of silently weakening what the extension's tests run against.
 */
import { readFile, stat } from 'node:fs/promises';
import { extname, resolve, sep } from 'node:path';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';

export const DEMO_PREFIX = '/demo';
export const DEMO_CSP =
  "default-src 'self'; img-src 'self' data:; script-src 'self'; style-src 'self'";
const DEFAULT_ROOT = resolve(import.meta.dirname, 'public');

// Only these are served; anything else under the root (or outside it) is a 404.
const CONTENT_TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
};

export interface DemoPagesOptions {
  /** Folder holding the static files; defaults to `emulator/demo/public`. */
  root?: string;
}

type DemoTarget =
  | { kind: 'file'; path: string; type: string }
  | { kind: 'directory'; path: string }
  | { kind: 'none' };

/**
 * Maps the part of the URL path after `/demo/` to a file under `root`. Segments that are empty
 * (besides a trailing slash), dot-prefixed or hold a separator or NUL are refused, so neither
 * `..` nor an encoded `%2e%2e%2f` nor a dotfile can leave or probe the folder.
 */
export function resolveDemoPath(root: string, rest: string): string | null {
  const segments = rest.split('/');
  const wantsIndex = rest === '' || rest.endsWith('/');
  if (wantsIndex) segments.pop();
  const unsafe = (s: string) => s === '' || s.startsWith('.') || /[\\\0]/.test(s);
  if (segments.some(unsafe)) return null;
  if (wantsIndex) segments.push('index.html');
  const path = resolve(root, ...segments);
  return path.startsWith(root + sep) ? path : null;
}

async function locate(root: string, rest: string): Promise<DemoTarget> {
  const path = resolveDemoPath(root, rest);
  if (path === null) return { kind: 'none' };
  const info = await stat(path).catch(() => null);
  if (info?.isDirectory() === true) return { kind: 'directory', path };
  const type = CONTENT_TYPES[extname(path)];
  if (info?.isFile() !== true || type === undefined) return { kind: 'none' };
  return { kind: 'file', path, type };
}

function notFound(request: FastifyRequest, reply: FastifyReply) {
  // The same body as the server's own fallback, so a 404 looks alike wherever it comes from.
  return reply
    .code(404)
    .type('application/json')
    .send({ error: 'not_found', message: `no route ${request.method} ${request.url}` });
}

function decodePath(encoded: string): string | null {
  try {
    return decodeURIComponent(encoded);
  } catch {
    return null; // a malformed %-escape names no file
  }
}

async function serve(root: string, request: FastifyRequest, reply: FastifyReply) {
  const url = new URL(request.url, 'http://demo.invalid');
  const rest = decodePath(url.pathname.slice(DEMO_PREFIX.length + 1));
  const target = rest === null ? ({ kind: 'none' } as const) : await locate(root, rest);
  if (target.kind === 'directory') {
    // `/demo/slaunchx` → `/demo/slaunchx/`, keeping `?portal=…`: relative links need the slash.
    return reply.redirect(`${url.pathname}/${url.search}`, 302);
  }
  if (target.kind === 'none') return notFound(request, reply);
  const body = await readFile(target.path);
  return reply.code(200).type(target.type).send(body);
}

export function registerDemoPages(app: FastifyInstance, options: DemoPagesOptions = {}): void {
  const root = resolve(options.root ?? DEFAULT_ROOT);
  void app.register((scope, _opts, done) => {
    scope.addHook('onSend', (_request, reply, payload, next) => {
      void reply.header('Content-Security-Policy', DEMO_CSP);
      void reply.header('X-Content-Type-Options', 'nosniff');
      void reply.header('Cache-Control', 'no-cache'); // the pages are edited while testers use them
      next(null, payload);
    });
    scope.get(DEMO_PREFIX, (request, reply) => {
      const search = new URL(request.url, 'http://demo.invalid').search;
      return reply.redirect(`${DEMO_PREFIX}/${search}`, 302);
    });
    scope.get(`${DEMO_PREFIX}/*`, (request, reply) => serve(root, request, reply));
    done();
  });
}
