#!/usr/bin/env node
// npm run bench:build -- [--count 1000] [--count 10000] [--seed 1]   (ASTRO_INCREMENTAL=0 to compare)
// Generates N synthetic reports and runs the real `npm run build` (scripts/build.ts) on them:
//   - a cold build (empty caches): wall seconds per step, peak memory of the whole process tree
//     (the largest single process and the sum of all processes alive at once, sampled from /proc
//     every 100 ms, so Pagefind's indexer, a child of a child, is counted too);
//   - output sizes: dist/, the search index, median and largest report page;
//   - the same number of pages built by a bare Astro page with the same layout and build settings
//     (bench/baseline), and the ratio to it of the astro step on its own (and of the astro step
//     inside the build, where it shares the cores with the search index and the downloads); also
//     the bare pages without incremental builds, and the ratio to those;
//   - a rebuild after a sentence is added to one report's prose (warm caches: ingest, search
//     records and shards, downloads and, unless ASTRO_INCREMENTAL=0, Astro's incremental build,
//     whose cold build fills its cache): its record, page and search shard are made again.
// The bare pages and Astro on its own are each built three times, alternately, and the fastest run
// of each is kept: this machine's disk and CPU speed drift by tens of percent over minutes.
// The previous run's output (4 GB at 10,000 reports) is moved aside and deleted only after the
// last figure: deleting it first left the file system discarding freed blocks during the cold
// build, which slowed its writes (measured: writing 3,000 pages took 4.2 s just after a large
// delete against 0.9 s without one).
// Figures go to stdout and bench/out/build.json.
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { join, resolve } from 'node:path';
import { astroBuildArgs } from '../scripts/lib/build-cache.ts';
import { recordSlugs } from '../src/lib/data/reports-loader.ts';

const args = process.argv.slice(2);
const counts = args.flatMap((a, i) => (a === '--count' ? [Number(args[i + 1])] : []));
const seed = args.includes('--seed') ? args[args.indexOf('--seed') + 1]! : '1';
const incremental = process.env.ASTRO_INCREMENTAL !== '0';
const root = resolve(import.meta.dirname, '..');
const work = resolve(root, 'tmp', 'bench-build');

interface Run {
  seconds: number;
  steps: Record<string, number>;
  /** Largest single process (MB). */
  peakProcessMB: number;
  /** All processes of the build alive at the same moment (MB). */
  peakTotalMB: number;
}

