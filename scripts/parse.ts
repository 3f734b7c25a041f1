#!/usr/bin/env node
// npm run parse -- FILE…  → one JSON record per input file per line (JSON Lines), in input order.
// A folder stands for every file under it. Problems go to stderr, naming the file.
import { readdir, readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { finishCorpus } from '../src/lib/parse/corpus.ts';
import { parseReport } from '../src/lib/parse/index.ts';
import type { Report } from '../src/lib/schema/report.ts';

const args = process.argv.slice(2);
if (args.length === 0) {
  process.stderr.write('usage: npm run parse -- FILE…\n');
  process.exit(2);
}

const files: string[] = [];
for (const arg of args) {
  const isDir = await stat(arg).then((s) => s.isDirectory(), () => false);
  if (!isDir) files.push(arg);
  else {
    const entries = await readdir(arg, { recursive: true, withFileTypes: true });
    files.push(...entries.filter((e) => e.isFile() && !e.name.startsWith('.')).map((e) => join(e.parentPath, e.name)).sort());
  }
}

const records: Report[] = [];
let failed = 0;
for (const file of files) {
  try {
    records.push(parseReport({ bytes: new Uint8Array(await readFile(file)), file }));
  } catch (err) {
    failed++;
    const reason = (err as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : (err as Error).message;
    process.stderr.write(`parse: ${file}: ${reason}\n`);
  }
}
for (const r of finishCorpus(records)) process.stdout.write(JSON.stringify(r) + '\n');
for (const r of records) {
  const errors = r.warnings.filter((w) => w.severity === 'error');
  if (errors.length) process.stderr.write(`parse: ${r.file}: ${errors.map((w) => `${w.code} ${w.message}`).join('; ')}\n`);
}
process.exitCode = failed ? 1 : 0;
