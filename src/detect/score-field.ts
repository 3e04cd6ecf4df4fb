/**
 * Scores one field for each role it could play. Points are additive and written into the
 * reasons ("keyword \"otp\" in name (+40)"), so a tester can recompute any decision by hand.
 *
 * Negatives come in two strengths. Captcha, promo/gift codes, postal codes, card security
 * codes and encode/decode tools rule a field out whatever else it says ("图形验证码" contains
 * "验证码"; "card verification code" contains "verification code"). Search, e-mail, phone,
 * comment and quantity words rule it out unless a strong one-time-code signal is present:
 * "Enter the code we sent to your phone" is still a code field.
 */
import { STRUCTURAL_SOURCES, findKeyword, type FieldFacts, type KeywordHit } from './field-facts';
import type { NegativeCategory } from './keywords';
import { DIGIT_PATTERN, keywordMatchers } from './patterns';

export interface RoleScore {
  score: number;
  reasons: string[];
}

export interface FieldScores {
  otp: RoleScore;
  backup: RoleScore;
  username: RoleScore;
  password: RoleScore;
  /** The negative that ruled the field out as a code field, if any. */
  negative: Negative | null;
}

export interface Negative {
  /** A keyword category, or what the markup says: "login" (username/password autocomplete). */
  category: NegativeCategory | 'login' | 'url';
  reason: string;
}

export const THRESHOLD = { otp: 35, backup: 40, username: 30, password: 50 } as const;
export const RULED_OUT = -100;

const HARD: ReadonlySet<NegativeCategory> = new Set(['captcha', 'promo', 'postal', 'card', 'tool']);
const CODE_TYPES = new Set(['text', 'tel', 'number', 'password']);
const LOGIN_AUTOCOMPLETE: Readonly<Record<string, string>> = {
  username: 'a sign-in name',
  'current-password': 'a password',
  'new-password': 'a new password',
};

const quote = (hit: KeywordHit) => `"${hit.keyword}" in ${hit.source}`;

function add(into: RoleScore, points: number, reason: string): void {
  into.score += points;
  into.reasons.push(`${reason} (${points >= 0 ? '+' : ''}${points})`);
}

type Lookup = (re: RegExp) => KeywordHit | null;

/** The first negative that applies, or null. */
function findNegative(
  facts: FieldFacts,
  find: Lookup,
  strongCode: boolean,
  weakCode: boolean,
): Negative | null {
  const no = (category: Negative['category'], why: string): Negative => ({
    category,
    reason: `negative: ${category} (${why})`,
  });
  if (facts.type === 'textarea') return no('comment', 'multi-line text area');
  if (facts.type === 'email' || facts.type === 'search' || facts.type === 'url') {
    return no(facts.type, `type="${facts.type}"`);
  }
  for (const token of facts.autocomplete) {
    const login = LOGIN_AUTOCOMPLETE[token];
    if (login !== undefined) return no('login', `autocomplete="${token}", ${login}`);
    if (token.startsWith('cc-')) return no('card', `autocomplete="${token}"`);
    if (token === 'postal-code') return no('postal', `autocomplete="${token}"`);
    if (!strongCode && (token === 'email' || token.startsWith('tel'))) {
      return no(token === 'email' ? 'email' : 'phone', `autocomplete="${token}"`);
    }
  }
  for (const [category, re] of keywordMatchers().negatives) {
    const hit = find(re);
    if (hit === null) continue;
    if (HARD.has(category)) return no(category, `keyword ${quote(hit)}`);
    // Soft negatives: in the page's own names they stand unless a strong code signal
    // contradicts them; in text shown to users ("the code we sent to your phone") they
    // stand only when nothing there speaks of a code.
    const structural = STRUCTURAL_SOURCES.has(hit.source);
    if (!strongCode && (structural || !weakCode)) return no(category, `keyword ${quote(hit)}`);
  }
  if (!strongCode && facts.element.getAttribute('name') === 'q') return no('search', 'name="q"');
  return null;
}

