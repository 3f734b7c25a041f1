#!/usr/bin/env node
// npm run synth -- --count N --seed S --out DIR
// Writes N generated reports to DIR/raw/<省>/<市>/<县>/<n>.txt and what a careful reader gets out of
// each to DIR/truth/<same path>.json. Same arguments, same bytes.
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { parseArgs } from 'node:util';
import { generateCorpus } from '../src/lib/synth/index.ts';

const { values } = parseArgs({ options: { count: { type: 'string', default: '1000' }, seed: { type: 'string', default: '1' }, out: { type: 'string' } } });
if (!values.out) {
  process.stderr.write('usage: npm run synth -- --count N --seed S --out DIR\n');
  process.exit(2);
}
const count = Number(values.count);
const started = performance.now();
let bytes = 0;
for (const [i, r] of [...generateCorpus({ count, seed: Number(values.seed) })].entries()) {
  for (const [kind, data] of [['raw', r.bytes], ['truth', JSON.stringify(r.truth, null, 1)]] as const) {
    const file = join(values.out, kind, kind === 'raw' ? r.path : r.path.replace(/\.txt$/, '.json'));
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, data);
  }
  bytes += r.bytes.length;
  if ((i + 1) % 2000 === 0) process.stderr.write(`synth: ${i + 1}/${count}\n`);
}
const s = (performance.now() - started) / 1000;
process.stderr.write(`synth: ${count} reports (${(bytes / 1e6).toFixed(1)} MB) in ${s.toFixed(1)} s → ${values.out}/raw, ${values.out}/truth\n`);
