/**
 * The browser's PageInjector (worker/fill/page-injector.ts): `scripting.executeScript` with
 * the detector file, then one function call into the PageApi it installed. The functions
 * below are serialised by the browser and run in the page's isolated world: they may use
 * nothing but their argument and that world's globals, hence the literal key (a unit test
 * checks it equals PAGE_API_KEY).
 */
import { browser } from 'wxt/browser';
import type {
  PageApi,
  PageFillRequest,
  PageFillResult,
  PageProbeResult,
} from '../messaging/page-contract';
import {
  classifyInjectionError,
  InjectionError,
  type InjectTarget,
  type PageInjector,
} from '../worker/fill/page-injector';

/** The unlisted script entrypoints/otp-fill.ts, as WXT names its output. */
export const DETECTOR_FILE = '/otp-fill.js';

type Globals = Record<string, PageApi | undefined>;

export function callProbe(): PageProbeResult | null {
  return (globalThis as unknown as Globals).__authdeckPageApi?.probe() ?? null;
}

export function callFill(request: PageFillRequest): PageFillResult | null {
  return (globalThis as unknown as Globals).__authdeckPageApi?.fill(request) ?? null;
}

export function callStartInline(): boolean {
  const api = (globalThis as unknown as Globals).__authdeckPageApi;
  api?.startInline();
  return api !== undefined;
}

function targetOf(t: InjectTarget) {
  return t.documentId !== null
    ? { tabId: t.tabId, documentIds: [t.documentId] }
    : { tabId: t.tabId, frameIds: [t.frameId] };
}

async function run<A extends unknown[], R>(
  target: InjectTarget,
  func: (...args: A) => R,
  args: A,
): Promise<{ documentId: string | null; result: R }> {
  try {
    const injection = { target: targetOf(target) };
    await browser.scripting.executeScript({ ...injection, files: [DETECTOR_FILE] });
    const [first] = await browser.scripting.executeScript({ ...injection, func, args });
    if (first === undefined) throw new InjectionError('NAVIGATED', 'The frame is gone.');
    // Chrome 106+ names the document; Firefox does not (then the URL check stands in).
    const documentId = first.documentId as string | undefined;
    return { documentId: documentId ?? null, result: first.result as R };
  } catch (error) {
    if (error instanceof InjectionError) throw error;
    throw classifyInjectionError(error);
  }
}

const missing = () => new InjectionError('INJECTION_FAILED', 'The detector did not load.');

export const browserPageInjector: PageInjector = {
  async probe(tabId) {
    const { documentId, result } = await run(
      { tabId, documentId: null, frameId: 0 },
      callProbe,
      [],
    );
    if (result === null) throw missing();
    return { documentId, result };
  },
  async fill(target, request) {
    const { result } = await run(target, callFill, [request]);
    if (result === null) throw missing();
    return result;
  },
  async startInline(target) {
    const { result } = await run(target, callStartInline, []);
    if (!result) throw missing();
  },
};
