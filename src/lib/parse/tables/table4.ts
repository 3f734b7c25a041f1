import type { Table4 } from '../../schema/tables.ts';
import type { Warning } from '../../schema/warning.ts';
import { aloneOnRow, blankAmid, cellValue } from './rows.ts';
import { TABLE4_HEADER } from './specs.ts';
import type { StreamCell } from './stream.ts';

const BLOCKS = [
  ['review', '行政复议'],
  ['litigationDirect', '行政诉讼（未经复议直接起诉）'],
  ['litigationAfterReview', '行政诉讼（复议后起诉）'],
] as const;
const OUTCOMES = [
  ['upheld', '结果维持'],
  ['corrected', '结果纠正'],
  ['other', '其他结果'],
  ['pending', '尚未审结'],
  ['total', '总计'],
] as const;

/**
 * Table 4 has no row labels: a block of headers, then 15 numbers (three blocks of five).
 * The numbers may sit on one line, one per line, or in three rows.
 */
export function readTable4(stream: StreamCell[], warnings: Warning[]): Table4 | null {
  const header = stream.map((c) => c.value.kind === 'text' && TABLE4_HEADER(c.key));
  const first = header.indexOf(true);
  const lastHeader = header.lastIndexOf(true);
  const isValue = (c: StreamCell, i: number) => !header[i] && (c.value.kind !== 'text' || c.text.length <= 4);
  const all = stream.filter((c, i) => i > first && isValue(c, i));
  const filled = all.filter((c) => c.value.kind !== 'empty');
  if (first < 0 && filled.every((c) => c.value.kind !== 'number')) {
    warnings.push({ code: 'TABLE_MISSING', severity: 'error', message: '未找到表格「四、政府信息公开行政复议、行政诉讼情况」。', path: 'table4' });
    return null;
  }
  // Exactly 15 numbers (after the first header, or after the last); or, with a stray number about
  // (a bare page number), the one line that holds 15.
  let slots: StreamCell[] | null = filled.length === 15 ? withoutStray(stream, filled, all) : lineOf15(all);
  if (!slots && filled.length !== 15) {
    const tail = stream.filter((c, i) => i > lastHeader && isValue(c, i));
    const tailFilled = tail.filter((c) => c.value.kind !== 'empty');
    if (tailFilled.length === 15) slots = withoutStray(stream, tailFilled, tail);
    else if (tail.length === 15 && new Set(tail.map((c) => c.row)).size === 1) slots = tail;
  }
  if (!slots) {
    warnings.push({
      code: filled.length === 0 ? 'TABLE_MISSING' : 'CELL_AMBIGUOUS',
      severity: filled.length === 0 ? 'error' : 'warning',
      message:
        filled.length === 0
          ? '表格「四、政府信息公开行政复议、行政诉讼情况」没有数字。'
          : `表格「四、政府信息公开行政复议、行政诉讼情况」应有 15 个数字，读到 ${filled.length} 个，无法确定对应的列，全表记为空。`,
      path: 'table4',
      raw: all.map((c) => c.text).join(' | '),
      line: all[0]?.line,
    });
    if (filled.length === 0) return null;
    slots = Array(15).fill(null);
  }
  const cells = slots;
  const table: Record<string, Record<string, number | null>> = {};
  BLOCKS.forEach(([block, blockLabel], b) => {
    table[block] = {};
    OUTCOMES.forEach(([key, label], k) => {
      const c = cells[b * 5 + k];
      // The path and the cell's name are only spelled out for a warning: most cells are plain numbers.
      if (!c) table[block]![key] = null;
      else if (c.value.kind === 'number') table[block]![key] = c.value.value;
      else table[block]![key] = cellValue(c, `table4.${block}.${key}`, `「${blockLabel}」的「${label}」`, warnings);
    });
  });
  return table as unknown as Table4;
}

/**
 * Fifteen numbers, unless a line has a blank between its numbers. Fourteen of them on one line
 * and one alone on the next are a line with a blank cell and a bare page number: that line
 * decides, blanks included, or nothing does.
 */
function withoutStray(stream: StreamCell[], filled: StreamCell[], all: StreamCell[]): StreamCell[] | null {
  // A blank between two numbers of one line is a column: with 15 numbers besides, one is too many.
  const numbersOf = (row: number) => all.filter((c) => c.row === row && c.value.kind !== 'text');
  // Most tables hold their 15 numbers on one line.
  if (filled[0]!.row === filled[filled.length - 1]!.row) return blankAmid(numbersOf(filled[0]!.row)) ? null : filled;
  const rows = [...Map.groupBy(filled, (c) => c.row).values()];
  const blankInLine = [...new Set(all.map((c) => c.row))].some((row) => blankAmid(numbersOf(row)));
  if (rows.length !== 2) return blankInLine ? null : filled;
  const [lone, rest] = rows[0]!.length === 1 ? [rows[0]![0]!, rows[1]!] : [rows[1]![0]!, rows[0]!];
  if (rest.length !== 14 || !aloneOnRow(stream, lone)) return blankInLine ? null : filled;
  const line = all.filter((c) => c.row === rest[0]!.row);
  // A trailing blank beyond fifteen cells is a tab's.
  while (line.length > 15 && line[line.length - 1]!.value.kind === 'empty') line.pop();
  return line.length === 15 ? line : null;
}

/**
 * The filled cells of the one source row holding exactly 15 of them, if there is just one such row
 * and no blank sits between its numbers (a blank there is a column, so 15 numbers are one too many).
 */
function lineOf15(all: StreamCell[]): StreamCell[] | null {
  const lines = [...Map.groupBy(all, (c) => c.row).values()].filter((r) => r.filter((c) => c.value.kind !== 'empty').length === 15);
  if (lines.length !== 1 || blankAmid(lines[0]!.filter((c) => c.value.kind !== 'text'))) return null;
  return lines[0]!.filter((c) => c.value.kind !== 'empty');
}
