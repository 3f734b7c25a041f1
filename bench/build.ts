#!/usr/bin/env node
// npm run bench:build -- [--count 1000] [--count 10000] [--seed 1]
// Generates N synthetic reports, runs the real build stages on them (ingest, astro build,
// Pagefind) and prints wall time and peak RSS per stage, output sizes, the same page count built
// by a bare Astro page with the same layout (baseline) and an incremental rebuild after one raw
// file changes.
// Peak RSS is per stage as /usr/bin/time sees it; Pagefind's indexer runs in a child process the
// Node API spawns, so its own memory is not in the pagefind figure.
import { execFileSync, spawnSync } from 'node:child_process';
import { appendFileSync, mkdirSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

const args = process.argv.slice(2);
const counts = args.flatMap((a, i) => (a === '--count' ? [Number(args[i + 1])] : []));
const seed = args.includes('--seed') ? args[args.indexOf('--seed') + 1]! : '1';
const root = resolve(import.meta.dirname, '..');
const work = resolve(root, 'tmp', 'bench-build');

interface Stage {
  stage: string;
  seconds: number;
  peakMB: number;
}

const results: Record<string, unknown>[] = [];
for (const count of counts.length ? counts : [1000]) {
  const dir = join(work, String(count));
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  log(`\n== ${count} reports (seed ${seed}) in ${dir}`);
  run('synth', 'node', ['scripts/synth.ts', '--count', String(count), '--seed', seed, '--out', join(dir, 'corpus')], {});
  const env = {
    CONTENT_DIR: join(dir, 'corpus', 'raw'),
    REPORTS_DIR: join(dir, 'reports'),
    INGEST_SUMMARY: join(dir, 'ingest-summary.json'),
    OUT_DIR: join(dir, 'dist'),
  };
  const full = build(env);
  const sizes = measure(env.OUT_DIR);

  // One raw file changes. The rebuild runs with Astro's incremental build, whose cache a first
  // build with it on must fill (that build is slower, so it is not the full-build figure).
  const incremental = { ...env, ASTRO_INCREMENTAL: '1' };
  build(incremental);
  appendFileSync(firstFile(env.CONTENT_DIR), '\n');
  const again = build(incremental);

  const base = run('baseline', 'npx', ['astro', 'build', '--root', 'bench/baseline', '--silent'], {
    OUT_DIR: join(dir, 'baseline'),
    BASELINE_PAGES: String(count),
  });
  const fullSeconds = sum(full);
  const row = {
    reports: count,
    stages: full,
    fullSeconds,
    peakMB: Math.max(...full.map((s) => s.peakMB)),
    rebuildSeconds: sum(again),
    rebuildShare: sum(again) / fullSeconds,
    baselineSeconds: base.seconds,
    astroToBaseline: full.find((s) => s.stage === 'astro')!.seconds / base.seconds,
    ...sizes,
  };
  results.push(row);
  print(row);
}
mkdirSync(join(root, 'bench', 'out'), { recursive: true });
writeFileSync(join(root, 'bench', 'out', 'build.json'), JSON.stringify(results, null, 1));

function build(env: Record<string, string>): Stage[] {
  return [
    run('ingest', 'node', ['scripts/ingest.ts'], env),
    run('astro', 'npx', ['astro', 'build', '--silent'], env),
    run('downloads', 'node', ['scripts/write-downloads.ts'], env),
    run('pagefind', 'node', ['scripts/index-search.ts'], env),
  ];
}

/** Runs a stage under /usr/bin/time for wall seconds and peak RSS (largest process of the stage). */
function run(stage: string, cmd: string, argv: string[], env: Record<string, string>): Stage {
  const r = spawnSync('/usr/bin/time', ['-f', '%e %M', cmd, ...argv], {
    cwd: root,
    env: { ...process.env, ...env },
    encoding: 'utf8',
    maxBuffer: 1 << 28,
  });
  const last = r.stderr.trim().split('\n').pop() ?? '';
  if (r.status !== 0) {
    process.stderr.write(r.stderr.slice(-4000));
    throw new Error(`${stage} failed (exit ${r.status})`);
  }
  const [seconds, kb] = last.split(' ').map(Number);
  log(`  ${stage.padEnd(9)} ${seconds!.toFixed(1).padStart(7)} s  ${(kb! / 1024).toFixed(0).padStart(6)} MB peak`);
  return { stage, seconds: seconds!, peakMB: Math.round(kb! / 1024) };
}

function measure(out: string) {
  const du = (p: string) => Number(execFileSync('du', ['-sb', p], { encoding: 'utf8' }).split('\t')[0]);
  const reportsDir = join(out, 'reports');
  const pages = readdirSync(reportsDir, { withFileTypes: true })
    .filter((d) => d.isDirectory())
    .map((d) => statSync(join(reportsDir, d.name, 'index.html')).size)
    .sort((a, b) => a - b);
  return {
    distMB: du(out) / 1e6,
    searchIndexMB: du(join(out, 'pagefind')) / 1e6,
    medianPageKB: pages[Math.floor(pages.length / 2)]! / 1024,
    largestPageKB: pages[pages.length - 1]! / 1024,
  };
}

function firstFile(dir: string): string {
  const entries = readdirSync(dir, { recursive: true, withFileTypes: true }).filter((e) => e.isFile());
  return join(entries[0]!.parentPath, entries[0]!.name);
}

function sum(stages: Stage[]): number {
  return stages.reduce((s, x) => s + x.seconds, 0);
}

function print(r: Record<string, unknown>) {
  const f = (x: unknown) => (typeof x === 'number' ? (Number.isInteger(x) ? String(x) : x.toFixed(2)) : JSON.stringify(x));
  for (const [k, v] of Object.entries(r)) if (k !== 'stages') log(`  ${k.padEnd(16)} ${f(v)}`);
}

function log(s: string) {
  process.stdout.write(s + '\n');
}
