/**
 * Header rules of a flow: the caller's X-Client-Hash staying put, the gateway and Cloudflare
 * simulation headers (providers.md §1.1, §2, §3) and the SCv2 framing (SCv2 §4.1).
 */
import { bodyText, parseJson } from './body-bytes';
import { matchEndpoint, type EndpointSpec } from './endpoints';
import { entryEnvelopes } from './envelope-info';
import type { Flow, FlowStep } from './flow-types';
import { getHeader, parseUrl } from './har';
import type { LintFinding } from './lint-types';

export const CF_HEADERS = ['CF-Connecting-IP', 'Cf-Ray', 'cf-ipcountry'] as const;

export function stepSpec(step: FlowStep): EndpointSpec | null {
  const url = parseUrl(step.url);
  return url === null ? null : (matchEndpoint(url.path)?.spec ?? null);
}

function isLoopback(hostname: string): boolean {
  const host = hostname.toLowerCase();
  return (
    host === 'localhost' ||
    host.endsWith('.localhost') ||
    /^127\.\d+\.\d+\.\d+$/.test(host) ||
    host === '[::1]'
  );
}

/** A test deployment: served on loopback, or some call of the flow sends a CF header. */
export function isTestDeployment(flow: Flow): boolean {
  return flow.steps.some(
    (step) =>
      isLoopback(parseUrl(step.url)?.hostname ?? '') ||
      CF_HEADERS.some((name) => getHeader(step.entry.request.headers, name) !== null),
  );
}

const present = (step: FlowStep, name: string) => {
  const value = getHeader(step.entry.request.headers, name);
  return value !== null && value.trim() !== '';
};

export function clientHashChanges(flow: Flow): LintFinding[] {
  const findings: LintFinding[] = [];
  let previous: FlowStep | null = null;
  for (const step of flow.steps) {
    if (step.family !== 'slaunchx' || step.clientHash === null) continue;
    if (previous?.clientHash != null && previous.clientHash !== step.clientHash) {
      findings.push({
        rule: 'client-hash-changed',
        severity: 'error',
        message: `X-Client-Hash changed from "${previous.clientHash}" to "${step.clientHash}" since the ${previous.kind} call: the login session and the SC session stay bound to the hash they began with (providers.md §1.3, SCv2 §3).`,
        entryIndex: step.entryIndex,
      });
    }
    previous = step;
  }
  return findings;
}

function slaunchxGateway(step: FlowStep, test: boolean): LintFinding[] {
  const at = (rule: LintFinding['rule'], severity: LintFinding['severity'], message: string) => ({
    rule,
    severity,
    message,
    entryIndex: step.entryIndex,
  });
  const findings: LintFinding[] = [];
  if (!present(step, 'x-portal-access-code')) {
    findings.push(
      at(
        'portal-access-code-missing',
        'error',
        'No X-PORTAL-ACCESS-CODE: the gateway answers 403 PORTAL_MISMATCH (providers.md §1.1).',
      ),
    );
  }
  const hash = getHeader(step.entry.request.headers, 'x-client-hash');
  if (hash === null || hash.length < 8 || hash.length > 128) {
    const what =
      hash === null ? 'No X-Client-Hash' : `X-Client-Hash has ${hash.length} characters, not 8–128`;
    findings.push(
      at(
        'gateway-headers-missing',
        'error',
        `${what}: the gateway answers 400 4000 (providers.md §1.1).`,
      ),
    );
  }
  if (step.entry.request.postData !== undefined && !present(step, 'content-type')) {
    findings.push(
      at(
        'gateway-headers-missing',
        'warning',
        'A body without Content-Type: the gateway routes on application/json;charset=UTF-8 (SCv2 §4.1).',
      ),
    );
  }
  const missing = CF_HEADERS.filter((name) => !present(step, name));
  if (test && missing.length > 0) {
    findings.push(
      at(
        'cf-headers-missing',
        'error',
        `Test deployment without ${missing.join(', ')}: the gateway answers 403 GATEWAY.CF_HEADERS_MISSING (providers.md §1.1).`,
      ),
    );
  }
  return findings;
}

