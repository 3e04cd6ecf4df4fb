/**
 * analyzePage: classifies a page as `login`, `mfa` or `none` and finds its one-time-code
 * target, backup-code fields, username and password (issue 5 §1).
 *
 *   root ──collect (one pass per root, open shadow roots, same-origin frames)──▶ fields
 *        ──score (keywords, shape, negatives)──▶ candidates
 *        ──group boxes, inspect (DOM; layout probe if given)──▶ targets ──▶ kind
 */
import { collectRoots, type AnalysisRoot, type FrameElement } from './collect';
import { readFacts } from './field-facts';
import { createInspector } from './inspect';
import { findLoginFields } from './login-fields';
import { findOtpTargets, type Candidate } from './otp-targets';
import { normalizeText, keywordMatchers } from './patterns';
import { scoreField } from './score-field';
import type { AnalyzeOptions, ContextStep, FrameReport, PageAnalysis } from './types';

const DEFAULT_SHADOW_DEPTH = 8;
const DEFAULT_FRAME_DEPTH = 3;

interface Walk {
  roots: Candidate[][];
  frames: FrameReport[];
  headings: Element[];
  stats: { roots: number; elements: number; fields: number };
  maxShadowDepth: number;
  maxFrameDepth: number;
}

function originOf(url: string, base: string): string | null {
  try {
    const parsed = new URL(url, base);
    // file: URLs have an opaque origin in the URL API; a file page framing a file is local.
    return parsed.protocol === 'file:' ? 'file:' : parsed.origin;
  } catch {
    return null;
  }
}

/** Why a frame is not searched, or null when its document may be. */
function frameRefusal(frame: FrameElement, depth: number, walk: Walk): string | null {
  if (depth >= walk.maxFrameDepth) {
    return `frames nested deeper than ${walk.maxFrameDepth} are not searched`;
  }
  if (frame.hasAttribute('sandbox')) {
    return 'sandboxed frame: its origin may be opaque, never searched';
  }
  const src = frame.getAttribute('src');
  const doc = frame.ownerDocument;
  if (
    src !== null &&
    src.trim() !== '' &&
    !frame.hasAttribute('srcdoc') &&
    !/^\s*about:/i.test(src)
  ) {
    const here = originOf(doc.URL, doc.URL);
    const there = originOf(src, doc.baseURI);
    if (there === null || there === 'null' || there !== here) {
      return `cross-origin frame (${there ?? 'unparsable src'}): not searched`;
    }
  }
  return null;
}

function walkFrame(frame: FrameElement, context: ContextStep[], depth: number, walk: Walk): void {
  const src = frame.getAttribute('src') ?? (frame.hasAttribute('srcdoc') ? 'about:srcdoc' : null);
  const report = (searched: boolean, reason: string) => {
    walk.frames.push({ element: frame, src, searched, reason, context });
  };
  const refusal = frameRefusal(frame, depth, walk);
  if (refusal !== null) {
    report(false, refusal);
    return;
  }
  let doc: Document | null = null;
  try {
    doc = frame.contentDocument;
  } catch {
    doc = null; // Some engines throw instead of returning null across origins.
  }
  if (doc === null) {
    report(false, 'contentDocument is not reachable (cross-origin or not loaded): not searched');
    return;
  }
  report(true, 'same-origin frame: searched');
  walkTree(doc, [...context, { kind: 'frame', host: frame }], depth + 1, walk);
}

function walkTree(
  root: AnalysisRoot,
  context: ContextStep[],
  frameDepth: number,
  walk: Walk,
): void {
  for (const collected of collectRoots(root, context, walk.maxShadowDepth)) {
    walk.stats.roots += 1;
    walk.stats.elements += collected.elements;
    walk.stats.fields += collected.fields.length;
    walk.headings.push(...collected.headings);
    walk.roots.push(
      collected.fields.map((element) => {
        const facts = readFacts(element, collected.labelsFor);
        return { facts, scores: scoreField(facts), context: collected.context };
      }),
    );
    for (const frame of collected.frames) walkFrame(frame, collected.context, frameDepth, walk);
  }
}

