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
      out.push(cell(b.text, b.line, row));
      for (let k = 0; k < (b.blanks ?? 0); k++) out.push(cell('', b.line, row));
      row++;
      continue;
    }
    for (const r of b.rows) {
      for (const c of r.cells) out.push(cell(c.text, c.line, row));
      row++;
    }
  }
  return out;
}

function cell(text: string, line: number, row: number): StreamCell {
  // Most cells are plain numbers: read directly, not through the memo, small ones shared.
  if (isPlainNumber(text)) return { text, key: '', value: numberValue(Number(text)), line, row };
  const { value, key } = readLabelled(text);
  return { text, key, value, line, row };
}

const SMALL: CellValue[] = [];
function numberValue(n: number): CellValue {
  if (n >= 1000) return { kind: 'number', value: n, unit: null };
  return (SMALL[n] ??= { kind: 'number', value: n, unit: null });
}

const readLabelled = memo((text: string): { value: CellValue; key: string } => {
  const value = readCell(text);
  return { value, key: value.kind === 'text' ? labelKey(text) : '' };
});
