/**
 * Captured calls as curl commands. Secrets are masked unless revealed (the command then does
 * not run as is, which is the point). An SCv2 step is explained rather than pretended: its
 * envelope is bound to a session key, a session, an endpoint and a one-time nonce (SCv2 §4).
 */
import { bodyBytes, bodyText, encodeBase64 } from './body-bytes';
import { entryEnvelopes, type EnvelopeInfo } from './envelope-info';
import type { Flow } from './flow-types';
import { normalizeEntry, type HarEntry } from './har';
import { redactBodyText, redactHeaderValue, redactText, type RevealOption } from './redact';

/** POSIX shell single quotes: nothing inside is special except the quote itself. */
export function shellQuote(value: string): string {
  return `'${value.replace(/'/g, `'\\''`)}'`;
}

// Headers curl writes itself, or HTTP/2 pseudo-headers that are no headers at all.
const SKIPPED = /^(:.*|content-length|host|connection|accept-encoding)$/i;

function envelopeComment(info: EnvelopeInfo, entry: HarEntry, options: RevealOption): string[] {
  const session = info.sessionId ?? 'unknown';
  const what = info.ok
    ? `an SCv2 ${info.type} envelope: ${info.sizeBytes} bytes, session ${session}, nonce ${info.nonceHex}, sealed ${info.timestampIso ?? String(info.timestamp)}`
    : `a malformed SCv2 envelope (${info.reason})`;
  const plaintext = entry._scPlaintext?.request;
  return [
    `# The body is ${what}.`,
    '# Plain curl cannot reproduce this step: the envelope is sealed with the SC session key and bound',
    '# to its session, method and path (SCv2 §4); its nonce is accepted once and its timestamp for',
    '# 300 s (SCv2 §4.2), so these exact bytes now get SC.REPLAY or SC.ENVELOPE_EXPIRED.',
    plaintext === undefined
      ? '# Its plaintext is not in the capture.'
      : `# Plaintext it carried: ${redactBodyText(plaintext, { ...options, side: 'request' }).replace(/\r?\n/g, ' ')}`,
  ];
}

function headerArgs(entry: HarEntry, options: RevealOption): string[] {
  return entry.request.headers
    .filter(({ name }) => !SKIPPED.test(name))
    .map(
      ({ name, value }) =>
        `-H ${shellQuote(`${name}: ${redactHeaderValue(name, value, options)}`)}`,
    );
}

/** [comment lines, argument list, stdin producer] for the body. */
function bodyParts(entry: HarEntry, options: RevealOption): [string[], string[], string | null] {
  const body = entry.request.postData;
  if (body === undefined) return [[], [], null];
  const envelope = entryEnvelopes(entry).request;
  const bytes = bodyBytes(body);
  const text = bodyText(body);
  if (bytes !== null && (envelope !== null || text === null)) {
    const comments =
      envelope === null
        ? [`# Binary body (${bytes.length} bytes), fed from base64.`]
        : envelopeComment(envelope, entry, options);
    const feed = `printf '%s' ${shellQuote(encodeBase64(bytes))} | base64 -d |`;
    return [comments, ['--data-binary @-'], feed];
  }
  if (text === null) return [['# The body is marked base64 but is not: left out.'], [], null];
  const shown = redactBodyText(text, { ...options, side: 'request' });
  return [[], [`--data-raw ${shellQuote(shown)}`], null];
}

/** One curl command (with comment lines above it where a step needs explaining). */
export function toCurl(raw: unknown, options: RevealOption = {}): string {
  const { entry } = normalizeEntry(raw);
  const [comments, bodyArgs, stdin] = bodyParts(entry, options);
  const url = options.reveal === true ? entry.request.url : redactText(entry.request.url);
  const lines = [...comments];
  if (entry.request.url === '') lines.push('# The capture has no request URL.');
  const method = entry.request.method;
  const methodArg = method === 'GET' && bodyArgs.length === 0 ? [] : [`-X ${shellQuote(method)}`];
  const args = [...methodArg, shellQuote(url), ...headerArgs(entry, options), ...bodyArgs];
  lines.push(`${stdin === null ? '' : `${stdin} `}curl ${args.join(' \\\n  ')}`);
  return lines.join('\n');
}

/** Every step of a flow as a commented curl script. */
export function flowToCurl(flow: Flow, options: RevealOption = {}): string {
  const portal = flow.portal === null ? '' : ` (portal ${flow.portal})`;
  const header = [
    `# Authdeck flow ${flow.id}: ${flow.family} on ${flow.origin}${portal}, ${flow.steps.length} steps, ${flow.outcome}.`,
  ];
  if (options.reveal !== true)
    header.push('# Secrets are masked (…): export with reveal to get runnable commands.');
  const steps = flow.steps.map((step, i) => {
    const what = step.endpoint ?? step.url;
    const title = `# Step ${i + 1}: ${step.kind} ${step.method} ${what} -> ${step.status === 0 ? 'no response' : step.status}`;
    return `${title}\n${toCurl(step.entry, options)}`;
  });
  return [header.join('\n'), ...steps].join('\n\n') + '\n';
}
