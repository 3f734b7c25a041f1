// Every folder under tests/fixtures/ is one report: input.* and expected.json (the truth format of
// the corpus README plus optional level, region, warnings and failedChecks). The record must match
// the truth field by field, scored the way the outside checks score it.
import { readdirSync, readFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseReport } from '../../src/lib/parse/index.ts';
import type { Report } from '../../src/lib/schema/report.ts';

const root = join(import.meta.dirname, '..', 'fixtures');
const cases = readdirSync(root, { withFileTypes: true })
  .filter((d) => d.isDirectory() && existsSync(join(root, d.name, 'expected.json')))
  .map((d) => d.name)
  .sort();

const TRUTH_KEYS = ['agency', 'year', 'template', 'proactiveTotal', 'table2', 'table3', 'table4', 'level'] as const;

describe('fixtures', () => {
  it('has the five seeds and at least 15 further fixtures', () => {
    expect(cases.filter((c) => c.startsWith('seed-'))).toHaveLength(5);
    expect(cases.filter((c) => !c.startsWith('seed-')).length).toBeGreaterThanOrEqual(15);
  });

  for (const name of cases) {
    it(name, () => {
      const dir = join(root, name);
      const input = readdirSync(dir).find((f) => f.startsWith('input'))!;
      const expected = JSON.parse(readFileSync(join(dir, 'expected.json'), 'utf8'));
      const report = parseReport({ bytes: new Uint8Array(readFileSync(join(dir, input))), file: join(name, input) });
      expect(mismatches(expected, report)).toEqual([]);
    });
  }
});

function mismatches(expected: Record<string, unknown>, report: Report): string[] {
  const out: string[] = [];
  const got = report as unknown as Record<string, unknown>;
  for (const key of TRUTH_KEYS) {
    if (!(key in expected)) continue;
    const want = flatten(expected[key], key);
    const have = flatten(got[key], key);
    for (const [path, value] of want) {
      const actual = have.has(path) ? have.get(path) : '<absent>';
      const a = key === 'agency' ? stripGov(actual) : actual;
      const b = key === 'agency' ? stripGov(value) : value;
      if (!same(a, b)) out.push(`${path}: expected ${JSON.stringify(value)}, got ${JSON.stringify(actual)}`);
    }
  }
  for (const [k, v] of Object.entries((expected.region ?? {}) as Record<string, unknown>)) {
    const actual = (report.region as Record<string, unknown>)[k];
    if (actual !== v) out.push(`region.${k}: expected ${JSON.stringify(v)}, got ${JSON.stringify(actual)}`);
  }
  for (const w of (expected.warnings ?? []) as { code: string; path?: string }[]) {
    if (!report.warnings.some((x) => x.code === w.code && (w.path === undefined || x.path === w.path))) {
      out.push(`warning ${w.code}${w.path ? ` at ${w.path}` : ''} missing (got ${report.warnings.map((x) => x.code + (x.path ? '@' + x.path : '')).join(', ')})`);
    }
  }
  const failed = new Set(report.checks.filter((c) => c.pass === false).map((c) => c.id));
  for (const id of (expected.failedChecks ?? []) as string[]) if (!failed.has(id)) out.push(`check ${id} should fail`);
  return out;
}

function flatten(x: unknown, prefix: string, out = new Map<string, unknown>()): Map<string, unknown> {
  if (x !== null && typeof x === 'object') {
    for (const [k, v] of Object.entries(x)) flatten(v, Array.isArray(x) ? `${prefix}[${k}]` : `${prefix}.${k}`, out);
  } else out.set(prefix, x);
  return out;
}

function stripGov(v: unknown): unknown {
  return typeof v === 'string' ? v.trim().replace(/人民政府$/, '') : v;
}

function same(a: unknown, b: unknown): boolean {
  if (typeof a === 'number' && typeof b === 'number') return Math.abs(a - b) < 1e-6 * Math.max(1, Math.abs(a));
  return a === b;
}
