/**
 * What page analysis returns. Every decision (a field's role, a group of boxes, the page's
 * kind) carries a numeric score and the reasons that produced it, so that testers can see why
 * a field was or was not chosen (`npm run detect`).
 */

export type PageKind = 'login' | 'mfa' | 'none';

/** Elements that can receive a code: inputs, and text areas (only ever rejected, see score-field.ts). */
export type TextField = HTMLInputElement | HTMLTextAreaElement;

export type FieldRole = 'otp' | 'otp-box' | 'backup' | 'username' | 'password' | 'rejected';

/** A shadow host or frame element between the analysed root and the field. */
export interface ContextStep {
  kind: 'shadow' | 'frame';
  host: Element;
}

export interface FieldDecision {
  element: TextField;
  role: FieldRole;
  score: number;
  reasons: string[];
  /**
   * Why the field must not be filled although it was found: disabled, read-only, inert, or
   * (with a layout probe) covered or outside the viewport. Empty when it may be filled.
   */
  blockers: string[];
  /** Outermost first; empty for fields in the analysed root itself. */
  context: ContextStep[];
}

export type OtpFlag =
  /** A box of the group is hidden: filling would put a character where the user cannot see it. */
  | 'hidden-box-in-group'
  /** The layout probe placed the boxes in another order than the DOM; fill order is visual. */
  | 'visual-order'
  /** At least one field of the target has a blocker. */
  | 'blocked';

export interface OtpTarget {
  shape: 'single' | 'boxes';
  /** Fill order: DOM order, or visual order when a layout probe was given. */
  fields: FieldDecision[];
  score: number;
  reasons: string[];
  flags: OtpFlag[];
  /** Characters the target accepts: its maxlength or number of boxes; null when unbounded. */
  capacity: number | null;
}

export interface FrameReport {
  element: HTMLIFrameElement;
  src: string | null;
  searched: boolean;
  reason: string;
  context: ContextStep[];
}

export interface LayoutRect {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface LayoutReport {
  /** Why the element cannot be seen (display, visibility, transparency, size, off the page). */
  hidden: string | null;
  /** Why it must not be filled now although it can be seen (covered, outside the viewport). */
  blocked: string | null;
  rect: LayoutRect | null;
}

/**
 * Layout checks need a rendering engine. The browser one is `createLayoutProbe()` in
 * layout.ts; Node (the CLI, unit tests) passes none and the analysis says "not evaluated".
 */
export interface LayoutProbe {
  inspect(element: Element): LayoutReport;
}

export interface AnalyzeOptions {
  layout?: LayoutProbe;
  /** Clock for `stats.elapsedMs`. */
  now?: () => number;
  /** How deep to follow open shadow roots and same-origin frames (default 8 and 3). */
  maxShadowDepth?: number;
  maxFrameDepth?: number;
}

export interface PageAnalysis {
  kind: PageKind;
  score: number;
  reasons: string[];
  otp: OtpTarget | null;
  /** Other OTP targets that scored above the threshold, best first. */
  otpAlternatives: OtpTarget[];
  backup: FieldDecision[];
  username: FieldDecision | null;
  password: FieldDecision | null;
  /** Fields that had a signal but were ruled out (negatives, hidden), with why. */
  rejected: FieldDecision[];
  layout: 'evaluated' | 'not evaluated';
  frames: FrameReport[];
  stats: { roots: number; elements: number; fields: number; elapsedMs: number };
}
