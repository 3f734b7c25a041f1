import { foldWidth, isPlainNumber, readCell } from '../normalize.ts';
import type { Block, Cell, Layout, Row, SourceDocument } from './document.ts';

type Kind = 'blank' | 'skip' | 'docx-cell' | 'tab' | 'pipe' | 'space' | 'text';

interface Line {
  kind: Kind;
  /** Width-folded text, tabs kept. */
  text: string;
  /** `text` without surrounding whitespace. */
  trimmed: string;
  n: number;
  /** A space-separated row: its tokens, and where its trailing numbers start. */
  space?: SpaceRow;
  /** A lone cell and a tab read as a row: the line as it reads without the tab. */
  lone?: Line;
}

/** Word-processor and PDF leftovers that are not part of the report. */
export const BOOKMARK = /\[bookmark:[^\]]*\]/g;
const PAGE_ARTEFACT =
  /^\s*(?:[-—–－]+\s*\d{1,3}\s*[-—–－]+|第\s*\d{1,3}\s*页(?:\s*[,，/、]?\s*共\s*\d{1,3}\s*页)?|\d{1,3}\s*\/\s*\d{1,3}|page\s*\d+(?:\s*of\s*\d+)?)\s*$/i;

/**
 * Plain-text adapter: extracted report text → paragraphs and tables. It recognises the table
 * layouts text extraction really produces: DOCX one-cell-per-line (tab-indented, blank line
 * between rows, long cells wrapped onto unindented lines), tab-separated rows (PDF), `|` rows
 * (HTML) and space-separated rows ending in numbers (PDF).
 */
export function readText(text: string, original: string = text): SourceDocument {
  const folded = foldedLines(text);
  // A bookmark is cut before folding (a full-width one stays), and only within its line.
  const raw = text.includes('[bookmark') ? splitLines(text) : null;
  const lines: Line[] = new Array(folded.length);
  for (let i = 0; i < folded.length; i++) {
    const marked = raw !== null && raw[i]!.includes('[bookmark');
    const line = marked ? foldWidth(raw[i]!.replace(BOOKMARK, '')) : folded[i]!;
    // A lone number (one cell per line) is the commonest line of a table and needs none of classify's tests.
    lines[i] = isDigit(line.charCodeAt(0)) && isPlainNumber(line) ? { kind: 'text', text: line, trimmed: line, n: i + 1 } : classify(line, i + 1);
  }
  undoLoneCells(lines);
  joinWrappedTabCells(lines);
  dropRunningHeaders(lines);
  const marked = original.includes('[bookmark');
  const display = splitLines(original);
  for (let i = 0; i < display.length; i++) {
    if (lines[i]?.kind === 'skip') display[i] = '';
    else if (marked && display[i]!.includes('[bookmark')) display[i] = display[i]!.replace(BOOKMARK, '');
  }
  const blocks: Block[] = [];
  const counts: Record<string, number> = {};
  let i = 0;
  while (i < lines.length) {
    const l = lines[i]!;
    if (l.kind === 'blank' || l.kind === 'skip') {
      i++;
      continue;
    }
    if (l.kind === 'docx-cell') {
      const { table, next } = readDocxTable(lines, i);
      blocks.push(table);
      if (table.kind === 'table') counts['cell-per-line'] = (counts['cell-per-line'] ?? 0) + table.rows.length;
      i = next;
      continue;
    }
    if (l.kind === 'text') {
      blocks.push({ kind: 'paragraph', text: l.trimmed, line: l.n });
      i++;
      continue;
    }
    // A run of delimited rows (blank lines between them allowed) forms one table. A row with a
    // single filled cell (「二、主动公开政府信息情况→→→」) is a heading or a caption: a paragraph.
    let rows: Row[] = [];
    const flush = () => {
      if (rows.length) blocks.push({ kind: 'table', rows, line: rows[0]!.line });
      counts[l.kind] = (counts[l.kind] ?? 0) + rows.length;
      rows = [];
    };
    while (i < lines.length && (lines[i]!.kind === l.kind || lines[i]!.kind === 'blank' || lines[i]!.kind === 'skip')) {
      const r = lines[i++]!;
      if (r.kind !== l.kind) continue;
      const cells = splitRow(r);
      let filled = 0;
      for (const c of cells) if (c.text !== '') filled++;
      const lead = cells[0]?.text ?? '';
      if (filled === 1 && lead !== '' && !isDigit(lead.charCodeAt(0))) {
        flush();
        blocks.push(cells.length > 1 ? { kind: 'paragraph', text: lead, line: r.n, blanks: cells.length - 1 } : { kind: 'paragraph', text: lead, line: r.n });
      } else if (filled > 0 && !cells.every((c) => c.text === '' || /^:?-{2,}:?$/.test(c.text))) rows.push({ cells, line: r.n });
    }
    flush();
  }
  return { blocks, layout: layoutOf(counts), lines: display };
}

