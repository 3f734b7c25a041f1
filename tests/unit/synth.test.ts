// The generated corpus is deterministic, and parsing it reproduces its truth: a parser test over
// every layout, encoding and script the generator knows, at a scale the fixtures can't reach.
import { describe, expect, it } from 'vitest';
import { finishCorpus } from '../../src/lib/parse/corpus.ts';
import { parseReport } from '../../src/lib/parse/index.ts';
import { generateCorpus } from '../../src/lib/synth/index.ts';

const corpus = (count: number, seed: number) => [...generateCorpus({ count, seed })];

describe('generateCorpus', () => {
  it('is deterministic', () => {
    const a = corpus(50, 3);
    const b = corpus(50, 3);
    expect(b.map((r) => r.path)).toEqual(a.map((r) => r.path));
    expect(b.map((r) => Buffer.from(r.bytes).toString('base64'))).toEqual(a.map((r) => Buffer.from(r.bytes).toString('base64')));
    expect(corpus(50, 4).map((r) => r.path)).not.toEqual(a.map((r) => r.path));
  });

  it('covers every layout, encoding and both templates', () => {
    const c = corpus(400, 11);
    expect(new Set(c.map((r) => r.variant.layout))).toEqual(new Set(['docx', 'tab', 'space', 'pipe', 'html']));
    expect(new Set(c.map((r) => r.variant.encoding))).toEqual(new Set(['utf-8', 'utf-8-bom-crlf', 'gb18030']));
    expect(c.some((r) => r.variant.traditional)).toBe(true);
    expect(new Set(c.map((r) => r.truth.template))).toEqual(new Set(['2019', '2021', null]));
    expect(c.some((r) => !r.variant.adds)).toBe(true);
    expect(new Set(c.map((r) => r.variant.headings))).toEqual(new Set(['numbered', 'paren', 'bare']));
    expect(new Set(c.map((r) => r.variant.characters))).toEqual(new Set([null, 'radicals', 'spaced']));
    expect(new Set(c.map((r) => r.variant.leftovers))).toEqual(new Set([null, 'form-feeds', 'web']));
  });

  it('parses back to its truth, field by field', () => {
    const c = corpus(300, 5);
    const records = finishCorpus(c.map((r) => parseReport({ bytes: r.bytes, file: r.path, path: r.path })));
    const misses: string[] = [];
    c.forEach((r, i) => {
      const got = flatten(records[i]);
      for (const [k, v] of flatten(r.truth)) {
        const g = got.get(k);
        if (g !== v) misses.push(`${r.path} (${JSON.stringify(r.variant)}): ${k} expected ${JSON.stringify(v)} got ${JSON.stringify(g)}`);
      }
    });
    expect(misses).toEqual([]);
  });
});

function flatten(x: unknown, prefix = '', out = new Map<string, unknown>()): Map<string, unknown> {
  if (x !== null && typeof x === 'object') {
    for (const [k, v] of Object.entries(x)) flatten(v, Array.isArray(x) ? `${prefix}[${k}]` : prefix ? `${prefix}.${k}` : k, out);
  } else if (x !== undefined) out.set(prefix, x);
  return out;
}
