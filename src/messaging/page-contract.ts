/**
 * The worker ↔ injected-detector contract. The worker injects `otp-fill.js` into a tab's top
 * frame (`scripting.executeScript`), which installs `PageApi` on the isolated world's global
 * under PAGE_API_KEY — invisible to the page's own scripts — and then calls it with small
 * serialisable functions. Only results listed here come back; no DOM, no field values.
 */

/** The isolated world's global the detector installs itself under. */
export const PAGE_API_KEY = '__authdeckPageApi';

export interface PageProbeResult {
  origin: string;
  kind: 'login' | 'mfa' | 'none';
  fillable: boolean;
  /** Why not fillable: a FillRefusalCode of detect/fill.ts, or `no-target`. */
  reason: string | null;
  shape: 'single' | 'boxes' | null;
}

export interface PageFillRequest {
  code: string;
  /** The origin the worker checked the binding against; the page must still be on it. */
  expectedOrigin: string;
  /** When no document id pins the target (Firefox): the exact URL the worker read. */
  expectedUrl: string | null;
  autoSubmit: boolean;
}

export type PageFillResult =
  | { status: 'filled'; shape: 'single' | 'boxes' }
  | {
      status: 'no-field' | 'refused' | 'needs-typing' | 'navigated';
      code: string;
      message: string;
    };

export interface PageApi {
  probe(): PageProbeResult;
  fill(request: PageFillRequest): PageFillResult;
  /** Starts the inline button and auto-fill in this frame (bound sites, all-sites setting). */
  startInline(): void;
}
