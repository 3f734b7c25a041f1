#!/usr/bin/env node
// npm run build: the whole site from content/raw.
//   1. ingest: raw files → one validated record per report. Astro starts beside it: its start-up
//      (config, Vite, the content store) takes over a second that needs no record, and its
//      loaders wait for the file named by INGEST_DONE_FILE, which appears when the records are done.
//   2. once the records are there, on two cores:
//        astro build                      the pages (its data store holds only key figures)
//        index-search, write-downloads    the search index and per-report downloads, from the records
//   3. place the index and downloads into the output folder (Astro empties it when it starts), side by side
// Each step prints its own progress; this prints how long each took (astro's time counts from its
// start, beside the ingest). BUILD_TIMINGS=FILE also writes them as JSON (bench/build.ts reads it).
import { spawn } from 'node:child_process';
import { readdirSync, rmSync, writeFileSync } from 'node:fs';
import { setPriority, tmpdir } from 'node:os';
import { join } from 'node:path';
import { astroBuildArgs, contentDir, root } from './lib/build-cache.ts';

const started = performance.now();
const timings: Record<string, number> = {};
const running = new Set<ReturnType<typeof spawn>>();
/** A lower priority (a higher nice value) for the steps that run beside Astro. */
const BEHIND = 10;
const ingestDone = join(tmpdir(), `gov-portal-ingested-${process.pid}`);
process.on('exit', () => rmSync(ingestDone, { force: true }));

// The heap cap follows the corpus; the raw files are the records to come, near enough.
const rawFiles = (() => {
  try {
    return readdirSync(contentDir(), { recursive: true, withFileTypes: true }).filter((e) => e.isFile()).length;
  } catch {
    return 0; // the ingest says what is wrong with the folder
  }
})();
await Promise.all([
  stage('astro', [astroBuildArgs(rawFiles, process.argv.slice(2))], { INGEST_DONE_FILE: ingestDone }),
  (async () => {
    await stage('ingest', [['scripts/ingest.ts']]);
    writeFileSync(ingestDone, '');
    // Astro is the longer path, so these two yield the cores to it (Pagefind's indexer, a child
    // of index-search, inherits the lower priority).
    await stage('search', [['scripts/index-search.ts', '--prepare']], {}, BEHIND);
    await stage('downloads', [['scripts/write-downloads.ts', '--prepare']], {}, BEHIND);
  })(),
]);
await stage('place', [
  ['scripts/index-search.ts', '--place'],
  ['scripts/write-downloads.ts', '--place'],
]);
timings.total = (performance.now() - started) / 1000;

const f = (k: string) => `${k} ${timings[k]!.toFixed(1)} s`;
process.stderr.write(`build: ${f('ingest')} · ${f('astro')} ∥ ${f('search')} + ${f('downloads')} · ${f('place')} · ${f('total')}\n`);
if (process.env.BUILD_TIMINGS) writeFileSync(process.env.BUILD_TIMINGS, JSON.stringify(timings));

/** Runs a stage's steps side by side, each as its own Node process (so its memory is its own), failing the build if one fails. */
async function stage(name: string, steps: string[][], env: Record<string, string> = {}, priority = 0): Promise<void> {
  const t = performance.now();
  await Promise.all(steps.map((args) => step(name, args, { ...process.env, ...env }, priority)));
  timings[name] = (performance.now() - t) / 1000;
}

function step(name: string, args: string[], env: NodeJS.ProcessEnv, priority: number): Promise<void> {
  return new Promise((done) => {
    const child = spawn(process.execPath, args, { cwd: root, env, stdio: 'inherit' });
    running.add(child);
    if (priority) {
      try {
        setPriority(child.pid!, priority);
      } catch {
        // Not allowed here: the step runs at the same priority, only slower beside Astro.
      }
    }
    child.on('exit', (code, signal) => {
      running.delete(child);
      if (code === 0) return done();
      process.stderr.write(`build: ${name} failed (${signal ?? `exit ${code}`}); stopping\n`);
      for (const other of running) other.kill();
      process.exit(code || 1);
    });
  });
}
