/**
 * Lints a flow against the seeds' rules (providers.md, SCv2): header rules (lint-headers.ts),
 * unknown fields on strict endpoints, the SlaunchX rate limit, a login replayed where a refresh
 * was due, and the provider errors the flow met, each explained from the catalogue.
 */
import type { ProviderFamily } from '../providers/profile';
import { parseRetryAfter } from '../providers/errors';
import { requestJson, responseJson } from './body-bytes';
import { entryEnvelopes } from './envelope-info';
import type { Flow, FlowStep } from './flow-types';
import { getHeader, isRecord } from './har';
import { clientHashChanges, gatewayHeaders, secureChannelFraming, stepSpec } from './lint-headers';
import type { LintFinding } from './lint-types';

export type { LintFinding, LintRule, Severity } from './lint-types';

// What each family answers to an unknown or malformed field (providers.md §1.2, §2, §3, §4).
const REFUSAL: Readonly<Record<ProviderFamily, string>> = {
  slaunchx: '400 4000',
  idaas: 'IDAAS.SDK.PARAM.0000',
  koodrive: '10003',
  cloudbase: 'invalid_argument',
};

function bodyFields(flow: Flow): LintFinding[] {
  return flow.steps.flatMap((step): LintFinding[] => {
    const spec = stepSpec(step);
    const body = requestJson(step.entry);
    if (spec === null || !spec.strict || body === null) return [];
    const refusal = REFUSAL[spec.family];
    const at = (message: string): LintFinding[] => [
      { rule: 'unknown-body-fields', severity: 'error', message, entryIndex: step.entryIndex },
    ];
    if (!isRecord(body.value)) return at(`The body is not a JSON object: refused with ${refusal}.`);
    const unknown = Object.keys(body.value).filter((key) => !spec.fields.includes(key));
    if (unknown.length === 0) return [];
    const allowed = spec.fields.length === 0 ? 'none' : spec.fields.join(', ');
    const typo = unknown.includes('emial')
      ? ' ("emial" is the seed example\'s misspelling of "email".)'
      : '';
    return at(
      `Unknown field(s) ${unknown.join(', ')} on strict ${spec.name} (allowed: ${allowed}): refused with ${refusal}.${typo}`,
    );
  });
}

const WINDOW_MS = 60_000; // providers.md §1.3: fixed 60 s window, 5 answered
const LIMIT = 5;

/** Calls that passed the gateway and SC checks count (providers.md §1.3): their answer is sealed. */
function counted(step: FlowStep): boolean {
  return step.status === 0 || entryEnvelopes(step.entry).response !== null;
}

function rateLimitWindows(flow: Flow): LintFinding[] {
  const windows = new Map<string, { start: number; steps: FlowStep[] }[]>();
  let lastMs = 0;
  for (const step of flow.steps) {
    const t = step.startedMs ?? lastMs;
    lastMs = t;
    const spec = stepSpec(step);
    if (spec?.limited !== true || !counted(step)) continue;
    const key = `${spec.name}\u0000${step.clientHash ?? ''}`;
    const list = windows.get(key) ?? [];
    const current = list.at(-1);
    if (current === undefined || t - current.start >= WINDOW_MS)
      list.push({ start: t, steps: [step] });
    else current.steps.push(step);
    windows.set(key, list);
  }
  return [...windows.values()].flat().flatMap(({ start, steps }): LintFinding[] => {
    if (steps.length < LIMIT - 1) return [];
    const last = steps[Math.min(steps.length, LIMIT) - 1];
    if (last === undefined) return [];
    const n = Math.min(steps.length, LIMIT);
    const ends = new Date(start + WINDOW_MS).toISOString();
    const next =
      n >= LIMIT ? 'the limit is reached; further calls get 429' : 'one more is answered, then 429';
    const message = `${n} calls to ${last.endpoint ?? 'this endpoint'} in one 60 s window (5 per window and X-Client-Hash): ${next} until ${ends} (providers.md §1.3).`;
    return [{ rule: 'rate-limit-near', severity: 'warning', message, entryIndex: last.entryIndex }];
  });
}

function tooManyRequests(flow: Flow): LintFinding[] {
  return flow.steps.flatMap((step): LintFinding[] => {
    if (step.status !== 429) return [];
    const body = responseJson(step.entry)?.value;
    const data = isRecord(body) && isRecord(body.data) ? body.data.retryAfter : undefined;
    const header = getHeader(step.entry.response.headers, 'retry-after');
    const waitMs = parseRetryAfter(header, data, step.startedMs ?? Number.NaN);
    const wait =
      waitMs === undefined || !Number.isFinite(waitMs)
        ? 'no usable Retry-After'
        : `retry after ${Math.ceil(waitMs / 1000)} s`;
    const message = `429 Too Many Requests on ${step.endpoint ?? step.url}: ${wait} (RFC 9110 §10.2.3).`;
    return [{ rule: 'rate-limited', severity: 'error', message, entryIndex: step.entryIndex }];
  });
}

function loginReplayed(flow: Flow): LintFinding[] {
  const prior = flow.priorSession;
  const signIn = flow.steps.find((step) => {
    const spec = stepSpec(step);
    return spec?.starts === true && !spec.kind.startsWith('sc-');
  });
  if (prior === null || signIn === undefined) return [];
  const until =
    prior.refresh.validUntilMs === null
      ? 'whose lifetime the provider does not document'
      : `valid until ${new Date(prior.refresh.validUntilMs).toISOString()}`;
  const message = `Signed in again while the refresh token from ${prior.flowId} was alive (${until}): refresh it instead of replaying the login (seed 002, implementation note 4).`;
  return [{ rule: 'login-replayed', severity: 'warning', message, entryIndex: signIn.entryIndex }];
}

function providerErrors(flow: Flow): LintFinding[] {
  return flow.steps.flatMap((step): LintFinding[] => {
    if (step.error === null) return [];
    const { code, explanation } = step.error;
    const action = explanation.action === null ? '' : ` ${explanation.action}`;
    const message = `${code}: ${explanation.meaning}${action}`;
    return [{ rule: 'provider-error', severity: 'info', message, entryIndex: step.entryIndex }];
  });
}

const RULES = [
  clientHashChanges,
  gatewayHeaders,
  secureChannelFraming,
  bodyFields,
  rateLimitWindows,
  tooManyRequests,
  loginReplayed,
  providerErrors,
];

/** Findings in the order of the flow's steps, rule order within a step. Never throws. */
export function lintFlow(flow: Flow): LintFinding[] {
  const position = new Map(flow.steps.map((step, i) => [step.entryIndex, i]));
  const findings = RULES.flatMap((rule) => rule(flow));
  const order = (f: LintFinding) => position.get(f.entryIndex) ?? Number.MAX_SAFE_INTEGER;
  return findings
    .map((finding, i) => ({ finding, i }))
    .sort((a, b) => order(a.finding) - order(b.finding) || a.i - b.i)
    .map(({ finding }) => finding);
}