/**
 * The text's lines, width-folded. Folding the whole text at once is much cheaper than line by
 * line, and keeps the line breaks: the zero-width characters folding drops are gone already
 * (read/invisible.ts), so none can sit between a CR and its LF.
 */
function foldedLines(text: string): string[] {
  return splitLines(foldWidth(text));
}

/** Lines split at CRLF, CR or LF; most files have only LF, which splits without a regular expression. */
export function splitLines(text: string): string[] {
  return text.includes('\r') ? text.split(/\r\n|\r|\n/) : text.split('\n');
}

const SIGNED_CELL = /^(?:增加|减少|增|减|[+-])\s+[\d,]+(?:\.\d+)?\s*[件项个条]?$/;

function classify(folded: string, n: number): Line {
  let text = folded;
  // Web pages converted to Markdown: 「## 一、总体情况」, 「**（一）主动公开。**」.
  if (text.includes('#') || text.includes('**')) text = text.replace(/^(\s*)#{1,6}\s+/, '$1').replace(/\*\*/g, '');
  let end = text.length;
  while (end > 0 && isSpace(text.charCodeAt(end - 1))) end--;
  if (end < text.length) text = text.slice(0, end) + (text.indexOf('\t', end) >= 0 ? '\t' : '');
  const trimmed = text.trim();
  if (trimmed === '') {
    // A tab-only line is an empty DOCX cell; a truly empty line separates rows.
    return { kind: text.includes('\t') ? 'docx-cell' : 'blank', text: '', trimmed: '', n };
  }
  const tab = text.indexOf('\t');
  if (tab >= 0) {
    if (tab === 0 && text.indexOf('\t', 1) < 0) return { kind: 'docx-cell', text: text.slice(1), trimmed, n };
    // A tab inside the trimmed line has a filled cell on either side, whatever spaces pad them
    // (「&nbsp;行政强制&nbsp;→&nbsp;0&nbsp;」 from a web page).
    if (trimmed.includes('\t') || /^\t+[^\t]+\t/.test(text)) return { kind: 'tab', text, trimmed, n };
    // So is a lone cell followed by a tab (「行政许可→」: a label and its blank cell), unless most
    // lines end so (undoLoneCells).
    if (tab > 0 && /^[^\t]+\t+$/.test(text)) return { kind: 'tab', text, trimmed, n, lone: classifyText(text, trimmed, n) };
  }
  return classifyText(text, trimmed, n);
}

/**
 * A cell of a tab row (PDF) wrapped inside its column continues on the next line after a tab
 * (「（二）部分公开（…只计这一情形，」/「→不计其他情形）」). Alone, that line reads as a DOCX cell and
 * would turn the rest of the table into one cell per line; between two tab rows it is a tab row.
 */
function joinWrappedTabCells(lines: Line[]): void {
  let previous: Line | undefined;
  for (let i = 0; i < lines.length; i++) {
    const l = lines[i]!;
    if (l.kind === 'blank' || l.kind === 'skip') continue;
    if (l.kind === 'docx-cell' && l.trimmed !== '' && previous?.kind === 'tab') {
      // The wrapped cell may take several lines: the whole run sits between two tab rows.
      const run: number[] = [];
      let j = i;
      for (; j < lines.length; j++) {
        const k = lines[j]!.kind;
        if (k === 'docx-cell' && lines[j]!.trimmed !== '') run.push(j);
        else if (k !== 'blank' && k !== 'skip') break;
      }
      if (lines[j]?.kind === 'tab') for (const r of run) lines[r] = { kind: 'tab', text: `\t${lines[r]!.trimmed}`, trimmed: lines[r]!.trimmed, n: lines[r]!.n };
    }
    previous = lines[i];
  }
}

/**
 * Some extractions end every line with a tab, prose included: there a lone cell and a tab is what
 * the line would be without the tab.
 */
function undoLoneCells(lines: Line[]): void {
  let lone = 0;
  let filled = 0;
  for (const l of lines) {
    if (l.kind === 'blank' || l.kind === 'skip') continue;
    filled++;
    if (l.lone) lone++;
  }
  if (lone * 5 <= filled) return;
  for (let i = 0; i < lines.length; i++) if (lines[i]!.lone) lines[i] = lines[i]!.lone!;
}

/** A line with no tab row in it: a page artefact, a pipe row, a space row or text. */
function classifyText(text: string, trimmed: string, n: number): Line {
  // Page numbers, and the lone `|` lines some HTML exports put between cells.
  if (trimmed.length <= 24 && mayBeArtefact(trimmed) && (PAGE_ARTEFACT.test(trimmed) || /^\|+$/.test(trimmed))) {
    return { kind: 'skip', text: '', trimmed: '', n };
  }
  const pipe = text.indexOf('|');
  if (pipe >= 0 && pipe !== text.lastIndexOf('|')) return { kind: 'pipe', text, trimmed, n };
  // A signed number with a space inside (「增加 4」, 「+ 4」, one cell per line) is one cell, not a row.
  if (SIGNED_CELL.test(trimmed)) return { kind: 'text', text, trimmed, n };
  // A space row has at least two tokens: a line without inner whitespace (a lone number cell) is not one.
  const space = mayEndWithNumber(trimmed) && hasWhitespace(trimmed) && ENDS_WITH_NUMBER.test(trimmed) ? spaceRow(trimmed) : null;
  if (space) return { kind: 'space', text, trimmed, n, space };
  return { kind: 'text', text, trimmed, n };
}

/** What PAGE_ARTEFACT and a `|` line can start with (a digit only before a /): a quick test that spares the regexes most short lines. */
function mayBeArtefact(trimmed: string): boolean {
  const c = trimmed.charCodeAt(0);
  return isDigit(c) ? trimmed.includes('/') : ARTEFACT_START.has(c);
}
const ARTEFACT_START = new Set([...'-—–－第pP|'].map((c) => c.charCodeAt(0)));

const ENDS_WITH_NUMBER = /\d\s*(?:万元|亿元|元|万|件|条|个|项|次|人|家|份|篇|宗)?$/;

/** The last characters ENDS_WITH_NUMBER allows: a quick test that spares it most prose lines. */
function mayEndWithNumber(trimmed: string): boolean {
  const c = trimmed.charCodeAt(trimmed.length - 1);
  return isDigit(c) || NUMBER_END.has(c);
}
const NUMBER_END = new Set([...'元万件条个项次人家份篇宗'].map((c) => c.charCodeAt(0)));

/** Whether the string has a character of the regex class \s. */
function hasWhitespace(s: string): boolean {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c === 32 || (c >= 9 && c <= 13) || (c >= 0xa0 && isWideSpace(c))) return true;
  }
  return false;
}

