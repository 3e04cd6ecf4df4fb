/**
 * Keyword lists compiled once into regular expressions, and the one normalisation applied to
 * both keywords and page text. Nothing here is compiled per element: detection runs on pages
 * with tens of thousands of nodes.
 */
import {
  BACKUP,
  NEGATIVES,
  OTP_STRONG,
  OTP_WEAK,
  PASSWORD,
  USERNAME,
  type KeywordGroup,
  type NegativeCategory,
} from './keywords';

const CAMEL = /(\p{Ll})(\p{Lu})/gu;
const ACRONYM = /(\p{Lu}+)(\p{Lu}\p{Ll})/gu;
const LETTER_DIGIT = /(\p{L})(\p{N})/gu;
const SEPARATORS = /[\s_\-.[\]:/\\|,;()#"“”'’]+/gu;
const NON_ASCII = /[^\x20-\x7e]/;
const MARKS = /\p{M}/gu;
/** Lowercase ASCII words and digits (most ids and names): only letter–digit splits to do. */
const SIMPLE = /^[a-z0-9]+(?: [a-z0-9]+)*$/;
const ASCII_LETTER_DIGIT = /([a-z])(\d)/g;

/**
 * Lowercase words separated by single spaces: "idTxtBx_SAOTCC_OTC" → "id txt bx saotcc otc",
 * "otp1" → "otp 1", "Bestätigungs-Code" → "bestatigungs code". Apostrophes become spaces so
 * that "d'authentification" and "d authentification" are one form.
 */
export function normalizeText(text: string): string {
  if (SIMPLE.test(text)) return text.replace(ASCII_LETTER_DIGIT, '$1 $2');
  let out = text
    .replace(ACRONYM, '$1 $2')
    .replace(CAMEL, '$1 $2')
    .replace(LETTER_DIGIT, '$1 $2')
    .toLowerCase();
  if (NON_ASCII.test(out)) out = out.normalize('NFD').replace(MARKS, '');
  return out.replace(SEPARATORS, ' ').trim();
}

/** Han, kana and Hangul do not separate words with spaces (see keywords.ts). */
const NO_SPACES = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]/u;
const WORD_EDGE_BEFORE = '(?<![\\p{L}\\p{N}])';
const WORD_EDGE_AFTER = '(?![\\p{L}\\p{N}])';

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * One regular expression for a keyword list. Keywords are normalised like page text, longest
 * first so that the reported match is the most specific one ("promo code" before "code").
 */
export function compileKeywords(groups: readonly KeywordGroup[]): RegExp {
  const bounded = new Set<string>();
  const anywhere = new Set<string>();
  const stems = new Set<string>();
  for (const group of groups) {
    for (const word of group.words) {
      const normal = normalizeText(word);
      if (normal === '') continue;
      (NO_SPACES.test(normal) ? anywhere : bounded).add(normal);
    }
    for (const stem of group.stems ?? []) stems.add(normalizeText(stem));
  }
  const alternation = (set: Set<string>) =>
    [...set]
      .sort((a, b) => b.length - a.length)
      .map((word) => escapeRegExp(word).replace(/ /g, ' ?'))
      .join('|');
  const parts: string[] = [];
  if (bounded.size > 0) {
    parts.push(`${WORD_EDGE_BEFORE}(?:${alternation(bounded)})${WORD_EDGE_AFTER}`);
  }
  if (stems.size > 0) {
    const alt = alternation(stems);
    parts.push(`${WORD_EDGE_BEFORE}(?:${alt})`, `(?:${alt})${WORD_EDGE_AFTER}`);
  }
  if (anywhere.size > 0) parts.push(`(?:${alternation(anywhere)})`);
  return new RegExp(parts.join('|'), 'u');
}

export interface KeywordMatchers {
  otpStrong: RegExp;
  otpWeak: RegExp;
  backup: RegExp;
  username: RegExp;
  password: RegExp;
  email: RegExp;
  /** Every keyword above: one test tells whether any other is worth running. */
  any: RegExp;
  negatives: readonly (readonly [NegativeCategory, RegExp])[];
}

let compiled: KeywordMatchers | null = null;

/** Compiled on first use, then shared: pages without inputs never pay for it. */
export function keywordMatchers(): KeywordMatchers {
  compiled ??= compileAll();
  return compiled;
}

function compileAll(): KeywordMatchers {
  const negativeGroups = Object.values(NEGATIVES).flat();
  return {
    otpStrong: compileKeywords(OTP_STRONG),
    otpWeak: compileKeywords(OTP_WEAK),
    backup: compileKeywords(BACKUP),
    username: compileKeywords(USERNAME),
    password: compileKeywords(PASSWORD),
    email: compileKeywords(NEGATIVES.email),
    any: compileKeywords([
      ...OTP_STRONG,
      ...OTP_WEAK,
      ...BACKUP,
      ...USERNAME,
      ...PASSWORD,
      ...negativeGroups,
    ]),
    negatives: (Object.keys(NEGATIVES) as NegativeCategory[]).map(
      (category) => [category, compileKeywords(NEGATIVES[category])] as const,
    ),
  };
}

/** Digits-only patterns (`\d{6}`, `[0-9]*`, `[0-9 ]*`) as sites write them for numeric codes. */
export const DIGIT_PATTERN = /^\^?\(?(?:\\d|\[0-9(?: |\\s)?\])/;
/** A pattern accepting exactly one character: a one-character box. */
export const SINGLE_CHAR_PATTERN = /^\^?(?:\\d|\[[^\]]+\]|\.|\\w)\$?$/;
