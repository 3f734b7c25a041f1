#!/usr/bin/env node
// npm run parse -- FILE…  → one JSON record per input file per line (JSON Lines), in input order.
import { readFile } from 'node:fs/promises';
import { finishCorpus } from '../src/lib/parse/corpus.ts';
import { parseReport } from '../src/lib/parse/index.ts';
import type { Report } from '../src/lib/schema/report.ts';

const files = process.argv.slice(2);
if (files.length === 0) {
  process.stderr.write('usage: npm run parse -- FILE…\n');
  process.exit(2);
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