function isWideSpace(c: number): boolean {
  return c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff;
}

function isSpace(c: number): boolean {
  return c === 32 || c === 9 || c === 13;
}

function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}

interface SpaceRow {
  tokens: string[];
  labelEnd: number;
}

/** A space-separated table row: a short label (or none) followed by numeric cells. */
function spaceRow(text: string): SpaceRow | null {
  const tokens = text.split(/\s+/);
  if (tokens.length < 2) return null;
  const k = labelEnd(tokens);
  const values = tokens.length - k;
  if (values === 0) return null;
  const label = tokens.slice(0, k).join('');
  if (/[，。；！？]/.test(label)) return null;
  return (values >= 2 ? label.length <= 80 : label.length <= 30) ? { tokens, labelEnd: k } : null;
}

/** Index of the trailing run of numeric tokens. */
function labelEnd(tokens: string[]): number {
  let k = tokens.length;
  while (k > 0 && readCell(tokens[k - 1]!).kind === 'number') k--;
  return k;
}

function splitRow(line: Line): Cell[] {
  const { text, n } = line;
  if (line.kind === 'tab') return text.split('\t').map((c) => ({ text: c.trim(), line: n }));
  if (line.kind === 'pipe') {
    const parts = text.split('|').map((c) => c.trim());
    if (parts[0] === '') parts.shift();
    if (parts[parts.length - 1] === '') parts.pop();
    return parts.map((c) => ({ text: c, line: n }));
  }
  // space row: everything before the trailing run of numbers is one label cell
  const { tokens, labelEnd: k } = line.space!;
  // 「三、本年度办理结果 （一）予以公开 1 0 …」: a group label and the row label share the line.
  const labels = k > 0 ? tokens.slice(0, k).join(' ').split(/\s+(?=[（(][一二三四五六七八九十]+[)）]|[一二三四五六七八九十]+、|\d+[.．、]\S)/) : [];
  const cells: Cell[] = labels.map((text) => ({ text, line: n }));
  for (const t of tokens.slice(k)) cells.push({ text: t, line: n });
  return cells;
}

