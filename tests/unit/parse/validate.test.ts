// The compiled schema must accept exactly the records zod accepts: it replaces zod on the parse
// path, and a record it wrongly accepted would skip its SCHEMA_INVALID warning.
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { parseReport } from '../../../src/lib/parse/index.ts';
import { compileSchema } from '../../../src/lib/parse/validate.ts';
import { ReportSchema } from '../../../src/lib/schema/report.ts';
import { generateCorpus } from '../../../src/lib/synth/index.ts';

const isReport = compileSchema(ReportSchema)!;
const records = [...generateCorpus({ count: 60, seed: 5 })].map((r) => parseReport({ bytes: r.bytes, file: r.path, path: r.path }));

const REPLACEMENTS: unknown[] = [
  null, undefined, NaN, Infinity, -Infinity, 0, -1, 1, 6, 7, 1.5, 2 ** 53, -(2 ** 53), '', 'x', '2019', 'warning', 'table3',
  'province', 'utf-8', true, false, {}, [], [0, 0, 0, 0, 0, 0, 0], [0, 0, 0, 0, 0, 0], [null, 0, 0, 0, 0, 0, 0, 0], { code: 'EMPTY_FILE' },
];

/** Every value of a record with the path to it. */
function paths(x: unknown, at: (string | number)[] = [], out: (string | number)[][] = []): (string | number)[][] {
  out.push(at);
  if (x !== null && typeof x === 'object') for (const k of Object.keys(x)) paths((x as Record<string, unknown>)[k], [...at, Array.isArray(x) ? Number(k) : k], out);
  return out;
}

function mutated(record: unknown, path: (string | number)[], how: number, value: unknown): unknown {
  const copy = structuredClone(record) as Record<string | number, unknown>;
  if (path.length === 0) return value;
  let o = copy;
  for (const k of path.slice(0, -1)) o = o[k] as Record<string | number, unknown>;
  const last = path[path.length - 1]!;
  if (how === 0) o[last] = value;
  else if (how === 1) delete o[last];
  else if (Array.isArray(o)) o.push(value);
  else o[`extra${how}`] = value;
  return copy;
}

describe('compiled ReportSchema', () => {
  it('compiles', () => {
    expect(isReport).toBeTypeOf('function');
  });

  it('agrees with zod on parsed records', () => {
    for (const r of records) expect(isReport(r)).toBe(ReportSchema.safeParse(r).success);
  });

  it('agrees with zod on every kind of damage at every place', () => {
    let seed = 1;
    const rnd = (n: number) => ((seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) >>> 16) % n;
    let rejected = 0;
    const disagree: string[] = [];
    // Records with and without failed checks, warnings with and without paths, both templates.
    for (const r of records.filter((_, i) => i % 15 === 0)) {
      for (const path of paths(r)) {
        for (let k = 0; k < 2; k++) {
          const m = mutated(r, path, rnd(4), REPLACEMENTS[rnd(REPLACEMENTS.length)]);
          const expected = ReportSchema.safeParse(m).success;
          if (!expected) rejected++;
          if (isReport(m) !== expected) disagree.push(JSON.stringify(path));
        }
      }
    }
    expect(disagree).toEqual([]);
    expect(rejected).toBeGreaterThan(1000);
  }, 60_000);

  it('declines schemas it cannot compile exactly', () => {
    expect(compileSchema(z.string().email())).toBeNull();
    expect(compileSchema(z.number().multipleOf(2))).toBeNull();
    expect(compileSchema(z.object({ a: z.string() }).catchall(z.number()))).toBeNull();
    expect(compileSchema(z.object({ a: z.any() }))).toBeNull();
    expect(compileSchema(z.string().default('x'))).toBeNull();
  });
});