const results: Record<string, unknown>[] = [];
const trash = join(work, `.old-${process.pid}`);
for (const count of counts.length ? counts : [1000]) {
  const dir = join(work, String(count));
  if (existsSync(dir)) {
    mkdirSync(trash, { recursive: true });
    renameSync(dir, join(trash, String(count)));
  }
  mkdirSync(dir, { recursive: true });
  log(`\n== ${count} reports (seed ${seed}) in ${dir}`);
  await run([join(root, 'scripts', 'synth.ts'), '--count', String(count), '--seed', seed, '--out', join(dir, 'corpus')], {});
  const env: Record<string, string> = {
    CONTENT_DIR: join(dir, 'corpus', 'raw'),
    REPORTS_DIR: join(dir, 'reports'),
    OUT_DIR: join(dir, 'dist'),
    BUILD_CACHE_DIR: join(dir, 'cache'),
    INGEST_CACHE_DIR: join(dir, 'cache', 'ingest'),
    ASTRO_CACHE_DIR: join(dir, 'cache', 'astro'),
  };
  const full = await build(env, 'cold build');
  const sizes = measure(env.OUT_DIR!);

  editOneReport(env.CONTENT_DIR!);
  const again = await build(env, 'rebuild, one raw file edited');

  // In the build, Astro starts beside the ingest and shares the two cores with the search index
  // and the downloads for half its run. On its own (same records, same heap cap, empty caches,
  // nothing beside it) it shows what the pages cost, which is what the bare pages are compared with.
  const slugs = (await recordSlugs(env.REPORTS_DIR)).length;
  const bases: number[] = [];
  const plains: number[] = [];
  const alones: number[] = [];
  const bare = (round: number, kind: string, extra: Record<string, string> = {}) =>
    run([join(root, 'node_modules', 'astro', 'bin', 'astro.mjs'), 'build', '--root', 'bench/baseline', '--silent'], {
      OUT_DIR: join(dir, `${kind}-${round}`),
      ASTRO_CACHE_DIR: join(dir, 'cache', `${kind}-${round}`),
      BASELINE_PAGES: String(sizes.htmlPages),
      ...extra,
    });
  for (const round of [1, 2, 3]) {
    const base = await bare(round, 'baseline');
    bases.push(base.seconds);
    log(`  baseline: ${sizes.htmlPages} bare pages in ${base.seconds.toFixed(1)} s${incremental ? ' (incremental, as the portal)' : ''}`);
    if (incremental) {
      // The same bare pages without the incremental cache's second copy of every page, to show
      // what that setting costs on its own.
      const plain = await bare(round, 'baseline-plain', { ASTRO_INCREMENTAL: '0' });
      plains.push(plain.seconds);
      log(`  baseline without incremental builds: ${plain.seconds.toFixed(1)} s`);
    }
    const alone = await run(astroBuildArgs(slugs, ['--silent']), {
      ...env,
      OUT_DIR: join(dir, `astro-alone-${round}`),
      ASTRO_CACHE_DIR: join(dir, 'cache', `astro-alone-${round}`),
    });
    alones.push(alone.seconds);
    log(`  astro alone: ${alone.seconds.toFixed(1)} s`);
  }
  const baseSeconds = Math.min(...bases);
  const plainSeconds = plains.length ? Math.min(...plains) : baseSeconds;
  const aloneSeconds = Math.min(...alones);
  const row = {
    reports: count,
    incremental,
    steps: full.steps,
    fullSeconds: full.seconds,
    reportsPerSecond: count / full.seconds,
    peakProcessMB: full.peakProcessMB,
    peakTotalMB: full.peakTotalMB,
    peakTotalKBPerReport: (full.peakTotalMB * 1024) / count,
    rebuildSeconds: again.seconds,
    rebuildSteps: again.steps,
    rebuildShare: again.seconds / full.seconds,
    baselinePages: sizes.htmlPages,
    baselineSeconds: baseSeconds,
    baselineRuns: bases,
    astroAloneSeconds: aloneSeconds,
    astroAloneRuns: alones,
    astroAloneToBaseline: aloneSeconds / baseSeconds,
    plainBaselineSeconds: plainSeconds,
    plainBaselineRuns: plains,
    astroAloneToPlainBaseline: aloneSeconds / plainSeconds,
    // From the end of the ingest (Astro's start-up overlaps it, so this is a little short).
    astroInBuildToBaseline: (full.steps.astro! - full.steps.ingest!) / baseSeconds,
    ...sizes,
  };
  results.push(row);
  print(row);
}
mkdirSync(join(root, 'bench', 'out'), { recursive: true });
writeFileSync(join(root, 'bench', 'out', 'build.json'), JSON.stringify(results, null, 1));
// Also what an interrupted run left behind.
for (const old of readdirSync(work).filter((n) => n.startsWith('.old-'))) rmSync(join(work, old), { recursive: true, force: true });

async function build(env: Record<string, string>, label: string): Promise<Run> {
  const timings = join(work, 'timings.json');
  const r = await run([join(root, 'scripts', 'build.ts')], { ...env, BUILD_TIMINGS: timings });
  const steps = JSON.parse(readFileSync(timings, 'utf8')) as Record<string, number>;
  log(`  ${label}: ${r.seconds.toFixed(1)} s (${Object.entries(steps).map(([k, v]) => `${k} ${v.toFixed(1)}`).join(', ')}), peak ${r.peakProcessMB} MB one process, ${r.peakTotalMB} MB all`);
  return { ...r, steps };
}