function scoreCodeShape(facts: FieldFacts, into: RoleScore): void {
  if (facts.inputMode === 'numeric') add(into, 10, 'inputmode="numeric"');
  if (DIGIT_PATTERN.test(facts.pattern)) add(into, 10, `digits-only pattern "${facts.pattern}"`);
  const max = facts.maxLength;
  if (max !== null && max >= 6 && max <= 10) add(into, 15, `maxlength=${max}, a code length`);
  else if (max !== null && (max === 4 || max === 5))
    add(into, 5, `maxlength=${max}, a short code length`);
  if (facts.minLength !== null && facts.minLength >= 4 && facts.minLength <= 10) {
    add(into, 5, `minlength=${facts.minLength}`);
  }
  if (facts.type === 'tel' || facts.type === 'number') add(into, 5, `type="${facts.type}"`);
}

function ruleOut(into: RoleScore, negative: Negative): void {
  into.score = RULED_OUT;
  into.reasons.push(`${negative.reason} (score set to ${RULED_OUT})`);
}

function scoreOtp(
  facts: FieldFacts,
  strong: KeywordHit | null,
  weak: KeywordHit | null,
  negative: Negative | null,
): RoleScore {
  const otp: RoleScore = { score: 0, reasons: [] };
  if (facts.autocomplete.includes('one-time-code')) add(otp, 60, 'autocomplete="one-time-code"');
  if (strong !== null) add(otp, 40, `keyword ${quote(strong)}`);
  else if (weak !== null) add(otp, 15, `weak keyword ${quote(weak)}`);
  if (CODE_TYPES.has(facts.type)) scoreCodeShape(facts, otp);
  if (negative !== null) ruleOut(otp, negative);
  return otp;
}

function scoreBackup(facts: FieldFacts, find: Lookup, negative: Negative | null): RoleScore {
  const backup: RoleScore = { score: 0, reasons: [] };
  const hit = find(keywordMatchers().backup);
  if (hit === null) return backup;
  add(backup, 50, `backup/recovery keyword ${quote(hit)}`);
  if (facts.autocomplete.includes('one-time-code')) {
    backup.reasons.push(
      'autocomplete="one-time-code" ignored: a backup code is not an authenticator code',
    );
  }
  if (CODE_TYPES.has(facts.type)) add(backup, 5, `type="${facts.type}"`);
  if (negative !== null) ruleOut(backup, negative);
  return backup;
}

function scoreUsername(facts: FieldFacts, find: Lookup): RoleScore {
  const user: RoleScore = { score: 0, reasons: [] };
  if (facts.type === 'password' || facts.type === 'textarea' || facts.type === 'search') {
    return user;
  }
  if (facts.autocomplete.includes('username')) add(user, 60, 'autocomplete="username"');
  else if (facts.autocomplete.includes('email')) add(user, 20, 'autocomplete="email"');
  if (facts.type === 'email') add(user, 30, 'type="email"');
  const m = keywordMatchers();
  const hit = find(m.username);
  if (hit !== null) add(user, 30, `username keyword ${quote(hit)}`);
  else {
    const email = find(m.email);
    if (email !== null) add(user, 20, `email keyword ${quote(email)}`);
  }
  return user;
}

function scorePassword(facts: FieldFacts, find: Lookup): RoleScore {
  const password: RoleScore = { score: 0, reasons: [] };
  if (facts.type !== 'password') return password;
  add(password, 50, 'type="password"');
  if (facts.autocomplete.includes('current-password')) {
    add(password, 30, 'autocomplete="current-password"');
  } else if (facts.autocomplete.includes('new-password'))
    add(password, 20, 'autocomplete="new-password"');
  const hit = find(keywordMatchers().password);
  if (hit !== null) add(password, 10, `password keyword ${quote(hit)}`);
  return password;
}

export function scoreField(facts: FieldFacts): FieldScores {
  // Fast path: most inputs on a large page name nothing we know, so one regex run settles
  // every keyword question for them.
  const anyKeyword = facts.hint !== '' && keywordMatchers().any.test(facts.hint);
  const find: Lookup = anyKeyword ? (re) => findKeyword(facts, re) : () => null;
  const strong = find(keywordMatchers().otpStrong);
  const weak = strong === null ? find(keywordMatchers().otpWeak) : null;
  const strongCode = strong !== null || facts.autocomplete.includes('one-time-code');
  const negative = findNegative(facts, find, strongCode, weak !== null);
  return {
    otp: scoreOtp(facts, strong, weak, negative),
    backup: scoreBackup(facts, find, negative),
    username: scoreUsername(facts, find),
    password: scorePassword(facts, find),
    negative,
  };
}
