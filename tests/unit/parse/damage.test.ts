// A wrong number that looks right is the worst thing the parser can produce. Each fixture is
// damaged the ways extraction damages tables, one cell at a time, and every number the parser
// then reads must be the fixture's true number: a damaged row may become null, never shifted.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseReport } from '../../../src/lib/parse/index.ts';

const root = join(import.meta.dirname, '..', '..', 'fixtures');
const fixtures = readdirSync(root)
  .filter((d) => existsSync(join(root, d, 'input.txt')) && existsSync(join(root, d, 'expected.json')))
  .map((name) => ({ name, bytes: readFileSync(join(root, name, 'input.txt')), truth: JSON.parse(readFileSync(join(root, name, 'expected.json'), 'utf8')) }))
  // Every fixture but the GBK ones is UTF-8, and damage is done to the text.
  .filter((f) => new TextDecoder('utf-8', { fatal: false }).decode(f.bytes).indexOf('\uFFFD') < 0)
  .map(({ name, bytes, truth }) => ({ name, lines: new TextDecoder().decode(bytes).split('\n'), truth }));

const NUMBER = /^\s*\d+\s*$/;
/** The indexes of a tab row's number cells, when it has three or more. */
const numberCells = (cells: string[]) => cells.flatMap((c, k) => (NUMBER.test(c) ? [k] : []));

/** Each damage: the damaged line(s) in place of line `line`, or null when it does not apply there. */
const damages: Record<string, (line: string) => string | null> = {
  'a number cell lost from a tab row': (line) => {
    const cells = line.split('\t');
    const nums = numberCells(cells);
    return nums.length < 3 ? null : cells.filter((_, k) => k !== nums[nums.length >> 1]).join('\t');
  },
  // Not in a row that ends in a blank: seven numbers and a trailing blank read as seven numbers,
  // because real exports end single rows with a stray tab (seed-004's 5.要求行政机关确认…→→0…0→);
  // a stray number there is indistinguishable from that (a known limit, see docs/parser.md).
  'a stray number in a tab row': (line) => {
    const cells = line.split('\t');
    const nums = numberCells(cells);
    if (nums.length < 3 || cells[cells.length - 1] === '') return null;
    cells.splice(nums[nums.length >> 1]!, 0, '7');
    return cells.join('\t');
  },
  'a number cell of a tab row blank': (line) => {
    const cells = line.split('\t');
    const nums = numberCells(cells);
    if (nums.length < 3) return null;
    cells[nums[0]!] = '';
    return cells.join('\t');
  },
  'a tab row wrapped onto two lines': (line) => {
    const cells = line.split('\t');
    const nums = numberCells(cells);
    const k = nums[nums.length >> 1]!;
    return nums.length < 3 ? null : `${cells.slice(0, k).join('\t')}\n${cells.slice(k).join('\t')}`;
  },
  'a number lost from a space row': (line) => {
    const m = /^(.*\S)\s+\d+(\s+\d+\s+\d+.*)$/.exec(line);
    return m && !line.includes('\t') ? `${m[1]}${m[2]}` : null;
  },
  'a one-number line lost': (line) => (NUMBER.test(line) ? '\u0000' : null),
  // A bare page number (4) under a row that lost a cell: the row looks complete with it.
  'a tab row with its last number blank, a page number below': (line) => {
    const cells = line.split('\t');
    const nums = numberCells(cells);
    if (nums.length < 3) return null;
    cells[nums[nums.length - 1]!] = '';
    return `${cells.join('\t')}\n4`;
  },
  'a tab row with a number blank, a page number below': (line) => {
    const cells = line.split('\t');
    const nums = numberCells(cells);
    if (nums.length < 3) return null;
    cells[nums[nums.length >> 1]!] = '';
    return `${cells.join('\t')}\n4`;
  },
  'a number lost from a space row, a page number below': (line) => {
    const m = /^(.*\S)\s+\d+(\s+\d+\s+\d+.*)$/.exec(line);
    return m && !line.includes('\t') ? `${m[1]}${m[2]}\n4` : null;
  },
};

describe.each(Object.entries(damages))('%s', (_, damage) => {
  it('never gives a wrong number', () => {
    const wrong: string[] = [];
    let cases = 0;
    for (const { name, lines, truth } of fixtures) {
      lines.forEach((line, i) => {
        const damaged = damage(line);
        if (damaged === null) return;
        cases++;
        const text = [...lines.slice(0, i), ...(damaged === '\u0000' ? [] : [damaged]), ...lines.slice(i + 1)].join('\n');
        const record = parseReport({ text, file: `${name}.txt` }) as unknown as Record<string, unknown>;
        for (const table of ['table2', 'table3', 'table4']) compare(record[table], truth[table], `${name}:${i + 1} ${table}`, wrong);
      });
    }
    expect(cases).toBeGreaterThan(100);
    expect(wrong).toEqual([]);
  });
});

/** Collects every number in `got` that differs from the truth's number in the same place. */
function compare(got: unknown, want: unknown, path: string, wrong: string[]): void {
  if (typeof got === 'number' && typeof want === 'number' && got !== want) wrong.push(`${path}: ${got}, truly ${want}`);
  else if (got && want && typeof got === 'object' && typeof want === 'object') {
    for (const [k, v] of Object.entries(got)) compare(v, (want as Record<string, unknown>)[k], `${path}.${k}`, wrong);
  }
}

// One cell per line (PDF text extracted cell by cell): a bare page number inside a row leaves the
// row one number too many before the next label. The row is null then, never shifted; a table-3
// row whose first seven numbers add up keeps them.
describe('a bare page number inside a row, one cell per line', () => {
  const name = 'html-cells-2020-xiaofeng';
  const lines = readFileSync(join(root, name, 'input.txt'), 'utf8').split('\n');
  const truth = JSON.parse(readFileSync(join(root, name, 'expected.json'), 'utf8'));
  const withPage = (after: string, page: string) => {
    const at = lines.indexOf(after);
    expect(at).toBeGreaterThan(0);
    return [...lines.slice(0, at + 2), page, ...lines.slice(at + 2)].join('\n');
  };
  it('in a table-2 row: the row is null', () => {
    const record = parseReport({ text: withPage('其他对外管理服务事项', '3'), file: `${name}.txt` });
    expect(record.table2).toMatchObject({ otherServices: { previous: null, change: null, decisions: null }, licensing: truth.table2.licensing });
    expect(record.warnings.some((w) => w.code === 'CELL_AMBIGUOUS' && w.path === 'table2.otherServices')).toBe(true);
  });
  it('in a table-3 row: the row is null unless its first seven add up', () => {
    const record = parseReport({ text: withPage('一、本年新收政府信息公开申请数量', '5'), file: `${name}.txt` });
    expect(record.table3!.newReceived).toEqual(Array(7).fill(null));
    const wrong: string[] = [];
    for (const table of ['table2', 'table3', 'table4']) compare((record as unknown as Record<string, unknown>)[table], truth[table], table, wrong);
    expect(wrong).toEqual([]);
  });
});
