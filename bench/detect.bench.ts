/**
 * Page detection against the cheapest possible look at a page: analyzePage on generated pages
 * of 1 000, 10 000 and 50 000 elements (happy-dom) vs one bare `querySelectorAll('input')` over
 * the same document (issue 5, Benchmarks: target ≤ 3×).
 *
 * happy-dom caches query results and builds some state lazily, so a second look at a document
 * is cheaper than the first. Each side is therefore timed on its own freshly parsed page (the
 * parsing is not timed): what is compared is the first look at a newly loaded page, which is
 * what a content script does.
 */
import { Window } from 'happy-dom';
import { analyzePage } from '../src/detect/index';
import { figure, type Bench, type BenchFigure } from './harness';

const SIZES = [
  { elements: 1_000, runs: 15 },
  { elements: 10_000, runs: 9 },
  { elements: 50_000, runs: 5 },
] as const;

/** Untimed runs per size first: they warm the JIT and compile the keyword regexes. */
const WARMUP = 3;
const TYPES = ['text', 'checkbox', 'number', 'email', 'text', 'radio', 'search', 'tel'];

/**
 * A shop-like page: cards of 20 elements (headings, text, lists, a labelled input of a varying
 * type, buttons, images), one input per card (5 % of the elements), and one code form at the end.
 */
export function generatePage(elements: number): string {
  const parts: string[] = ['<header><h1>Shop</h1><nav><a href="/">Home</a></nav></header><main>'];
  for (let i = 0, count = 5; count < elements - 5; i++, count += 20) {
    const type = TYPES[i % TYPES.length] ?? 'text';
    parts.push(
      `<div class="card"><h3>Item ${i}</h3><p>Some <b>bold</b> and <i>italic</i> text <a href="#${i}">link</a></p>` +
        `<ul><li>a</li><li>b</li><li>c</li></ul><span>€${i}</span><label for="f${i}">Option ${i}</label>` +
        `<input id="f${i}" name="field${i}" type="${type}"><div><span>y</span><em>z</em></div>` +
        `<button type="button">Buy</button><img alt=""><section><div></div></section></div>`,
    );
  }
  parts.push(
    '</main><form><label for="otp">Verification code</label><input id="otp" autocomplete="one-time-code" maxlength="6"></form>',
  );
  return parts.join('');
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? Number.NaN;
}

/** Parses `html` into a fresh happy-dom window (untimed) and times `fn` on that cold document. */
async function timeOnFreshPage(
  html: string,
  fn: (doc: Document) => number,
): Promise<[number, number]> {
  const window = new Window();
  const doc = window.document as unknown as Document;
  doc.body.innerHTML = html;
  const start = performance.now();
  const found = fn(doc);
  const ms = performance.now() - start;
  await window.happyDOM.close();
  return [ms, found];
}

async function measureSize(elements: number, runs: number): Promise<BenchFigure> {
  const html = generatePage(elements);
  const subject: number[] = [];
  const baseline: number[] = [];
  let missed = false;
  const bare = (doc: Document) => doc.querySelectorAll('input').length;
  const detect = (doc: Document) => analyzePage(doc).otp?.fields.length ?? 0;
  for (let run = -WARMUP; run < runs; run++) {
    // Alternate which side goes first, so that garbage left by one falls on both alike.
    const first = run % 2 === 0 ? detect : bare;
    const [a, foundA] = await timeOnFreshPage(html, first);
    const [b, foundB] = await timeOnFreshPage(html, first === detect ? bare : detect);
    const [s, b2, found] = first === detect ? [a, b, foundA] : [b, a, foundB];
    missed ||= found !== 1;
    if (run >= 0) {
      subject.push(s);
      baseline.push(b2);
    }
  }
  const count = new Window();
  (count.document as unknown as Document).body.innerHTML = html;
  const actual = count.document.getElementsByTagName('*').length;
  await count.happyDOM.close();
  return figure(
    `analyzePage on a generated page of ${actual} elements`,
    median(subject),
    "one bare querySelectorAll('input') over the same page",
    median(baseline),
    `happy-dom, each side on its own freshly parsed page, median of ${runs}; target ≤ 3×` +
      (missed ? ' (the code field was NOT found!)' : ''),
  );
}

const bench: Bench = async () => {
  const figures: BenchFigure[] = [];
  for (const { elements, runs } of SIZES) figures.push(await measureSize(elements, runs));
  return figures;
};

export default bench;
