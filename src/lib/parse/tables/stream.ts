import type { Block } from '../read/document.ts';
import { memo } from '../memo.ts';
import { isPlainNumber, labelKey, readCell, type CellValue } from '../normalize.ts';

/** One cell of a table region, flattened in reading order. */
export interface StreamCell {
  text: string;
  /** labelKey(text), for matching row labels. */
  key: string;
  value: CellValue;
  line: number;
  /** Rows of the source (a table row or a paragraph) get increasing ids. */
  row: number;
  /** Position of the cell within its row. */
  col: number;
}

/**
 * Tables are read as a stream of cells rather than as a grid: text extraction moves cells
 * between rows (labels on one line and numbers on the next, one cell per line, header cells
 * split across lines), so rows are found by their labels, not by their position.
 */
export function cellStream(blocks: Block[]): StreamCell[] {
  const out: StreamCell[] = [];
  let row = 0;
  for (const b of blocks) {
    if (b.kind === 'paragraph') {
      out.push(cell(b.text, b.line, row++, 0));
      continue;
    }
    for (const r of b.rows) {
      for (let col = 0; col < r.cells.length; col++) out.push(cell(r.cells[col]!.text, r.cells[col]!.line, row, col));
      row++;
    }
  }
  return out;
}

function cell(text: string, line: number, row: number, col: number): StreamCell {
  // Most cells are plain numbers, mostly distinct: read directly, not through the memo.
  if (isPlainNumber(text)) return { text, key: '', value: { kind: 'number', value: Number(text), unit: null }, line, row, col };
  const { value, key } = readLabelled(text);
  return { text, key, value, line, row, col };
}

const readLabelled = memo((text: string): { value: CellValue; key: string } => {
  const value = readCell(text);
  return { value, key: value.kind === 'text' ? labelKey(text) : '' };
});
