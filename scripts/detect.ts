/**
 * `npm run detect -- <file.html | http(s) URL>`: prints what Authdeck's page detection sees on
 * a page, as JSON (issue 5 §6), for testers debugging their own pages. The page is parsed by
 * happy-dom with scripts, style sheets and frame navigation off; `srcdoc` frames and declarative
 * shadow roots are built as a browser would. Layout checks need a browser and are reported as
 * "not evaluated".
 *
 * Exit codes: 0 analysed, 2 bad input (missing file, bad URL, not HTML, fetch failure).
 */
import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { Window } from 'happy-dom';
import {
  analyzePage,
  toDetectReport,
  upgradeDeclarativeShadowRoots,
  type DetectReport,
} from '../src/detect/index';

export type DetectCliErrorCode =
  | 'usage'
  | 'file-not-found'
  | 'file-unreadable'
  | 'bad-url'
  | 'fetch-failed'
  | 'fetch-timeout'
  | 'http-status'
  | 'not-html'
  | 'too-large';

export class DetectCliError extends Error {
  override readonly name = 'DetectCliError';
  readonly code: DetectCliErrorCode;

  constructor(code: DetectCliErrorCode, message: string) {
    super(message);
    this.code = code;
  }
}

export interface DetectDeps {
  fetch?: typeof fetch;
  readFile?: (path: string) => Promise<Buffer>;
  timeoutMs?: number;
}

const TIMEOUT_MS = 15_000;
const MAX_BYTES = 10 * 1024 * 1024;
const USAGE = 'usage: npm run detect -- <file.html | http(s)://…>';

/** Markup starts with "<" after an optional BOM and whitespace, and has no NUL bytes. */
function looksLikeHtml(text: string): boolean {
  return /^\uFEFF?\s*</.test(text) && !text.slice(0, 4096).includes('\u0000');
}

async function fetchHtml(url: URL, deps: DetectDeps): Promise<string> {
  const doFetch = deps.fetch ?? fetch;
  let response: Response;
  try {
    response = await doFetch(url, {
      signal: AbortSignal.timeout(deps.timeoutMs ?? TIMEOUT_MS),
      headers: { accept: 'text/html,application/xhtml+xml' },
    });
  } catch (error) {
    if (error instanceof Error && (error.name === 'TimeoutError' || error.name === 'AbortError')) {
      throw new DetectCliError(
        'fetch-timeout',
        `${url.href}: no answer within ${(deps.timeoutMs ?? TIMEOUT_MS) / 1000} s`,
      );
    }
    throw new DetectCliError(
      'fetch-failed',
      `${url.href}: ${error instanceof Error ? error.message : String(error)}`,
    );
  }
  if (!response.ok) throw new DetectCliError('http-status', `${url.href}: HTTP ${response.status}`);
  const type = response.headers.get('content-type') ?? '';
  if (!/html/i.test(type)) {
    throw new DetectCliError('not-html', `${url.href}: content-type "${type}" is not HTML`);
  }
  const text = await response.text();
  if (text.length > MAX_BYTES) {
    throw new DetectCliError('too-large', `${url.href}: more than ${MAX_BYTES} bytes`);
  }
  return text;
}

async function readHtmlFile(path: string, deps: DetectDeps): Promise<string> {
  let bytes: Buffer;
  try {
    bytes = await (deps.readFile ?? readFile)(path);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') throw new DetectCliError('file-not-found', `${path}: no such file`);
    throw new DetectCliError('file-unreadable', `${path}: ${code ?? String(error)}`);
  }
  if (bytes.length > MAX_BYTES) {
    throw new DetectCliError('too-large', `${path}: more than ${MAX_BYTES} bytes`);
  }
  const text = bytes.toString('utf8');
  if (!looksLikeHtml(text)) {
    throw new DetectCliError('not-html', `${path}: does not look like HTML`);
  }
  return text;
}

/** The HTML and the URL it is analysed at, from a file path or an http(s) URL. */
export async function readSource(
  arg: string,
  deps: DetectDeps = {},
): Promise<{ html: string; url: string }> {
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(arg) || /^https?:/i.test(arg)) {
    let url: URL;
    try {
      url = new URL(arg);
    } catch {
      throw new DetectCliError('bad-url', `${arg}: not a valid URL`);
    }
    if (url.protocol !== 'http:' && url.protocol !== 'https:') {
      throw new DetectCliError('bad-url', `${arg}: only http and https URLs are fetched`);
    }
    return { html: await fetchHtml(url, deps), url: url.href };
  }
  const path = resolve(arg);
  return { html: await readHtmlFile(path, deps), url: pathToFileURL(path).href };
}

/** A happy-dom window holding `html`, built as a browser would but running none of its code. */
export function loadHtml(html: string, url: string): { window: Window; document: Document } {
  const window = new Window({
    url,
    settings: {
      disableJavaScriptEvaluation: true,
      disableJavaScriptFileLoading: true,
      disableCSSFileLoading: true,
      navigation: { disableChildFrameNavigation: true, disableChildPageNavigation: true },
    },
  });
  window.document.write(html);
  // happy-dom's Document and lib.dom's Document are the same interface in two type universes.
  const document = window.document as unknown as Document;
  upgradeDeclarativeShadowRoots(document);
  for (const frame of Array.from(document.querySelectorAll('iframe[srcdoc]'))) {
    const inner = (frame as HTMLIFrameElement).contentDocument;
    if (inner !== null) upgradeDeclarativeShadowRoots(inner);
  }
  return { window, document };
}

export async function detect(arg: string, deps: DetectDeps = {}): Promise<DetectReport> {
  const { html, url } = await readSource(arg, deps);
  const { window, document } = loadHtml(html, url);
  try {
    return toDetectReport(analyzePage(document));
  } finally {
    await window.happyDOM.close();
  }
}

export async function main(argv: readonly string[], deps: DetectDeps = {}): Promise<number> {
  const args = argv.filter((a) => a !== '--');
  const arg = args[0];
  try {
    if (arg === undefined || args.length > 1) throw new DetectCliError('usage', USAGE);
    process.stdout.write(`${JSON.stringify(await detect(arg, deps), null, 2)}\n`);
    return 0;
  } catch (error) {
    if (!(error instanceof DetectCliError)) throw error;
    process.stderr.write(`detect: ${error.message} [${error.code}]\n`);
    return 2;
  }
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  main(process.argv.slice(2)).then(
    (code) => {
      process.exitCode = code;
    },
    (error: unknown) => {
      console.error(error);
      process.exitCode = 1;
    },
  );
}
