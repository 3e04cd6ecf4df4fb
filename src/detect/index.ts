export type {
  AnalyzeOptions,
  ContextStep,
  FieldDecision,
  FieldRole,
  FrameReport,
  LayoutProbe,
  LayoutRect,
  LayoutReport,
  OtpFlag,
  OtpTarget,
  PageAnalysis,
  PageKind,
  TextField,
} from './types';
export type { AnalysisRoot } from './collect';
export { analyzePage } from './analyze';
export { createLayoutProbe } from './layout';
export {
  fillPlan,
  type FillPlan,
  type FillPlanOptions,
  type FillRefusalCode,
  type FillStep,
} from './fill';
export { fillInto, type FillErrorCode, type FillOptions, type FillResult } from './fill-into';
export {
  toDetectReport,
  reportField,
  type DetectReport,
  type ReportField,
  type ReportFrame,
} from './report';
export { deepSelector, uniqueSelector, cssEscape, PIERCE } from './selector';
export { upgradeDeclarativeShadowRoots } from './declarative-shadow';
export { normalizeText } from './patterns';
export { THRESHOLD } from './score-field';