const REQUIRED: Readonly<Record<'idaas' | 'koodrive', readonly [string, string][]>> = {
  // providers.md §2: PARAM.0002 for the client id, PARAM.0001 for any device header.
  idaas: [
    ['X-client-id', 'IDAAS.SDK.PARAM.0002'],
    ['X-device-fingerprint', 'IDAAS.SDK.PARAM.0001'],
    ['X-operating-sys-version', 'IDAAS.SDK.PARAM.0001'],
    ['X-agent', 'IDAAS.SDK.PARAM.0001'],
    ['content-type', 'IDAAS.SDK.PARAM.0000'],
  ],
  koodrive: [['x-hw-agentName', '10003']], // providers.md §3
};

export function gatewayHeaders(flow: Flow): LintFinding[] {
  const test = isTestDeployment(flow);
  return flow.steps.flatMap((step): LintFinding[] => {
    if (step.family === 'slaunchx') return slaunchxGateway(step, test);
    if (step.family !== 'idaas' && step.family !== 'koodrive') return [];
    const missing = REQUIRED[step.family].filter(([name]) => !present(step, name));
    if (missing.length === 0) return [];
    const names = missing.map(([name]) => name).join(', ');
    const codes = [...new Set(missing.map(([, code]) => code))].join(' / ');
    const message = `Missing ${names}: the provider answers ${codes}.`;
    return [
      { rule: 'gateway-headers-missing', severity: 'error', message, entryIndex: step.entryIndex },
    ];
  });
}

function sessionHeaders(step: FlowStep): string | null {
  const current = getHeader(step.entry.request.headers, 'x-sc-session-id');
  const older = getHeader(step.entry.request.headers, 'x-secure-channel-session-id');
  if (current === null && older === null) {
    return 'No X-SC-Session-Id on an SC call: the server cannot tell its session (SCv2 §4.1).';
  }
  if (current !== null && older !== null && current !== older) {
    return 'X-SC-Session-Id and X-Secure-Channel-Session-Id differ: refused as SC.ENVELOPE_MALFORMED (SCv2 §4.2).';
  }
  return null;
}

function versionHeader(step: FlowStep): string | null {
  const version = getHeader(step.entry.request.headers, 'x-sc-version');
  if (version === null) {
    return 'No X-SC-Version on an SC call: the server answers SC.VERSION_UNSUPPORTED (SCv2 §4.2).';
  }
  return version.trim() === '2'
    ? null
    : `X-SC-Version is "${version}", not 2: the server answers SC.VERSION_UNSUPPORTED (SCv2 §4.2).`;
}

function envelopeProblem(
  step: FlowStep,
): [LintFinding['rule'], 'error' | 'warning', string] | null {
  const { request } = entryEnvelopes(step.entry);
  if (request === null) {
    const plaintext = parseJson(bodyText(step.entry.request.postData)) !== null;
    const message = plaintext
      ? 'Plaintext JSON sent to an SC endpoint: it accepts only an SCv2 envelope (SCv2 §4.1).'
      : 'The body of an SC call is not an SCv2 envelope (SCv2 §4).';
    return ['sc-body-not-envelope', 'error', message];
  }
  if (!request.ok)
    return ['sc-body-not-envelope', 'error', `Malformed SCv2 envelope: ${request.reason}`];
  if (request.stale && request.skewMs !== null) {
    const seconds = Math.round(request.skewMs / 1000);
    const message = `The envelope's timestamp is ${seconds} s off the request time: beyond 300 s it is refused as SC.ENVELOPE_EXPIRED (SCv2 §4.2).`;
    return ['envelope-stale', 'warning', message];
  }
  return null;
}

function framing(step: FlowStep): LintFinding[] {
  const findings: LintFinding[] = [];
  const entryIndex = step.entryIndex;
  const version = versionHeader(step);
  if (version !== null)
    findings.push({ rule: 'sc-version-missing', severity: 'error', message: version, entryIndex });
  const session = sessionHeaders(step);
  if (session !== null)
    findings.push({
      rule: 'sc-session-header-missing',
      severity: 'error',
      message: session,
      entryIndex,
    });
  const envelope = envelopeProblem(step);
  if (envelope !== null) {
    const [rule, severity, message] = envelope;
    findings.push({ rule, severity, message, entryIndex });
  }
  return findings;
}

export function secureChannelFraming(flow: Flow): LintFinding[] {
  return flow.steps.flatMap((step) => (stepSpec(step)?.sc === true ? framing(step) : []));
}
