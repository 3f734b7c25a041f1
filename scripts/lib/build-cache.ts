// Shared by the build steps that run beside `astro build` (index-search, write-downloads): they
// prepare their output in a cache that survives between builds, because Astro empties the output
// folder when it starts, and place it into the output folder once Astro is done.
import { createHash } from 'node:crypto';
import { copyFileSync, linkSync, mkdirSync, readdirSync, rmSync, statSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join, relative, resolve } from 'node:path';

export const root = resolve(import.meta.dirname, '..', '..');

export function cacheDir(...parts: string[]): string {
  return join(resolve(process.env.BUILD_CACHE_DIR ?? join(root, 'node_modules', '.cache', 'gov-portal')), ...parts);
}

/** The raw reports the ingest reads (CONTENT_DIR overrides it). */
export function contentDir(): string {
  return resolve(process.env.CONTENT_DIR ?? join(root, 'content', 'raw'));
}

export function outDir(): string {
  return resolve(process.env.OUT_DIR ?? join(root, 'dist'));
}

/**
 * The heap cap for `astro build`. V8 lets the heap grow far past what Astro keeps alive before it
 * collects; Astro's live heap stays under 400 MB at 10,000 reports, so a cap proportional to the
 * corpus (with room to spare) takes ~350 MB off its peak at no measured cost in time, leaving the
 * memory to Pagefind beside it. ASTRO_HEAP_MB overrides it.
 */
function astroHeapMB(reports: number): number {
  return Number(process.env.ASTRO_HEAP_MB) || Math.round(320 + reports * 0.016);
}

/** Node arguments that run `astro build` for a corpus of `reports` reports, with its heap cap. */
export function astroBuildArgs(reports: number, extra: string[] = []): string[] {
  return [`--max-old-space-size=${astroHeapMB(reports)}`, join(root, 'node_modules', 'astro', 'bin', 'astro.mjs'), 'build', ...extra];
}

/** A short key for a record folder: builds of different corpora (tests, benchmarks) share one cache. */
export function corpusKey(reportsDir: string): string {
  return createHash('sha1').update(reportsDir).digest('hex').slice(0, 12);
}

/** A digest of source files (relative to the repo root): cached output made by older code is not reused. */
export async function codeDigest(files: string[]): Promise<string> {
  const h = createHash('sha1');
  for (const f of files) h.update(f).update('\0').update(await readFile(join(root, f))).update('\0');
  return h.digest('hex').slice(0, 16);
}

/** Hard-links every file under `from` into `to` (copying across file systems): instant, and the cache stays intact. */
export function linkTree(from: string, to: string): number {
  const entries = readdirSync(from, { withFileTypes: true, recursive: true });
  mkdirSync(to, { recursive: true });
  for (const d of entries.filter((e) => e.isDirectory())) mkdirSync(join(to, relative(from, join(d.parentPath, d.name))), { recursive: true });
  const files = entries.filter((e) => e.isFile()).map((e) => join(e.parentPath, e.name));
  for (const src of files) place(src, join(to, relative(from, src)));
  return files.length;
}

/**
 * Runs `fn` over `items` with a few calls in flight: one await at a time leaves the process
 * waiting on each read or write in turn; all at once would open 10,000 handles.
 */
export async function eachLimit<T>(items: readonly T[], fn: (item: T) => Promise<unknown>, limit = 32): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < items.length) await fn(items[next++]!);
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
}

/**
 * Puts `src` at `dst` as a hard link, unless `dst` already is one (an incremental build leaves the
 * output folder in place, so it usually is). Synchronous on purpose: placing 20,000 files is
 * 60,000 system calls, and through the thread pool each costs a round trip (1.1 s against 0.15 s
 * at 10,000 reports).
 */
export function place(src: string, dst: string): void {
  const there = statSync(dst, { throwIfNoEntry: false });
  if (there) {
    const s = statSync(src);
    if (s.ino === there.ino && s.dev === there.dev) return;
    rmSync(dst, { force: true });
  }
  try {
    linkSync(src, dst);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'EXDEV' || code === 'EPERM') return copyFileSync(src, dst);
    throw err;
  }
}

/** `--prepare`, `--place`, or both when neither is given (running a step on its own after `astro build`). */
export function phases(argv = process.argv.slice(2)): { prepare: boolean; place: boolean } {
  const prepare = argv.includes('--prepare');
  const placeOnly = argv.includes('--place');
  return { prepare: prepare || !placeOnly, place: placeOnly || !prepare };
}

export function seconds(since: number): string {
  return ((performance.now() - since) / 1000).toFixed(1);
}
