/** The findings lintFlow reports: a stable rule id, a severity and the entry it concerns. */
export type LintRule =
  | 'client-hash-changed'
  | 'portal-access-code-missing'
  | 'gateway-headers-missing'
  | 'cf-headers-missing'
  | 'sc-version-missing'
  | 'sc-session-header-missing'
  | 'sc-body-not-envelope'
  | 'envelope-stale'
  | 'unknown-body-fields'
  | 'rate-limit-near'
  | 'rate-limited'
  | 'login-replayed'
  | 'provider-error';

export type Severity = 'error' | 'warning' | 'info';

export interface LintFinding {
  rule: LintRule;
  severity: Severity;
  message: string;
  /** Index of the entry in the list given to groupFlows. */
  entryIndex: number;
}
