#!/usr/bin/env node
// npm run bench:parse -- [--count 2000] [--rounds 5] [--seed 1] [--warmup 1000]
// Parses generated corpora on one core and prints throughput, latency, memory and accuracy
// against the generator's truth (scored like the outside checks: every truth field).
// Throughput is that of a long ingest: the parser is first run on `--warmup` reports of another
// corpus (another seed), so V8 has optimised it, as it has a few hundred files into a real run;
// the timed reports themselves are parsed for the first time. Each round parses its own corpus
// (seeds S, S+1, …) and the median round is the figure: a round lasts about a second, and this
// shared machine's speed drifts by tens of percent over minutes.
import { PerformanceObserver, type PerformanceEntry } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import { finishCorpus } from '../src/lib/parse/corpus.ts';
import { parseReport } from '../src/lib/parse/index.ts';
import type { Report } from '../src/lib/schema/report.ts';
import { generateCorpus, type SynthReport } from '../src/lib/synth/index.ts';

const { values } = parseArgs({
  options: { count: { type: 'string', default: '2000' }, rounds: { type: 'string', default: '5' }, seed: { type: 'string', default: '1' }, warmup: { type: 'string', default: '1000' } },
});
const rounds = Array.from({ length: Number(values.rounds) }, (_, k) => [...generateCorpus({ count: Number(values.count), seed: Number(values.seed) + k })]);

// Warm-up: the gazetteer index and JIT are one-off costs, reported separately.
const warmup = [...generateCorpus({ count: Number(values.warmup), seed: Number(values.seed) + 1_000_003 })];
let t = performance.now();
parseReport({ bytes: warmup[0]!.bytes, file: warmup[0]!.path, path: warmup[0]!.path });
const firstMs = performance.now() - t;
for (const r of warmup) parseReport({ bytes: r.bytes, file: r.path, path: r.path });

// Garbage collection during the timed loop, as a share of its time (reported, not subtracted).
const gcEntries: PerformanceEntry[] = [];
const gcObserver = new PerformanceObserver((list) => gcEntries.push(...list.getEntries()));
gcObserver.observe({ entryTypes: ['gc'] });

const times: number[] = [];
const roundSeconds: number[] = [];
const scored = { right: 0, total: 0, misses: new Map<string, number>() };
const windows: [number, number][] = [];
const roundBytes: number[] = [];
let cpuMicros = 0;
let wall = 0;
for (const corpus of rounds) {
  const records: Report[] = [];
  roundBytes.push(corpus.reduce((s, r) => s + r.bytes.length, 0));
  const cpuStart = process.cpuUsage();
  const start = performance.now();
  for (const r of corpus) {
    t = performance.now();
    records.push(parseReport({ bytes: r.bytes, file: r.path, path: r.path }));
    times.push(performance.now() - t);
  }
  const end = performance.now();
  const cpu = process.cpuUsage(cpuStart);
  cpuMicros += cpu.user + cpu.system;
  windows.push([start, end]);
  wall += end - start;
  roundSeconds.push((end - start) / 1000);
  finishCorpus(records);
  score(corpus, records);
}
// GC entries are delivered asynchronously: let the observer catch up before reading them.
await new Promise((resolve) => setTimeout(resolve, 50));
gcObserver.disconnect();
let gcMs = 0;
let gcCount = 0;
for (const e of gcEntries) {
  if (!windows.some(([a, b]) => e.startTime >= a && e.startTime <= b)) continue;
  gcMs += e.duration;
  gcCount++;
}
times.sort((a, b) => a - b);

const count = Number(values.count);
const order = roundSeconds.map((_, k) => k).sort((a, b) => roundSeconds[b]! - roundSeconds[a]!);
const mid = order[Math.floor(order.length / 2)]!;
const print = (k: string, v: string) => process.stdout.write(`${k.padEnd(22)} ${v}\n`);
print('reports', `${rounds.length} rounds of ${count} (${(roundBytes[0]! / 1e6).toFixed(1)} MB each; seeds ${values.seed}–${Number(values.seed) + rounds.length - 1})`);
print('throughput', `${(count / roundSeconds[mid]!).toFixed(0)} reports/s, ${(roundBytes[mid]! / 1e6 / roundSeconds[mid]!).toFixed(2)} MB/s (one core; the median round)`);
print('rounds', `${order.map((k) => (count / roundSeconds[k]!).toFixed(0)).join(', ')} reports/s`);
print('per report', `p50 ${times[Math.floor(times.length / 2)]!.toFixed(2)} ms, p99 ${times[Math.floor(times.length * 0.99)]!.toFixed(2)} ms, max ${times[times.length - 1]!.toFixed(1)} ms`);
// On a shared machine CPU time shows whether wall time was lost to other processes.
print('cpu time', `${(cpuMicros / 1000).toFixed(0)} ms over ${wall.toFixed(0)} ms wall (${((count * rounds.length) / (cpuMicros / 1e6)).toFixed(0)} reports per CPU-second; GC threads count too)`);
print('garbage collection', `${((gcMs / wall) * 100).toFixed(1)} % of the rounds' time (${gcMs.toFixed(0)} ms in ${gcCount} pauses)`);
print('first report', `${firstMs.toFixed(0)} ms (gazetteer index, module warm-up)`);
print('peak RSS', `${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MB`);
print('accuracy', `${((scored.right / scored.total) * 100).toFixed(3)} % (${scored.right}/${scored.total} truth fields)`);
for (const [k, n] of [...scored.misses].sort((a, b) => b[1] - a[1]).slice(0, 10)) print('  miss', `${k} ×${n}`);

function score(corpus: SynthReport[], records: Report[]): void {
  corpus.forEach((c, i) => {
    const got = flatten(records[i]);
    for (const [k, v] of flatten(c.truth)) {
      scored.total++;
      const g = got.get(k);
      const a = k === 'agency' && typeof g === 'string' ? g.replace(/人民政府$/, '') : g;
      const b = k === 'agency' && typeof v === 'string' ? v.replace(/人民政府$/, '') : v;
      if (a === b || (typeof a === 'number' && typeof b === 'number' && Math.abs(a - b) < 1e-6 * Math.max(1, Math.abs(a)))) scored.right++;
      else {
        const key = k.replace(/\[\d\]/g, '[]');
        scored.misses.set(key, (scored.misses.get(key) ?? 0) + 1);
        if (process.env.VERBOSE) process.stderr.write(`${c.path}: ${k} expected ${JSON.stringify(v)} got ${JSON.stringify(g)}\n`);
      }
    }
  });
}

function flatten(x: unknown, prefix = '', out = new Map<string, unknown>()): Map<string, unknown> {
  if (x !== null && typeof x === 'object') {
    for (const [k, v] of Object.entries(x)) flatten(v, Array.isArray(x) ? `${prefix}[${k}]` : prefix ? `${prefix}.${k}` : k, out);
  } else if (x !== undefined) out.set(prefix, x);
  return out;
}
