/**
 * Installs the detector's PageApi on the isolated world's global (page-contract.ts), once per
 * frame however often the worker injects the file. The page's own scripts live in another
 * world and cannot see or replace it.
 */
import { PAGE_API_KEY, type PageApi } from '../messaging/page-contract';
import type { SendToWorkerFromPage } from '../messaging/content-channel';
import { createInlineController, type InlineController } from './inline-controller';
import { fillPage } from './page-fill';
import { probePage } from './page-probe';

export function installPageApi(
  win: Window,
  doc: Document,
  send: SendToWorkerFromPage,
  title: string,
): PageApi {
  const globals = globalThis as unknown as Record<string, PageApi | undefined>;
  const existing = globals[PAGE_API_KEY];
  if (existing !== undefined) return existing;
  let inline: InlineController | null = null;
  const api: PageApi = {
    probe: () => probePage(doc),
    fill: (request) => fillPage(doc, request),
    startInline: () => {
      inline ??= createInlineController({ win, doc, send, title });
      inline.start();
    },
  };
  Object.defineProperty(globals, PAGE_API_KEY, {
    value: api,
    configurable: false,
    writable: false,
  });
  return api;
}
