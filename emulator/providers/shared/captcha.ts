import {
  createExpiringStore,
  defaultRandom,
  randomAlnum,
  randomFrom,
  type RandomBytes,
} from './provider-kit';

/**
 * The graphic captcha IDaaS (providers.md §2) and CloudBase (§4) serve: a few characters drawn
 * into an SVG, handed out as a data URI. Outside `--production` the answer also travels in the
 * `X-Emulator-Captcha-Answer` header (§7) so automated tests can pass it.
 *
 *   issue ─► challenge (one attempt) ──solve right──► captcha token (single use) ──redeem──► done
 *                                    └─solve wrong / expired──► gone
 */

export const CAPTCHA_ANSWER_HEADER = 'X-Emulator-Captcha-Answer';

// No 0/O, 1/I/L: a person reading the image should not have to guess.
const CAPTCHA_ALPHABET = '23456789ABCDEFGHJKMNPQRSTUVWXYZ';
const CAPTCHA_LENGTH = 4;

const WIDTH = 120;
const HEIGHT = 40;

export interface CaptchaImage {
  answer: string;
  /** `data:image/svg+xml;base64,…` */
  image: string;
}

/** Draws `answer` with per-glyph jitter and a little noise; deterministic for given bytes. */
export function renderCaptchaSvg(answer: string, random: RandomBytes = defaultRandom): string {
  const noise = random(answer.length * 3 + 24);
  const at = (i: number): number => noise[i] ?? 0;
  // The answer is ASCII from CAPTCHA_ALPHABET, so one UTF-16 unit is one glyph.
  const glyphs = Array.from(answer, (char, i) => {
    const x = 14 + i * 26 + (at(i * 3) % 6);
    const y = 28 + (at(i * 3 + 1) % 6);
    const rotate = (at(i * 3 + 2) % 31) - 15;
    return `<text x="${x}" y="${y}" transform="rotate(${rotate} ${x} ${y})">${char}</text>`;
  });
  const lines = Array.from({ length: 6 }, (_, i) => {
    const k = answer.length * 3 + i * 4;
    const [x1, y1, x2, y2] = [
      at(k) % WIDTH,
      at(k + 1) % HEIGHT,
      at(k + 2) % WIDTH,
      at(k + 3) % HEIGHT,
    ];
    return `<line x1="${x1}" y1="${y1}" x2="${x2}" y2="${y2}"/>`;
  });
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${WIDTH}" height="${HEIGHT}" viewBox="0 0 ${WIDTH} ${HEIGHT}">`,
    `<rect width="${WIDTH}" height="${HEIGHT}" fill="#f4f1ea"/>`,
    `<g stroke="#9a8f7a" stroke-width="1">${lines.join('')}</g>`,
    `<g font-family="monospace" font-size="24" font-weight="bold" fill="#2b2b2b">${glyphs.join('')}</g>`,
    '</svg>',
  ].join('');
}

export function createCaptchaImage(random: RandomBytes = defaultRandom): CaptchaImage {
  const answer = randomFrom(random, CAPTCHA_ALPHABET, CAPTCHA_LENGTH);
  const svg = renderCaptchaSvg(answer, random);
  return { answer, image: `data:image/svg+xml;base64,${Buffer.from(svg).toString('base64')}` };
}

export interface CaptchaDeskOptions {
  now: () => number;
  random?: RandomBytes;
  challengeTtlMs: number;
  tokenTtlMs: number;
}

export interface CaptchaDesk {
  issue(): { captchaId: string } & CaptchaImage;
  /** One attempt per challenge: right → a captcha token, wrong or unknown → null. */
  solve(captchaId: string, answer: string): string | null;
  /** Consumes a captcha token; true if it was live. */
  redeem(token: string): boolean;
  clear(): void;
}

export function createCaptchaDesk(options: CaptchaDeskOptions): CaptchaDesk {
  const random = options.random ?? defaultRandom;
  const challenges = createExpiringStore<string>(options.now);
  const tokens = createExpiringStore<true>(options.now);
  return {
    issue() {
      const captchaId = randomAlnum(random, 32);
      const image = createCaptchaImage(random);
      challenges.put(captchaId, image.answer, options.challengeTtlMs);
      return { captchaId, ...image };
    },
    solve(captchaId, answer) {
      const expected = challenges.take(captchaId);
      // Case does not matter to a person copying letters from an image.
      if (expected === null || expected !== answer.trim().toUpperCase()) return null;
      const token = randomAlnum(random, 40);
      tokens.put(token, true, options.tokenTtlMs);
      return token;
    },
    redeem: (token) => tokens.take(token) !== null,
    clear() {
      challenges.clear();
      tokens.clear();
    },
  };
}