/**
 * DOCX cell-per-line: each tab-indented line starts a cell, an unindented short line continues
 * the cell above (a header wrapped inside its cell), a blank line ends the row. The table ends
 * at the first unindented line that cannot be a continuation.
 */
function readDocxTable(lines: Line[], start: number): { table: Block; next: number } {
  const rows: Row[] = [];
  let cells: Cell[] = [];
  let i = start;
  const endRow = () => {
    if (cells.length) rows.push({ cells, line: cells[0]!.line });
    cells = [];
  };
  for (; i < lines.length; i++) {
    const l = lines[i]!;
    if (l.kind === 'skip') continue;
    if (l.kind === 'blank') {
      endRow();
      continue;
    }
    if (l.kind === 'docx-cell') {
      cells.push({ text: l.trimmed, line: l.n });
      continue;
    }
    if (l.kind === 'tab') {
      endRow();
      // Indented like the cells around it, the row's first cell is that indent; a row that is not
      // indented keeps its first cell (the label of a PDF row).
      const cells = splitRow(l);
      rows.push({ cells: cells[0]?.text === '' ? cells.slice(1) : cells, line: l.n });
      continue;
    }
    const prev = cells[cells.length - 1];
    const continues =
      prev !== undefined && l.trimmed.length <= 12 && prev.text !== '' && readCell(prev.text).kind === 'text';
    if (!continues) break;
    prev.text += l.trimmed;
  }
  endRow();
  const only = rows.length === 1 && rows[0]!.cells.length === 1 ? rows[0]!.cells[0]! : null;
  // A lone tab-indented line is an indented paragraph, not a one-cell table.
  if (only && only.text.length > 12) return { table: { kind: 'paragraph', text: only.text, line: only.line }, next: i };
  return { table: { kind: 'table', rows, line: rows[0]?.line ?? lines[start]!.n }, next: i };
}

/** Page headers/footers repeated on every page (the title, the body's name) are dropped after their first use. */
function dropRunningHeaders(lines: Line[]): void {
  // Only a line whose length three text lines share can occur three times: the others are not hashed.
  const lengths = new Map<number, number>();
  for (const l of lines) if (l.kind === 'text' && l.trimmed.length >= 8) lengths.set(l.trimmed.length, (lengths.get(l.trimmed.length) ?? 0) + 1);
  const seen = new Map<string, number>();
  let repeated = false;
  for (const l of lines) {
    if (l.kind !== 'text' || l.trimmed.length < 8 || lengths.get(l.trimmed.length)! < 3) continue;
    const count = (seen.get(l.trimmed) ?? 0) + 1;
    seen.set(l.trimmed, count);
    if (count >= 3) repeated = true;
  }
  if (!repeated) return;
  const first = new Set<string>();
  for (const l of lines) {
    const t = l.trimmed;
    if (l.kind !== 'text' || (seen.get(t) ?? 0) < 3) continue;
    if (first.has(t)) l.kind = 'skip';
    else first.add(t);
  }
}

function layoutOf(counts: Record<string, number>): Layout {
  const entries = Object.entries(counts).filter(([, c]) => c > 0);
  if (entries.length === 0) return 'none';
  entries.sort((a, b) => b[1] - a[1]);
  const total = entries.reduce((s, [, c]) => s + c, 0);
  return entries[0]![1] / total >= 0.8 ? (entries[0]![0] as Layout) : 'mixed';
}
