/**
 * The auth inspector's analysis (issue 6): pure functions over HAR 1.2 entries as
 * `chrome.devtools.network` or the extension's own request log hands them over. Every function
 * is total over captured traffic: bad input is described, never thrown.
 */
export {
  harEntries,
  normalizeEntry,
  type HarContent,
  type HarEntry,
  type HarHeader,
  type HarPostData,
  type HarRequest,
  type HarResponse,
  type NormalizedEntry,
  type ScPlaintext,
} from './har';
export {
  bearerToken,
  classifyRequest,
  findTokens,
  type Classification,
  type RequestKind,
  type TokenSighting,
} from './classify-request';
export {
  ENDPOINTS,
  matchEndpoint,
  type EndpointMatch,
  type EndpointSpec,
  type StepKind,
} from './endpoints';
export {
  decodeJwt,
  type DecodedJwt,
  type JwtFlag,
  type JwtFlagCode,
  type JwtProblem,
  type JwtResult,
  type JwtTime,
  type MalformedJwt,
} from './jwt';
export { explainError, stepError, type ErrorExplanation, type StepError } from './explain-error';
export { groupFlows, FLOW_GAP_MS, type GroupOptions } from './group-flows';
export type {
  Flow,
  FlowFamily,
  FlowLink,
  FlowOutcome,
  FlowStep,
  LiveRefresh,
  PriorSession,
} from './flow-types';
export { lintFlow, type LintFinding, type LintRule, type Severity } from './lint-flow';
export { CF_HEADERS, isTestDeployment } from './lint-headers';
export {
  entryEnvelopes,
  envelopeInfo,
  MAX_SKEW_MS,
  type EntryEnvelopes,
  type EnvelopeContext,
  type EnvelopeInfo,
  type MalformedEnvelope,
  type ValidEnvelope,
} from './envelope-info';
export {
  BODY_CAP_BYTES,
  summarizeBody,
  type BodyCut,
  type BodySummary,
  type SummarizeOptions,
} from './summarize-body';
export {
  isSecretField,
  isSecretHeader,
  MASK,
  maskSecret,
  redactBodyText,
  redactHeaders,
  redactHeaderValue,
  redactJson,
  redactText,
  type BodySide,
  type RedactOptions,
  type RevealOption,
} from './redact';
export { flowToCurl, shellQuote, toCurl } from './to-curl';
export { flowToHar, type HarExportEntry, type HarLog } from './flow-to-har';
