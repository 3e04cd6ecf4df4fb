/**
 * The JSON that `npm run detect` prints (issue 5 §6): fields as selector, id, name, score and
 * reasons; blockers appear among the reasons as "blocked: …" so that one list tells the story.
 */
import { deepSelector } from './selector';
import type { FieldDecision, PageAnalysis, PageKind } from './types';

export interface ReportField {
  selector: string;
  id: string | null;
  name: string | null;
  score: number;
  reasons: string[];
}

export interface ReportFrame {
  selector: string;
  src: string | null;
  searched: boolean;
  reason: string;
}

export interface DetectReport {
  kind: PageKind;
  otp: ReportField[];
  backup: ReportField[];
  username: ReportField | null;
  password: ReportField | null;
  layout: PageAnalysis['layout'];
  frames: ReportFrame[];
}

function nonEmpty(value: string | null): string | null {
  return value === null || value === '' ? null : value;
}

export function reportField(decision: FieldDecision): ReportField {
  const el = decision.element;
  return {
    selector: deepSelector(el, decision.context),
    id: nonEmpty(el.getAttribute('id')),
    name: nonEmpty(el.getAttribute('name')),
    score: decision.score,
    reasons: [...decision.reasons, ...decision.blockers.map((b) => `blocked: ${b}`)],
  };
}

export function toDetectReport(analysis: PageAnalysis): DetectReport {
  return {
    kind: analysis.kind,
    otp: analysis.otp?.fields.map(reportField) ?? [],
    backup: analysis.backup.map(reportField),
    username: analysis.username === null ? null : reportField(analysis.username),
    password: analysis.password === null ? null : reportField(analysis.password),
    layout: analysis.layout,
    frames: analysis.frames.map((frame) => ({
      selector: deepSelector(frame.element, frame.context),
      src: frame.src,
      searched: frame.searched,
      reason: frame.reason,
    })),
  };
}
