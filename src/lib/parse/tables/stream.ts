import type { Block } from '../read/document.ts';
import { labelKey, readCell, type CellValue } from '../normalize.ts';

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
      r.cells.forEach((c, col) => out.push(cell(c.text, c.line, row, col)));
      row++;
    }
  }
  return out;
}

function cell(text: string, line: number, row: number, col: number): StreamCell {
  const value = readCell(text);
  return { text, key: value.kind === 'text' ? cachedKey(text) : '', value, line, row, col };
}

// Labels repeat from report to report (the template's own wording), so their keys are memoised;
// the memo is bounded so that a long run over varied text cannot grow it without limit.
const keys = new Map<string, string>();
function cachedKey(text: string): string {
  let k = keys.get(text);
  if (k === undefined) {
    if (keys.size > 20_000) keys.clear();
    k = labelKey(text);
    keys.set(text, k);
  }
  return k;
}
