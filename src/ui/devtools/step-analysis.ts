/**
 * Everything the panel shows of one step, computed by src/inspector in one guarded call: a
 * captured entry the analysis cannot read becomes a reason, never an exception in the panel.
 */
import {
  entryEnvelopes,
  findTokens,
  redactHeaders,
  redactText,
  summarizeBody,
  type BodySummary,
  type EntryEnvelopes,
  type HarEntry,
  type HarHeader,
  type TokenSighting,
} from '../../inspector';

export interface StepAnalysis {
  url: string;
  requestHeaders: HarHeader[];
  responseHeaders: HarHeader[];
  requestBody: BodySummary;
  responseBody: BodySummary;
  envelopes: EntryEnvelopes;
  /** The SCv2 plaintexts the extension's own log carries (`_scPlaintext`). */
  plaintext: { request: BodySummary | null; response: BodySummary | null };
  /** null: the tokens are masked in the log and were not fetched for decoding. */
  tokens: TokenSighting[] | null;
}

export type AnalysisResult = { ok: true; value: StepAnalysis } | { ok: false; reason: string };

function plaintextSummary(text: string | undefined, side: 'request' | 'response', reveal: boolean) {
  if (text === undefined) return null;
  return summarizeBody({ mimeType: 'application/json', text }, { reveal, side });
}

export interface AnalysisOptions {
  /** Show the entry's secrets: it is revealed, or already masked by whoever gave it. */
  reveal: boolean;
  /** Show the decoded tokens unmasked. */
  revealTokens: boolean;
}

/**
 * `entry`: what to show; `decodeFrom`: the entry whose tokens are decoded (the unmasked one for
 * the extension's log), or null. `now`: ms since epoch.
 */
export function analyzeStep(
  entry: HarEntry,
  { reveal, revealTokens }: AnalysisOptions,
  decodeFrom: HarEntry | null,
  now: number,
): AnalysisResult {
  try {
    const options = { reveal };
    return {
      ok: true,
      value: {
        url: reveal ? entry.request.url : redactText(entry.request.url),
        requestHeaders: redactHeaders(entry.request.headers, options),
        responseHeaders: redactHeaders(entry.response.headers, options),
        requestBody: summarizeBody(entry.request.postData, { reveal, side: 'request' }),
        responseBody: summarizeBody(entry.response.content, { reveal, side: 'response' }),
        envelopes: entryEnvelopes(entry),
        plaintext: {
          request: plaintextSummary(entry._scPlaintext?.request, 'request', reveal),
          response: plaintextSummary(entry._scPlaintext?.response, 'response', reveal),
        },
        tokens: decodeFrom === null ? null : findTokens(decodeFrom, now, { reveal: revealTokens }),
      },
    };
  } catch (error) {
    return { ok: false, reason: error instanceof Error ? error.message : String(error) };
  }
}