/** Memoised: the page's title or a heading naming a code step, as a reason. */
function pageContext(walk: Walk): () => string | null {
  let cached: string | null | undefined;
  return () => {
    if (cached !== undefined) return cached;
    const { otpStrong } = keywordMatchers();
    const texts = walk.headings.map(
      (h) => [h.localName === 'title' ? 'title' : 'heading', h.textContent] as const,
    );
    cached = null;
    for (const [where, text] of texts) {
      const match = otpStrong.exec(normalizeText(text.slice(0, 200)));
      if (match !== null) {
        cached = `page ${where} speaks of a one-time code ("${match[0]}")`;
        break;
      }
    }
    return cached;
  };
}

export function analyzePage(root: AnalysisRoot, opts: AnalyzeOptions = {}): PageAnalysis {
  const now = opts.now ?? (() => performance.now());
  const started = now();
  const walk: Walk = {
    roots: [],
    frames: [],
    headings: [],
    stats: { roots: 0, elements: 0, fields: 0 },
    maxShadowDepth: opts.maxShadowDepth ?? DEFAULT_SHADOW_DEPTH,
    maxFrameDepth: opts.maxFrameDepth ?? DEFAULT_FRAME_DEPTH,
  };
  walkTree(root, [], 0, walk);
  const inspector = createInspector(opts.layout);
  const otp = findOtpTargets(walk.roots, inspector, pageContext(walk));
  const login = findLoginFields(walk.roots.flat(), otp.used, inspector);
  const rejected = unique([
    ...otp.rejected,
    ...login.rejected,
    ...negativeDecisions(walk.roots.flat(), otp.used),
  ]);
  const best = otp.targets[0] ?? null;
  const kind = classify(best, login);
  return {
    ...kind,
    otp: best,
    otpAlternatives: otp.targets.slice(1),
    backup: login.backup,
    username: login.username,
    password: login.password,
    rejected,
    layout: opts.layout === undefined ? 'not evaluated' : 'evaluated',
    frames: walk.frames,
    stats: { ...walk.stats, elapsedMs: now() - started },
  };
}

/** The first decision per element: a field hidden and negative is reported once. */
function unique(decisions: PageAnalysis['rejected']): PageAnalysis['rejected'] {
  const seen = new Set<Element>();
  return decisions.filter((d) => !seen.has(d.element) && Boolean(seen.add(d.element)));
}

/** Fields a negative ruled out although something in them spoke of a code. */
function negativeDecisions(
  candidates: readonly Candidate[],
  used: ReadonlySet<Element>,
): PageAnalysis['rejected'] {
  return candidates
    .filter(
      (c) =>
        c.scores.negative !== null &&
        !used.has(c.facts.element) &&
        (c.scores.otp.reasons.length > 1 || c.scores.backup.reasons.length > 1),
    )
    .map((c) => ({
      element: c.facts.element,
      role: 'rejected' as const,
      score: c.scores.otp.score,
      reasons: c.scores.otp.reasons.length > 1 ? c.scores.otp.reasons : c.scores.backup.reasons,
      blockers: [],
      context: c.context,
    }));
}

function classify(
  best: PageAnalysis['otp'],
  login: ReturnType<typeof findLoginFields>,
): Pick<PageAnalysis, 'kind' | 'score' | 'reasons'> {
  if (best !== null) {
    const reasons = [
      `one-time-code ${best.shape === 'boxes' ? 'box group' : 'field'} found (score ${best.score})`,
    ];
    if (login.password !== null) {
      reasons.push('alongside a password field: a combined sign-in and code form');
    }
    return { kind: 'mfa', score: best.score, reasons };
  }
  const backup = login.backup[0];
  if (backup !== undefined) {
    const reasons = [`backup/recovery code field found (score ${backup.score})`];
    return { kind: 'mfa', score: backup.score, reasons };
  }
  if (login.password !== null) {
    const score = login.password.score + (login.username?.score ?? 0);
    return {
      kind: 'login',
      score,
      reasons: [`password field found (score ${login.password.score})`],
    };
  }
  if (login.username !== null) {
    return {
      kind: 'login',
      score: login.username.score,
      reasons: ['identifier-first sign-in: autocomplete="username" without a password yet'],
    };
  }
  return {
    kind: 'none',
    score: 0,
    reasons: ['no one-time-code, backup-code or sign-in field found'],
  };
}
