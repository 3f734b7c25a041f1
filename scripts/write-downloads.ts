#!/usr/bin/env node
// After `astro build`: writes each report's downloads, <outDir>/reports/<slug>/record.json and
// tables.csv, straight from the ingested records. As Astro endpoints these two files cost more
// than the report page itself (≈4 ms per Response against ≈0.1 ms here: bench/build.ts), which
// at 10,000 reports is the difference between meeting the build budget and not.
import { writeFileSync } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { tablesCsv } from '../src/lib/data/downloads.ts';
import { ReportSchema } from '../src/lib/schema/report.ts';

const reportsDir = resolve(process.env.REPORTS_DIR ?? 'content/reports');
const outDir = resolve(process.env.OUT_DIR ?? 'dist');
const started = performance.now();
const log = (s: string) => process.stderr.write(s + '\n');

const names = (await readdir(reportsDir)).filter((n) => n.endsWith('.json') && !n.startsWith('_') && !n.startsWith('.'));
let written = 0;
for (const name of names) {
  const record = ReportSchema.parse(JSON.parse(await readFile(join(reportsDir, name), 'utf8')));
  const dir = join(outDir, 'reports', record.slug);
  // A report page that Astro did not build means the two steps disagree: fail loudly.
  await readdir(dir).catch(() => {
    log(`write-downloads: ${dir} missing: was astro build run with the same REPORTS_DIR?`);
    process.exit(1);
  });
  // Synchronous writes of small files are about twice as fast as awaited ones here.
  writeFileSync(join(dir, 'record.json'), JSON.stringify(record));
  writeFileSync(join(dir, 'tables.csv'), tablesCsv(record));
  written++;
}
log(`write-downloads: ${written} reports → record.json + tables.csv in ${((performance.now() - started) / 1000).toFixed(1)} s`);
