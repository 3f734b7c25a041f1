#!/usr/bin/env node
// npm run ingest: content/raw/** (any depth) → content/reports/<slug>.json, one record per report,
// plus content/ingest-summary.json. Parsing is cheap (thousands of reports a second), so every file
// is parsed each time; a record file is rewritten only when its content changed (atomically), so the
// site's content layer and incremental builds see only real changes.
//
// CONTENT_DIR and REPORTS_DIR override the input and output folders (benchmarks use them).
import { mkdir, readdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { dirname, join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { finishCorpus } from '../src/lib/parse/corpus.ts';
import { parseReport } from '../src/lib/parse/index.ts';
import type { Report } from '../src/lib/schema/report.ts';
import { summarise, type IngestSummary } from '../src/lib/parse/summary.ts';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const rawDir = process.env.CONTENT_DIR ?? join(root, 'content', 'raw');
const outDir = process.env.REPORTS_DIR ?? join(root, 'content', 'reports');
const summaryFile = join(dirname(outDir), 'ingest-summary.json');
const started = performance.now();
const log = (s: string) => process.stderr.write(s + '\n');

const files = await listFiles(rawDir);
log(`ingest: ${files.length} files under ${relative(process.cwd(), rawDir) || '.'}`);
const records: Report[] = [];
const unreadable: { file: string; reason: string }[] = [];
let lastProgress = performance.now();

for (const [i, file] of files.entries()) {
  const rel = relative(rawDir, file).split(sep).join('/');
  try {
    records.push(parseReport({ bytes: new Uint8Array(await readFile(file)), file: rel, path: rel }));
  } catch (err) {
    unreadable.push({ file: rel, reason: (err as Error).message });
    log(`ingest: ${rel}: cannot read: ${(err as Error).message}`);
  }
  if (performance.now() - lastProgress > 2000) {
    lastProgress = performance.now();
    log(`ingest: ${i + 1}/${files.length} files parsed`);
  }
}

finishCorpus(records);
const summary: IngestSummary = summarise(records, unreadable, files.length);
const rejected = new Set(summary.rejected.map((r) => r.file));
const reports = records.filter((r) => !rejected.has(r.file));
const written = await writeRecords(reports);
await writeAtomic(summaryFile, JSON.stringify(summary, null, 1));

const s = summary;
log(
  [
    `ingest: done in ${((performance.now() - started) / 1000).toFixed(1)} s`,
    `  files read:            ${s.files}`,
    `  records written:       ${s.reports} (${written.changed} new or changed, ${written.removed} stale removed)`,
    `  rejected files:        ${s.rejected.length}${s.rejected.length ? ' — ' + s.rejected.slice(0, 5).map((r) => `${r.file} (${r.reason})`).join('; ') : ''}`,
    `  reports failing checks: ${s.failedChecks}`,
    `  reports with warnings: ${s.withWarnings} (${Object.entries(s.warningCounts).map(([k, v]) => `${k} ${v}`).join(', ') || 'none'})`,
    `  errors:                ${s.errors}`,
  ].join('\n'),
);
if (s.reports === 0) {
  log('ingest: nothing could be ingested');
  process.exit(1);
}

async function listFiles(dir: string): Promise<string[]> {
  const out: string[] = [];
  let entries;
  try {
    entries = await readdir(dir, { withFileTypes: true, recursive: true });
  } catch {
    log(`ingest: input folder ${dir} does not exist`);
    process.exit(1);
  }
  for (const e of entries) if (e.isFile() && !e.name.startsWith('.')) out.push(join(e.parentPath, e.name));
  return out.sort((a, b) => a.localeCompare(b, 'zh-CN'));
}

async function writeRecords(reports: Report[]): Promise<{ changed: number; removed: number }> {
  await mkdir(outDir, { recursive: true });
  const keep = new Set<string>();
  let changed = 0;
  for (const r of reports) {
    const path = join(outDir, `${r.slug}.json`);
    keep.add(`${r.slug}.json`);
    const json = JSON.stringify(r);
    const old = await readFile(path, 'utf8').catch(() => null);
    if (old === json) continue;
    await writeAtomic(path, json);
    changed++;
  }
  let removed = 0;
  for (const name of await readdir(outDir)) {
    if (name.endsWith('.json') && !name.startsWith('.') && !keep.has(name)) {
      await rm(join(outDir, name));
      removed++;
    }
  }
  return { changed, removed };
}

async function writeAtomic(path: string, data: string): Promise<void> {
  const tmp = `${path}.${process.pid}.tmp`;
  await writeFile(tmp, data);
  await rename(tmp, path);
}
