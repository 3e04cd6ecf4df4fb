/**
 * `npm run bench`: runs every benchmark in one process and prints each figure as a ratio to
 * its baseline. `--json` prints the figures as JSON instead of a table.
 */
import type { Bench, BenchFigure } from './harness';

const suites: Record<string, () => Promise<{ default: Bench }>> = {
  vault: () => import('./vault.bench'),
  otp: () => import('./otp.bench'),
  'secure-channel': () => import('./secure-channel.bench'),
  signin: () => import('./signin.bench'),
  'signin-worker': () => import('./signin-worker.bench'),
  detect: () => import('./detect.bench'),
  'page-load': () => import('./page-load.bench'),
};

function row(suite: string, f: BenchFigure): string {
  const ms = (n: number) => `${n.toFixed(n < 10 ? 3 : 1)} ms`;
  return [
    `${suite}: ${f.name}`,
    `  ${f.ratio.toFixed(3)}× baseline (${ms(f.subjectMs)} vs ${ms(f.baselineMs)} for ${f.baseline})`,
    f.note ? `  note: ${f.note}` : '',
  ]
    .filter(Boolean)
    .join('\n');
}

async function main(): Promise<void> {
  const only = process.argv.slice(2).filter((a) => !a.startsWith('--'));
  const json = process.argv.includes('--json');
  const results: { suite: string; figures: BenchFigure[] }[] = [];
  for (const [suite, load] of Object.entries(suites)) {
    if (only.length > 0 && !only.includes(suite)) continue;
    const figures = await (await load()).default();
    results.push({ suite, figures });
    if (!json) for (const f of figures) console.log(row(suite, f));
  }
  if (json) console.log(JSON.stringify(results, null, 2));
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
