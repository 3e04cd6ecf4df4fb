// Wiring only (style.md §1): the always-on watcher, registered at run time for bound sites
// (worker/fill/content-registration.ts). It must stay tiny (issue 5 §4, ≤ 8 kB minified), so it
// reaches the runtime API directly instead of through wxt/browser, whose polyfill alone is
// larger than that budget; runtime.sendMessage answers a promise in MV3 Chrome and Firefox.
import { createPageSender } from '../src/content/page-sender';
import { startWatcher } from '../src/content/watch';

interface RuntimeHolder {
  runtime?: { sendMessage(message: unknown): Promise<unknown> };
}

export default defineUnlistedScript(() => {
  const globals = globalThis as unknown as { browser?: RuntimeHolder; chrome?: RuntimeHolder };
  const runtime = (globals.browser ?? globals.chrome)?.runtime;
  if (runtime === undefined) return;
  const send = createPageSender((message) => runtime.sendMessage(message));
  startWatcher({
    win: window,
    doc: document,
    load: () => void send('content/load-detector', {}).catch(() => undefined),
  });
});
