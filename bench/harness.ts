/**
 * Benchmarks report ratios, never absolute times: every figure is measured against a baseline
 * run in the same process, so a slower or busier machine moves both sides alike.
 */
export interface BenchFigure {
  /** What is measured, e.g. "unlock (scrypt N=2^17, r=8, p=1)". */
  name: string;
  /** What it is compared against, e.g. "PBKDF2-SHA256 600 000 iterations (WebCrypto)". */
  baseline: string;
  subjectMs: number;
  baselineMs: number;
  /** subjectMs / baselineMs. */
  ratio: number;
  note?: string;
}

export interface MeasureOptions {
  /** Runs whose time is thrown away (JIT, caches). */
  warmup?: number;
  /** Timed runs; the median is reported. */
  runs?: number;
}

/** Median wall time of `fn` in ms over `runs` runs after `warmup` untimed ones. */
export async function measure(
  fn: () => unknown,
  { warmup = 1, runs = 5 }: MeasureOptions = {},
): Promise<number> {
  for (let i = 0; i < warmup; i++) await fn();
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    await fn();
    times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)] ?? Number.NaN;
}

export function figure(
  name: string,
  subjectMs: number,
  baseline: string,
  baselineMs: number,
  note?: string,
): BenchFigure {
  const result: BenchFigure = {
    name,
    baseline,
    subjectMs,
    baselineMs,
    ratio: subjectMs / baselineMs,
  };
  if (note !== undefined) result.note = note;
  return result;
}

/** Each bench/*.bench.ts default-exports one of these. */
export type Bench = () => Promise<BenchFigure[]>;
