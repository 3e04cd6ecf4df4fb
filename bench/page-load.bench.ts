/**
 * What the always-on watcher costs a page (issue 5, Benchmarks): in Chromium, the same page
 * without inputs loaded with the extension installed — the watcher registered for that origin,
 * because an account is bound to it — and in a browser without the extension. Target: no
 * measurable difference. Plus the watcher's minified size against its 8 kB budget.
 *
 * Each load is timed inside the page from navigation start (performance.now()), to the load
 * event and to the first idle callback after it: the watcher runs at document_idle on the
 * page's main thread, so any work it did would show in the second figure. The two browsers
 * are loaded alternately, so drift on a shared machine moves both sides alike.
 */
import { mkdtemp, rm, stat } from 'node:fs/promises';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Page } from 'playwright-core';
import { CHROMIUM, EXTENSION_DIR } from '../tests/e2e/harness';
import { CHROMIUM_ARGS, launchFillBrowser } from '../tests/e2e/fill-browser';
import { figure, type Bench, type BenchFigure } from './harness';

const RUNS = 15;
const WARMUP = 3;
const WATCHER_BUDGET_BYTES = 8 * 1024;

/** An article of about 6 000 elements and no input at all. */
function articlePage(): string {
  const sections = Array.from(
    { length: 300 },
    (_, i) =>
      `<section><h2>Part ${i}</h2><p>Text <a href="#${i}">link</a> <b>bold</b> <i>it</i></p>` +
      `<ul><li>a</li><li>b</li><li>c</li></ul><p>More text ${i}.</p><div><span>x</span></div>` +
      `<figure><img alt=""><figcaption>Figure ${i}</figcaption></figure></section>`,
  );
  return `<!doctype html><html><head><title>Article</title></head><body><main>${sections.join('')}</main></body></html>`;
}

async function serve(html: string) {
  const server = createServer((_request, response) => {
    response.writeHead(200, { 'content-type': 'text/html', 'cache-control': 'no-store' });
    response.end(html);
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/article.html`,
    close: () =>
      new Promise<void>((done) => {
        server.close(() => {
          done();
        });
      }),
  };
}

interface LoadTimes {
  load: number;
  idle: number;
}

/** Loads `url` and answers, from navigation start, the load event's end and the first idle. */
async function timeLoad(page: Page, url: string): Promise<LoadTimes> {
  await page.goto(url, { waitUntil: 'load' });
  return page.evaluate(
    () =>
      new Promise<LoadTimes>((resolve) => {
        requestIdleCallback(() => {
          const [nav] = performance.getEntriesByType('navigation') as PerformanceNavigationTiming[];
          resolve({ load: nav?.loadEventEnd ?? Number.NaN, idle: performance.now() });
        });
      }),
  );
}

const median = (values: number[]) =>
  [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? Number.NaN;

async function loadFigures(): Promise<BenchFigure[]> {
  const site = await serve(articlePage());
  const withExtension = await launchFillBrowser(['http://127.0.0.1/*']);
  // Launched the same way (a persistent profile), only without the extension: a browser from
  // chromium.launch() loads faster for reasons that have nothing to do with extensions.
  const bareProfile = await mkdtemp(join(tmpdir(), 'authdeck-bench-profile-'));
  const bare = await chromium.launchPersistentContext(bareProfile, {
    executablePath: CHROMIUM,
    headless: true,
    args: CHROMIUM_ARGS,
  });
  try {
    await withExtension.send('vault/create', { passphrase: 'benchmark passphrase' });
    const uri = 'otpauth://totp/Bench:a?secret=GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ&issuer=Bench';
    const account = await withExtension.send('accounts/add-uri', { uri });
    const origin = new URL(site.url).origin;
    await withExtension.send('sites/bind', { accountId: account.id, origin, baseDomain: false });
    const subject = await withExtension.context.newPage();
    const baseline = await bare.newPage();
    // The same page on an origin with no binding: the extension installed, no watcher there.
    const unbound = site.url.replace('127.0.0.1', 'localhost');
    const times = {
      subject: [] as LoadTimes[],
      baseline: [] as LoadTimes[],
      unbound: [] as LoadTimes[],
    };
    for (let i = 0; i < WARMUP + RUNS; i++) {
      const s = await timeLoad(subject, site.url);
      const b = await timeLoad(baseline, site.url);
      const u = await timeLoad(subject, unbound);
      if (i >= WARMUP) {
        times.subject.push(s);
        times.baseline.push(b);
        times.unbound.push(u);
      }
    }
    const pick = (side: LoadTimes[], key: keyof LoadTimes) => median(side.map((t) => t[key]));
    const note = `median of ${RUNS} alternating loads, timed in the page from navigation start`;
    const without = 'the same page in Chromium without the extension';
    const noWatcher = 'the same page, extension installed, on an origin with no watcher';
    return (['load', 'idle'] as const).flatMap((key) => {
      const what = key === 'load' ? 'load event' : 'first idle after load';
      const name = `page without inputs, ${what}, watcher registered for the origin`;
      return [
        figure(name, pick(times.subject, key), without, pick(times.baseline, key), note),
        figure(name, pick(times.subject, key), noWatcher, pick(times.unbound, key), note),
      ];
    });
  } finally {
    await bare.close();
    await rm(bareProfile, { recursive: true, force: true });
    await withExtension.close();
    await site.close();
  }
}

async function sizeFigure(): Promise<BenchFigure> {
  const bytes = (await stat(join(EXTENSION_DIR, 'otp-watch.js'))).size;
  return figure(
    'always-on watcher otp-watch.js, minified (bytes, not ms)',
    bytes,
    'the 8 kB budget (8192 bytes)',
    WATCHER_BUDGET_BYTES,
    'sizes in bytes in the ms columns; target ratio ≤ 1',
  );
}

const bench: Bench = async () => [await sizeFigure(), ...(await loadFigures())];

export default bench;