/** Runs a Node script, sampling the memory of its whole process tree. */
function run(argv: string[], env: Record<string, string>): Promise<Omit<Run, 'steps'>> {
  const started = performance.now();
  const child = spawn(process.execPath, argv, { cwd: root, env: { ...process.env, ...env }, stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  child.stderr.on('data', (d) => (stderr = (stderr + d).slice(-8000)));
  let peakProcess = 0;
  let peakTotal = 0;
  const sampler = setInterval(() => {
    const rss = treeRss(child.pid!);
    peakProcess = Math.max(peakProcess, ...rss, 0);
    peakTotal = Math.max(peakTotal, rss.reduce((a, b) => a + b, 0));
  }, 100);
  return new Promise((done, fail) => {
    child.on('exit', (code) => {
      clearInterval(sampler);
      if (code !== 0) {
        process.stderr.write(stderr);
        return fail(new Error(`${argv.join(' ')} exited ${code}`));
      }
      done({ seconds: (performance.now() - started) / 1000, peakProcessMB: Math.round(peakProcess / 1024), peakTotalMB: Math.round(peakTotal / 1024) });
    });
  });
}

/** RSS (KB) of a process and all its descendants, from /proc. */
function treeRss(pid: number): number[] {
  const children = new Map<number, number[]>();
  const rss = new Map<number, number>();
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const stat = readFileSync(`/proc/${name}/stat`, 'utf8');
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      const ppid = Number(fields[1]);
      (children.get(ppid) ?? children.set(ppid, []).get(ppid)!).push(Number(name));
      rss.set(Number(name), Number(fields[21]) * 4);
    } catch {
      // The process ended while being read.
    }
  }
  const out: number[] = [];
  const queue = [pid];
  while (queue.length) {
    const p = queue.pop()!;
    out.push(rss.get(p) ?? 0);
    queue.push(...(children.get(p) ?? []));
  }
  return out;
}

function measure(out: string) {
  const du = (p: string) => Number(execFileSync('du', ['-sb', p], { encoding: 'utf8' }).split('\t')[0]);
  const reportsDir = join(out, 'reports');
  const pages = readdirSync(reportsDir, { withFileTypes: true })
    .filter((d) => d.isDirectory())
    .map((d) => statSync(join(reportsDir, d.name, 'index.html')).size)
    .sort((a, b) => a - b);
  const htmlPages = readdirSync(out, { recursive: true, withFileTypes: true }).filter((e) => e.isFile() && e.name.endsWith('.html')).length;
  return {
    htmlPages,
    distMB: du(out) / 1e6,
    searchIndexMB: du(join(out, 'pagefind')) / 1e6,
    medianPageKB: pages[Math.floor(pages.length / 2)]! / 1024,
    largestPageKB: pages[pages.length - 1]! / 1024,
  };
}

/**
 * Adds a sentence to the prose of one report, as a correction would: its record, page and search
 * shard change, its figures (and so its peers' and regions' pages) do not.
 */
function editOneReport(dir: string): void {
  const utf8 = new TextDecoder('utf-8', { fatal: true });
  for (const e of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (!e.isFile()) continue;
    const file = join(e.parentPath, e.name);
    let text: string;
    try {
      text = utf8.decode(readFileSync(file));
    } catch {
      continue; // GB18030 or damaged: the next one
    }
    if (!text.includes('。')) continue;
    writeFileSync(file, text.replace('。', '。本机关持续推进基层政务公开标准化规范化建设。'));
    return;
  }
  throw new Error(`no UTF-8 report with prose under ${dir}`);
}

function print(r: Record<string, unknown>) {
  const f = (x: unknown) => (typeof x === 'number' ? (Number.isInteger(x) ? String(x) : x.toFixed(2)) : JSON.stringify(x));
  for (const [k, v] of Object.entries(r)) log(`  ${k.padEnd(26)} ${f(v)}`);
}

function log(s: string) {
  process.stdout.write(s + '\n');
}
