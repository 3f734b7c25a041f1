import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseReport } from '../../../src/lib/parse/index.ts';

const seed = readFileSync(join(import.meta.dirname, '..', '..', 'fixtures', 'seed-004', 'input.txt'), 'utf8');
const truth = JSON.parse(readFileSync(join(import.meta.dirname, '..', '..', 'fixtures', 'seed-004', 'expected.json'), 'utf8'));
const parse = (text: string) => parseReport({ bytes: new TextEncoder().encode(text), file: 'x.txt' });
const ROW = '0\t0\t0\t1\t1\t1\t0\t0\t0\t1\t0\t0\t0\t0\t0\n';

describe('table 4', () => {
  it('reads the 15 numbers past a bare page number', () => {
    expect(parse(seed.replace(ROW, `${ROW}\n7\n`)).table4).toEqual(truth.table4);
  });

  it('reads them laid out as three rows of five', () => {
    const rows = ROW.trim().split('\t');
    const three = [0, 5, 10].map((i) => rows.slice(i, i + 5).join('\t')).join('\n') + '\n';
    expect(parse(seed.replace(ROW, three)).table4).toEqual(truth.table4);
  });

  it('leaves the table null, with the raw cells, when a number is missing', () => {
    const r = parse(seed.replace(ROW, ROW.replace('1\t1\t1\t', '1\t1\t')));
    expect(r.table4!.review.total).toBeNull();
    expect(r.warnings.find((w) => w.path === 'table4')).toMatchObject({ code: 'CELL_AMBIGUOUS' });
  });
});
