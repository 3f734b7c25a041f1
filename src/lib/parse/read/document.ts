/**
 * The one intermediate form every input adapter produces (plain text today; DOCX, PDF and HTML
 * next): paragraphs and tables of cells, in reading order. Nothing after this stage knows where
 * the text came from. Line numbers point into the decoded source text so that findings can be
 * shown beside the original.
 */
export interface Cell {
  /** Width-folded, trimmed cell text ('' for an explicitly empty cell). */
  text: string;
  line: number;
}

export interface Row {
  cells: Cell[];
  line: number;
}

export interface Paragraph {
  kind: 'paragraph';
  /** Width-folded, trimmed text of one source line. */
  text: string;
  line: number;
  /**
   * Empty cells after the text, when the line was a delimited row with one filled cell
   * (「行政许可→」): a heading to the sections, a label with a blank cell to the tables.
   */
  blanks?: number;
}

export interface Table {
  kind: 'table';
  rows: Row[];
  line: number;
}

export type Block = Paragraph | Table;

export type Layout = 'cell-per-line' | 'tab' | 'space' | 'pipe' | 'mixed' | 'none';

export interface SourceDocument {
  blocks: Block[];
  /** How the tables were laid out, for diagnostics. */
  layout: Layout;
  /** Source lines (original script, artefacts blanked), for display text. */
  lines: string[];
}
