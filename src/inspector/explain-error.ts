/**
 * Error codes explained from the project's one catalogue (src/providers/catalogue.ts: the seeds'
 * messages and actions, and the contract's codes), and the code a captured response carries.
 */
import { CATALOGUES, CLIENT_CODES, describeCode } from '../providers/catalogue';
import { PROVIDER_FAMILIES, type ProviderFamily } from '../providers/profile';
import { responseJson } from './body-bytes';
import { getHeader, isRecord, type HarEntry } from './har';

export interface ErrorExplanation {
  family: ProviderFamily | null;
  code: string;
  /** False when no catalogue lists the code. */
  documented: boolean;
  meaning: string;
  /** What to do about it, where the catalogue's text says. */
  action: string | null;
}

function isFamily(value: unknown): value is ProviderFamily {
  return typeof value === 'string' && (PROVIDER_FAMILIES as readonly string[]).includes(value);
}

function codeText(code: unknown): string {
  if (typeof code === 'string') return code;
  if (typeof code === 'number' && Number.isFinite(code)) return String(code);
  return '';
}

function listed(family: ProviderFamily, code: string): boolean {
  return Object.hasOwn(CATALOGUES[family], code) || Object.hasOwn(CLIENT_CODES, code);
}

/**
 * The catalogue keeps meaning and action as one text ("User not found. Please register and try
 * again." — seed 001's two columns): the first sentence is the meaning, the rest the action.
 */
function split(text: string): { meaning: string; action: string | null } {
  const cut = /\.\s+(?=[A-Z])/.exec(text);
  if (cut === null) return { meaning: text, action: null };
  return { meaning: text.slice(0, cut.index + 1), action: text.slice(cut.index + 1).trim() };
}

/**
 * The seed's meaning and action for a family's code (Koodrive's numeric codes included). With
 * no valid family, the first catalogue that lists the code answers.
 */
export function explainError(family: unknown, code: unknown): ErrorExplanation {
  const text = codeText(code);
  const owner = isFamily(family)
    ? family
    : (PROVIDER_FAMILIES.find((candidate) => listed(candidate, text)) ?? null);
  if (owner === null || text === '' || !listed(owner, text)) {
    const name = text === '' ? 'an unreadable code' : `code ${text}`;
    const who = owner === null ? 'No provider' : `The ${owner} documentation`;
    return {
      family: owner,
      code: text,
      documented: false,
      meaning: `${who} documents ${name}.`,
      action: null,
    };
  }
  return { family: owner, code: text, documented: true, ...split(describeCode(owner, text)) };
}

export interface StepError {
  code: string;
  /** The provider's own message, when the response shows one. */
  message: string | null;
  /** Where the code was read: the body on the wire, the SCv2 plaintext, a header or the status. */
  source: 'body' | 'decrypted' | 'header' | 'status';
  explanation: ErrorExplanation;
}

function readCode(family: ProviderFamily, body: Record<string, unknown>) {
  const text = (value: unknown) => (typeof value === 'string' ? value : null);
  switch (family) {
    case 'slaunchx': // providers.md §1.2 result wrapper
      return body.success === false ? { code: body.code, message: text(body.message) } : null;
    case 'idaas': // providers.md §2
      return body.error_code === undefined
        ? null
        : { code: body.error_code, message: text(body.error_msg) };
    case 'koodrive': // providers.md §3: "0" or 0 is success
      return body.code === undefined || codeText(body.code) === '0'
        ? null
        : { code: body.code, message: text(body.msg) };
    case 'cloudbase': // providers.md §4
      return body.error === undefined
        ? null
        : { code: body.error, message: text(body.error_description) };
  }
}

/** The error code a response carries, where the capture shows one; null for a success. */
export function stepError(entry: HarEntry, family: ProviderFamily): StepError | null {
  const scError = getHeader(entry.response.headers, 'x-sc-error'); // SCv2 §4.2
  const json = responseJson(entry);
  const found = json !== null && isRecord(json.value) ? readCode(family, json.value) : null;
  if (found !== null && codeText(found.code) !== '') {
    const code = codeText(found.code);
    const source = json?.source === 'decrypted' ? 'decrypted' : 'body';
    return { code, message: found.message, source, explanation: explainError(family, code) };
  }
  if (scError !== null && scError !== '') {
    return {
      code: scError,
      message: null,
      source: 'header',
      explanation: explainError(family, scError),
    };
  }
  // providers.md §1.2: a 429 is RATE_LIMITED even when its wrapper is encrypted.
  if (family === 'slaunchx' && entry.response.status === 429) {
    const code = 'RATE_LIMITED';
    return { code, message: null, source: 'status', explanation: explainError(family, code) };
  }
  return null;
}
