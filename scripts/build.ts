#!/usr/bin/env node
// npm run build: the whole site from content/raw.
//   1. ingest: raw files → one validated record per report
//   2. at the same time, on two cores:
//        astro build                      the pages (its data store holds only key figures)
//        index-search, write-downloads    the search index and per-report downloads, from the records
//   3. place the index and downloads into the output folder (Astro empties it when it starts)
// Each step prints its own progress; this prints how long each took. BUILD_TIMINGS=FILE also
// writes them as JSON (bench/build.ts reads it).
import { spawn } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { astroBuildArgs, root } from './lib/build-cache.ts';
import { recordSlugs } from '../src/lib/data/reports-loader.ts';

const started = performance.now();
const timings: Record<string, number> = {};
const running = new Set<ReturnType<typeof spawn>>();

await step('ingest', ['scripts/ingest.ts']);
const reports = (await recordSlugs()).length;
await Promise.all([
  step('astro', astroBuildArgs(reports, process.argv.slice(2))),
  (async () => {
    await step('search', ['scripts/index-search.ts', '--prepare']);
    await step('downloads', ['scripts/write-downloads.ts', '--prepare']);
  })(),
]);
await step('place', ['scripts/index-search.ts', '--place']);
await step('place', ['scripts/write-downloads.ts', '--place']);
timings.total = (performance.now() - started) / 1000;

const f = (k: string) => `${k} ${timings[k]!.toFixed(1)} s`;
process.stderr.write(`build: ${f('ingest')} · ${f('astro')} ∥ ${f('search')} + ${f('downloads')} · ${f('place')} · ${f('total')}\n`);
if (process.env.BUILD_TIMINGS) writeFileSync(process.env.BUILD_TIMINGS, JSON.stringify(timings));

/** Runs one step as its own Node process (so its memory is its own), failing the build if it fails. */
function step(name: string, args: string[]): Promise<void> {
  const t = performance.now();
  return new Promise((done) => {
    const child = spawn(process.execPath, args, { cwd: root, stdio: 'inherit' });
    running.add(child);
    child.on('exit', (code, signal) => {
      running.delete(child);
      timings[name] = (timings[name] ?? 0) + (performance.now() - t) / 1000;
      if (code === 0) return done();
      process.stderr.write(`build: ${name} failed (${signal ?? `exit ${code}`}); stopping\n`);
      for (const other of running) other.kill();
      process.exit(code || 1);
    });
  });
}
