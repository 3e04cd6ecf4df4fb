/**
 * How the worker reaches into a page: the detector file is injected into one frame
 * (`scripting.executeScript`, allowed by activeTab after a user gesture or by the site's
 * granted host permission), then one small function runs the PageApi it installed. A target
 * pinned to a document id fails when the tab has navigated since the id was read — the
 * navigation-between-click-and-fill check (issue 5 §2).
 */
import type {
  PageFillRequest,
  PageFillResult,
  PageProbeResult,
} from '../../messaging/page-contract';

export interface InjectTarget {
  tabId: number;
  /** The document to run in; null where the browser has no document ids (then frameId). */
  documentId: string | null;
  frameId: number;
}

export type InjectionErrorCode = 'NAVIGATED' | 'NO_ACCESS' | 'INJECTION_FAILED';

export class InjectionError extends Error {
  constructor(
    readonly code: InjectionErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'InjectionError';
  }
}

export interface PageInjector {
  /** Injects the detector into the tab's top frame and reports what it found there. */
  probe(tabId: number): Promise<{ documentId: string | null; result: PageProbeResult }>;
  fill(target: InjectTarget, request: PageFillRequest): Promise<PageFillResult>;
  startInline(target: InjectTarget): Promise<void>;
}

/** Chrome's and Firefox's wording for a target that is gone or out of reach. */
export function classifyInjectionError(error: unknown): InjectionError {
  const message = error instanceof Error ? error.message : String(error);
  if (/no (document|frame) with id|frame was removed|document was unloaded/i.test(message)) {
    return new InjectionError('NAVIGATED', 'The page changed before the fill.');
  }
  if (/cannot access|permission|not allowed|missing host/i.test(message)) {
    return new InjectionError('NO_ACCESS', 'Authdeck may not access this page.');
  }
  return new InjectionError('INJECTION_FAILED', 'The page could not be reached.');
}
