// Bad input never throws and never vanishes: every file gets a record that says what is wrong.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { finishCorpus } from '../../../src/lib/parse/corpus.ts';
import { parseReport } from '../../../src/lib/parse/index.ts';

const seed = (n: string) => new Uint8Array(readFileSync(join(import.meta.dirname, '..', '..', 'fixtures', `seed-${n}`, 'input.txt')));
const codes = (bytes: Uint8Array) => parseReport({ bytes, file: 'x.txt' }).warnings.map((w) => w.code);

describe('bad input', () => {
  it('empty and whitespace-only files', () => {
    expect(codes(new Uint8Array())).toEqual(['EMPTY_FILE']);
    expect(codes(new TextEncoder().encode(' \n\t\n'))).toEqual(['EMPTY_FILE']);
  });

  it('binary files', () => {
    expect(codes(new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0x14, 0, 0, 0, 8, 0]))).toEqual(['BINARY_FILE']);
  });

  it('text that is not a report', () => {
    const r = parseReport({ bytes: new TextEncoder().encode('今天天气很好。\n我们去公园散步。\n'), file: 'news.txt' });
    expect(r.warnings.map((w) => w.code)).toEqual(['NOT_A_REPORT']);
    expect([r.agency, r.year, r.table2, r.table3, r.table4]).toEqual([null, null, null, null, null]);
  });

  it('a file cut in the middle of a character and of table 3 keeps what it has', () => {
    const r = parseReport({ bytes: seed('004').subarray(0, 5000), file: 'cut.txt' });
    expect(r.agency).toBe('夏邑县人民政府');
    expect(r.table2).not.toBeNull();
    expect(r.table3!.newReceived).toEqual([10, 2, 0, 0, 0, 0, 12]);
    expect(r.table3!.carriedForward).toEqual([null, null, null, null, null, null, null]);
    expect(r.table4).toBeNull();
    const c = r.warnings.map((w) => w.code + (w.path ? `@${w.path}` : ''));
    expect(c).toEqual(expect.arrayContaining(['DECODE_REPLACED', 'TRUNCATED', 'TABLE_MISSING@table4', 'ROW_MISSING@table3.carriedForward']));
  });

  it('a report cut before its tables', () => {
    const c = codes(seed('000').subarray(0, 3000));
    expect(c).toEqual(expect.arrayContaining(['TRUNCATED', 'TABLE_MISSING', 'SECTION_MISSING']));
  });

  it('flags duplicate files and keeps both, with distinct slugs', () => {
    const a = parseReport({ bytes: seed('001'), file: 'a.txt' });
    const b = parseReport({ bytes: seed('001'), file: 'b.txt' });
    finishCorpus([a, b]);
    expect(a.warnings.map((w) => w.code)).not.toContain('DUPLICATE_FILE');
    expect(b.warnings.find((w) => w.code === 'DUPLICATE_FILE')?.raw).toBe('a.txt');
    expect(a.slug).not.toBe(b.slug);
  });
});
