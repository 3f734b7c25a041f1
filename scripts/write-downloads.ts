#!/usr/bin/env node
// Each report's downloads, <outDir>/reports/<slug>/record.json and tables.csv, straight from the
// ingested records. As Astro endpoints these two files cost more than the report page itself
// (≈4 ms per Response against ≈0.1 ms here), which at 10,000 reports decides the build budget.
//   --prepare  write tables.csv for new or changed records into the build cache (while Astro renders)
//   --place    link record.json and tables.csv into the report folders Astro built
//   neither    both
import { mkdir, readFile, rename, rm, readdir, stat, writeFile } from 'node:fs/promises';
import { readdirSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { tablesCsv } from '../src/lib/data/downloads.ts';
import { recordSlugs, reportsDir } from '../src/lib/data/reports-loader.ts';
import { isReport } from '../src/lib/parse/validate.ts';
import { cacheDir, codeDigest, corpusKey, eachLimit, outDir, phases, place, seconds } from './lib/build-cache.ts';

const started = performance.now();
const log = (s: string) => process.stderr.write(`write-downloads: ${s}\n`);
const dir = reportsDir();
const slugs = await recordSlugs(dir).catch(() => fail(`${dir} does not exist; run the ingest first`));
// One cache per record folder (tests and benchmarks build other corpora with the same slugs), and a
// fresh one whenever the code that lays out the tables changes.
const corpusDir = cacheDir('downloads', corpusKey(dir));
const csvDir = join(corpusDir, await codeDigest(['src/lib/data/downloads.ts', 'src/lib/data/template-tables.ts', 'src/lib/data/format.ts']));
const { prepare, place: placing } = phases();

if (prepare) {
  await mkdir(csvDir, { recursive: true });
  let written = 0;
  await eachLimit(slugs, async (slug) => {
    const record = join(dir, `${slug}.json`);
    const csv = join(csvDir, `${slug}.csv`);
    // The ingest rewrites a record only when it changed, so an older CSV is a stale one.
    const [r, c] = await Promise.all([stat(record), stat(csv).catch(() => null)]);
    if (c && c.mtimeMs >= r.mtimeMs) return;
    const data: unknown = JSON.parse(await readFile(record, 'utf8'));
    if (!isReport(data)) fail(`${record} is not a valid report record`);
    await writeFile(`${csv}.tmp`, tablesCsv(data));
    await rename(`${csv}.tmp`, csv);
    written++;
  });
  await prune();
  log(`${slugs.length} reports, ${written} tables.csv written, ${slugs.length - written} unchanged, ${seconds(started)} s`);
}

if (placing) {
  const t = performance.now();
  const out = outDir();
  for (const slug of slugs) {
    const target = join(out, 'reports', slug);
    // A report page that Astro did not build means the two steps disagree: fail loudly.
    if (!statSync(target, { throwIfNoEntry: false })) fail(`${target} missing: was astro build run with the same REPORTS_DIR?`);
    place(join(dir, `${slug}.json`), join(target, 'record.json'));
    try {
      place(join(csvDir, `${slug}.csv`), join(target, 'tables.csv'));
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ENOENT') fail(`no tables.csv prepared for ${slug}; run with --prepare first`);
      throw err;
    }
  }
  // An incremental build keeps the output folder: downloads of reports that are gone go with them.
  const current = new Set(slugs);
  for (const e of readdirSync(join(out, 'reports'), { withFileTypes: true })) {
    if (e.isDirectory() && !current.has(e.name)) rmSync(join(out, 'reports', e.name), { recursive: true, force: true });
  }
  log(`${slugs.length} reports → record.json + tables.csv in ${seconds(t)} s`);
}

/** CSVs of older code and of reports that are gone. */
async function prune(): Promise<void> {
  for (const d of await readdir(corpusDir)) if (join(corpusDir, d) !== csvDir) await rm(join(corpusDir, d), { recursive: true, force: true });
  const current = new Set(slugs.map((s) => `${s}.csv`));
  for (const f of await readdir(csvDir)) if (!current.has(f)) await rm(join(csvDir, f), { force: true });
}

function fail(message: string): never {
  log(message);
  process.exit(1);
}
