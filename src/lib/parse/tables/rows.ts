import type { Warning } from '../../schema/warning.ts';
import { memo } from '../memo.ts';
import { labelKey } from '../normalize.ts';
import type { StreamCell } from './stream.ts';

/** One row of a standard table: how to recognise its label and how many numbers it holds. */
export interface RowSpec {
  /** Record path, e.g. `table2.licensing`. */
  path: string;
  /** The row's label as the template words it (for messages). */
  label: string;
  /** Column names, one per number, used in paths and messages. */
  columns: readonly string[];
  /** Column display names (zh-CN) for messages. */
  columnLabels: readonly string[];
  matches: (key: string) => boolean;
  /** Columns holding amounts in 万元 (converted when a cell or header says 元). */
  amountColumns?: readonly string[];
  /**
   * The label fills merged label columns (table 3's 「（一）予以公开」 spans the column where the
   * rows below it put 「1.属于国家秘密」): extraction may leave an empty cell for each.
   */
  mergedLabel?: boolean;
  /**
   * Column headers of the other template for this row: a 2021 report that keeps the 2019 table 2
   * (本年新制作数量/本年新公开数量/对外公开总数量) prints other quantities under the same row.
   */
  otherColumns?: RegExp;
}

export interface RowResult {
  values: (number | null)[];
  found: boolean;
}

export interface RowsOptions {
  /** Recognises header and group cells that end a row's numbers without being rows themselves. */
  isHeader: (key: string) => boolean;
  /** The table states amounts in 元 rather than 万元. */
  amountsInYuan?: boolean;
}

/**
 * Finds each row by its label and reads the numbers that follow it. A label may occur more
 * than once (the 总计 column header and the （七）总计 row); the occurrence followed by the
 * most numbers wins, preferring one after the previous row so that rows keep template order.
 */
export function readRows(stream: StreamCell[], specs: RowSpec[], opts: RowsOptions, warnings: Warning[]): Map<string, RowResult> {
  const specOf = specIndex(specs);
  const isHeader = headerTest(opts.isHeader);
  const recognised: boolean[] = new Array(stream.length);
  const bySpec: number[][] = specs.map(() => []);
  const joined: boolean[] = new Array(stream.length);
  for (let i = 0; i < stream.length; i++) {
    const c = stream[i]!;
    const a = c.value.kind === 'text' && c.key.length <= 60 ? specOf(c.key) : -1;
    if (a >= 0) bySpec[a]!.push(i);
    recognised[i] = a >= 0 || (c.value.kind === 'text' && isHeader(c.key));
  }
  // A keyword cut by the wrap of a narrow label column (「8.属于行政查询」/「事项→11→13…」,
  // 「行政规范→14→6→83」/「性文件」): a label that names no row, read together with the words on
  // the next line, when the two name one. Unnumbered, only a short label (table 2's) is tried.
  for (let i = 0; i < stream.length; i++) {
    const c = stream[i]!;
    if (recognised[i] || c.value.kind !== 'text' || c.key.length > 40 || (c.key.length > 12 && !NUMBERED.test(c.text))) continue;
    const a = joinedSpec(stream, recognised, specOf, i);
    if (a >= 0) {
      // In stream order, like the labels found whole: the earliest of equals wins.
      bySpec[a]!.push(i);
      bySpec[a]!.sort((x, y) => x - y);
      recognised[i] = joined[i] = true;
    }
  }
  const results = new Map<string, RowResult>();
  // Only table 2's rows of one or two numbers have merged number cells: asked for then, once.
  let repeated: boolean | undefined;
  let last = -1;
  for (let si = 0; si < specs.length; si++) {
    const spec = specs[si]!;
    const n = spec.columns.length;
    // Labels claimed by this row after the previous row first; then any matching label anywhere.
    let best = bestAnchor(stream, recognised, bySpec[si]!, last, n);
    if (!best || best.score === 0) {
      const anywhere: number[] = [];
      for (let i = 0; i < stream.length; i++) if (stream[i]!.value.kind === 'text' && spec.matches(stream[i]!.key)) anywhere.push(i);
      const other = bestAnchor(stream, recognised, anywhere, -1, n);
      if (other && (!best || other.score > best.score)) best = other;
    }
    // 「4.无正当理由大 0 0 0 0 0 0 0」/「量反复申请」: the keyword wrapped onto a line of its own,
    // the numbers stayed on the line above, whose words complete the label.
    // 「2.申请人逾期未按收费通知要求缴纳费用」/「（六）其他处理→、行政机关不再处理其政府信息公开申请→5→0…」:
    // the label wrapped, and the group's merged label, printed beside its middle row, came between.
    // Each of the row's keyword lines may say where its numbers are; two that disagree leave it unknown.
    let ambiguous = false;
    if (best && best.score === 0) {
      const found = new Map<StreamCell, number>();
      for (const at of bySpec[si]!.includes(best.at) ? bySpec[si]! : [best.at]) {
        if (at < best.at) continue;
        for (const near of [numbersAbove(stream, recognised, at, n, spec), numbersAfterGroupLabel(stream, recognised, joined, isHeader, specOf, si, at, n)]) {
          if (near && !found.has(near[0]!)) found.set(near[0]!, at);
          if (near && found.size === 1) best = { at, cells: near, score: n };
        }
      }
      ambiguous = found.size > 1;
    } else if (best && best.cells.some((c) => c.row !== stream[best!.at]!.row && c.value.kind === 'number') && numbersAbove(stream, recognised, best.at, n, spec)) {
      // Unnumbered labels wrapped over lines: words and numbers both above the keyword's line and
      // below it (「行政法规→0→5…」/「禁止公开」/「危及“三→0→7…」), each reading as its tail or head.
      // Which line is the row's is the table's alignment, which one row does not tell.
      ambiguous = true;
    }
    if (best && ambiguous) {
      warnings.push({ code: 'CELL_AMBIGUOUS', severity: 'warning', message: `「${spec.label}」一行的标签跨行，上下两行的数字都可能属于它，整行记为空。`, path: spec.path, raw: stream[best.at]!.text, line: stream[best.at]!.line });
      results.set(spec.path, { values: Array(n).fill(null), found: true });
      last = Math.max(last, best.at);
      continue;
    }
    // A label followed only by a few empty cells is a column header (总计), not the row.
    const blankOnly = best && best.score === 0 && best.cells.every((c) => c.value.kind === 'empty') && best.cells.length !== n;
    if (!best || blankOnly) {
      results.set(spec.path, { values: Array(n).fill(null), found: false });
      continue;
    }
    last = Math.max(last, best.at);
    let cells = best.cells;
    // One cell per line, and more numbers before the next label than the row has columns: a bare
    // page number is among them, and nothing says where, unless the first n add up (table 3's 总计
    // is the sum of the six applicant columns). Otherwise all of them go to place(), which finds
    // too many for the columns.
    const surplus = surplusAfter(stream, recognised, cells, n);
    if (surplus.length && !(n === 7 && addsUp(filledValues(cells)))) cells = [...cells, ...surplus];
    // A merged cell repeated in every column it spans (「行政许可→862→862→862」) is one cell. Only
    // table 2's rows of one or two numbers have merged number cells.
    if (n <= 2 && (repeated ??= repeatsMergedCells(stream, recognised))) cells = withoutRepeats(cells, n);
    results.set(spec.path, { values: place(spec, stream, best.at, cells, opts, warnings), found: true });
  }
  return results;
}

// Labels are the template's wording and repeat across reports: which row a label names, and
// whether it is a header, is worked out once per label.
const specIndexes = new WeakMap<RowSpec[], (key: string) => number>();
function specIndex(specs: RowSpec[]): (key: string) => number {
  let f = specIndexes.get(specs);
  if (!f) specIndexes.set(specs, (f = memo((key) => specs.findIndex((s) => s.matches(key)))));
  return f;
}
const headerTests = new WeakMap<(key: string) => boolean, (key: string) => boolean>();
function headerTest(isHeader: (key: string) => boolean): (key: string) => boolean {
  let f = headerTests.get(isHeader);
  if (!f) headerTests.set(isHeader, (f = memo(isHeader)));
  return f;
}

/** Of the label occurrences `at` after position `after`, the one followed by the most numbers (the earliest on ties). */
function bestAnchor(stream: StreamCell[], recognised: boolean[], at: number[], after: number, n: number) {
  let best: { at: number; cells: StreamCell[]; score: number } | null = null;
  for (const i of at) {
    if (i <= after) continue;
    const cells = valuesAfter(stream, recognised, i, n);
    let score = 0;
    for (const c of cells) if (c.value.kind === 'number') score++;
    if (!best || score > best.score) best = { at: i, cells, score };
  }
  return best;
}

/** Cells after a label up to the next recognised label; long unrecognised text is noise, not a value. */
function valuesAfter(stream: StreamCell[], recognised: boolean[], at: number, n: number): StreamCell[] {
  const cells: StreamCell[] = [];
  const row = stream[at]!.row;
  let filled = 0;
  for (let j = at + 1; j < stream.length; j++) {
    const c = stream[j]!;
    if (recognised[j]) break;
    const newRow = c.row !== stream[j - 1]!.row;
    // A row led by unknown text is another row, unless this label has no cells yet: then it is
    // the label's own wrapped tail (「…不计其」/「他情形） 0 0 0 0 0 0 0」). A tail never opens with
    // an item number: 「5.要求行政机关 1 0 0…」 under 「量反复申请」 is the next row.
    if (c.row !== row && newRow && (filled >= n || (cells.length > 0 && startsLabelledRow(stream, j)) || (cells.length === 0 && NUMBERED.test(firstText(stream, j))))) break;
    if (c.value.kind === 'text' && c.text.length > 4) continue;
    // The label's wrapped tail in front of its numbers (「1.本机关不掌握相关政府信」/「息 0 0 0…」):
    // words, not a cell that could not be read (—, /, 无).
    // A tab row may open with empty cells (「→→获取信息→2→7…」).
    if (c.value.kind === 'text' && filled === 0 && c.row !== row && stream[j + 1]?.row === c.row && LABEL_TAIL.test(c.text)) continue;
    cells.push(c);
    if (c.value.kind !== 'empty') filled++;
  }
  return cells;
}

// Words, with the quotes and brackets labels hold (「稳定”」); a space row joins a wrapped group
// label's end to the row's (「开 权益」 under 「（三）不予公 4.保护第三方合法」).
const LABEL_TAIL = /^(?!无$)[\u4e00-\u9fff“”]+(?: [\u4e00-\u9fff“”]+)*[）)]?$/;

/** The first non-empty cell's text on the row that starts at j (a tab row may open with empty cells). */
function firstText(stream: StreamCell[], j: number): string {
  const row = stream[j]!.row;
  for (let k = j; k < stream.length && stream[k]!.row === row; k++) if (stream[k]!.value.kind !== 'empty') return stream[k]!.text;
  return '';
}

/**
 * A source row whose first non-empty cell is text of some length is another row's label, and so
 * is one that opens with the label's number in a cell of its own (「→8→属于行政查询事项→…」,
 * 「二、→上年结转…」).
 */
function startsLabelledRow(stream: StreamCell[], j: number): boolean {
  const row = stream[j]!.row;
  let numbered = false;
  for (let k = j; k < stream.length && stream[k]!.row === row; k++) {
    const c = stream[k]!;
    if (c.value.kind === 'empty') continue;
    if (!numbered && ROW_NUMBER.test(c.text.trim())) {
      numbered = true;
      continue;
    }
    // After its number, a label may be short (「3→其他」).
    return c.value.kind === 'text' && (numbered || c.text.length > 3);
  }
  return false;
}

/**
 * The row named by the label at `i` and the words on the next line: its first text cell, or,
 * when a group's label column wrapped beside it (「（五）不予处→3.要求提供公开出→13…」/「理  版物」),
 * the words nearest the numbers. -1 when none.
 */
function joinedSpec(stream: StreamCell[], recognised: boolean[], specOf: (key: string) => number, i: number): number {
  let j = i + 1;
  while (j < stream.length && stream[j]!.row === stream[i]!.row) j++;
  const row = stream[j]?.row;
  const words: string[] = [];
  for (let k = j; k < stream.length && stream[k]!.row === row && stream[k]!.value.kind !== 'number'; k++) {
    const c = stream[k]!;
    if (c.value.kind === 'empty') continue;
    if (recognised[k] || c.value.kind !== 'text' || NUMBERED.test(c.text)) return -1;
    words.push(...c.text.trim().split(/\s+/));
  }
  const tails = words.length > 1 ? [words[0]!, words.at(-1)!] : words;
  for (const t of tails) {
    const key = keyOf(t);
    const a = key.length <= 12 ? specOf(stream[i]!.key + key) : -1;
    if (a >= 0) return a;
  }
  return -1;
}

function rowHasNumber(stream: StreamCell[], j: number): boolean {
  for (let k = j; k < stream.length && stream[k]!.row === stream[j]!.row; k++) if (stream[k]!.value.kind === 'number') return true;
  return false;
}

/** The label at `at` has its line to itself (empty cells aside). */
function aloneOnLine(stream: StreamCell[], at: number): boolean {
  const row = stream[at]!.row;
  for (let j = at - 1; j >= 0 && stream[j]!.row === row; j--) if (stream[j]!.value.kind !== 'empty') return false;
  for (let j = at + 1; j < stream.length && stream[j]!.row === row; j++) if (stream[j]!.value.kind !== 'empty') return false;
  return true;
}

/**
 * The numbers on the line below a label that is alone on its line, when that line opens with a
 * group's label (（四）无法提供, （六）其他处理, 三、本年度办理结果: a header here, no row of its own)
 * and then holds at most the rest of this label and exactly n numbers.
 */
function numbersAfterGroupLabel(
  stream: StreamCell[],
  recognised: boolean[],
  joined: boolean[],
  isHeader: (key: string) => boolean,
  specOf: (key: string) => number,
  si: number,
  at: number,
  n: number,
): StreamCell[] | null {
  if (!aloneOnLine(stream, at)) return null;
  let j = at + 1;
  const row = stream[j]?.row;
  if (row === undefined || row === stream[at]!.row) return null;
  // The filled cells of the line, by their place in the stream.
  const line: number[] = [];
  for (; j < stream.length && stream[j]!.row === row; j++) if (stream[j]!.value.kind !== 'empty') line.push(j);
  const g = line[0];
  if (g === undefined) return null;
  const group = stream[g]!;
  // A header, not a row: the group's label or its wrapped end (「办理结果」 of 三、本年度/办理结果), not a
  // numbered row that reads like a header (「2.其他」) nor a row's head found by its wrapped tail.
  if (group.value.kind !== 'text' || !isHeader(group.key) || specOf(group.key) >= 0 || joined[g] || (NUMBERED.test(group.text) && !GROUP_NUMBER.test(group.text))) return null;
  // A space row joins the words before its numbers: the group's label, then at most the rest of
  // this row's label (「（四）无法提供 相关政府信息」), never the next row's (「（六）其他处理 1.申请人…」).
  const [own = '', ...more] = group.text.trim().split(/\s+/);
  if (keyOf(own).length > 8 || more.length > 1 || more.some((t) => NUMBERED.test(t))) return null;
  const isTail = (k: number) => stream[k]!.value.kind === 'text' && !NUMBERED.test(stream[k]!.text) && !recognised[k];
  const rest = line.slice(1);
  // Words that, with the next line's, name another row are that row's head (「（四）无法提供 本机关不掌 7 7…」/「握相关政府信息」).
  const lastWords = more.at(-1) ?? rest.map((k) => stream[k]!).find((c) => c.value.kind === 'text')?.text;
  const below = j < stream.length ? firstText(stream, j) : '';
  // (A line below that names a row and has numbers is a row of its own.)
  const rowOfItsOwn = below && rowHasNumber(stream, j) && specOf(keyOf(below)) >= 0;
  const named = lastWords && below && !NUMBERED.test(below) && !rowOfItsOwn ? specOf(keyOf(lastWords) + keyOf(below)) : -1;
  if (named >= 0 && named !== si) return null;
  // Nor is a row's own label without its number (「三、本年度办理结果 予以公开 1 0 3…」).
  if (more.some((t) => specOf(keyOf(t)) >= 0)) return null;
  // The rest of the label may wrap once more, its numbers on the line after
  // (「（六）其他处理→行政机关不再处理其政府信息公开」/「申请→2→13…」).
  if (rest.length <= 1 && rest.every(isTail) && j < stream.length) {
    const next: number[] = [];
    for (let k = j; k < stream.length && stream[k]!.row === stream[j]!.row; k++) if (stream[k]!.value.kind !== 'empty') next.push(k);
    if (next.length === n + 1 && isTail(next[0]!)) rest.push(...next);
    else if (next.length === n) rest.push(...next);
  }
  const numbers = rest.slice(-n).map((k) => stream[k]!);
  const words = rest.slice(0, -n);
  if (numbers.length !== n || numbers.some((c) => c.value.kind !== 'number')) return null;
  // Numbers right after the group's label are its own (a 2021 （六）其他处理 printed with its subtotal).
  const tail = words.length + more.length;
  return tail >= 1 && tail <= 2 && words.every(isTail) ? numbers : null;
}

/**
 * The numbers on the line above a label that is alone on its line, when that line is an
 * unrecognised label fragment and exactly n numbers, and the fragment and the label read together
 * are this row's label: its keyword wrapped below its numbers.
 */
function numbersAbove(stream: StreamCell[], recognised: boolean[], at: number, n: number, spec: RowSpec): StreamCell[] | null {
  const row = stream[at]!.row;
  if (stream[at - 1]?.row === row || stream[at + 1]?.row === row) return null;
  // A label that opens with its item number (「2.申请人逾期未按收费通知…」) is the first line of its
  // row: the numbers above it are the previous row's, whose label wrapped (「政机关不再处理…申请→2→13…」).
  if (NUMBERED.test(stream[at]!.text)) return null;
  let start = at - 1;
  while (start > 0 && stream[start - 1]!.row === stream[at - 1]?.row) start--;
  // The line may open with a merged label of its own (「（六）其他处理→1.申请人无正当理由逾期→1→0…」)
  // or with empty cells (「→→2.申请人逾期未按→0→0…」); the fragment is the text right before the numbers.
  const line = stream.slice(start, at);
  const numbers = line.slice(-n);
  const head = line[line.length - n - 1];
  const before = line.slice(0, -n - 1);
  if (!head || head.value.kind !== 'text' || recognised[start + before.length]) return null;
  if (numbers.length !== n || numbers.some((c) => c.value.kind !== 'number')) return null;
  // Before the fragment: a group's label, whole or cut by its own column's wrap (「（六）其他处」).
  if (before.some((c, k) => c.value.kind !== 'empty' && !recognised[start + k] && !GROUP_NUMBER.test(c.text))) return null;
  return spec.matches(labelKey(head.text + stream[at]!.text)) ? numbers : null;
}

/**
 * Some DOCX extractors write a merged cell into every column it spans. The headers show it: a
 * header cell repeated in the next column (「信息内容→本年处理决定数量→本年处理决定数量」).
 */
function repeatsMergedCells(stream: StreamCell[], recognised: boolean[]): boolean {
  for (let i = 1; i < stream.length; i++) {
    const a = stream[i - 1]!;
    const b = stream[i]!;
    if (a.value.kind !== 'text' || b.value.kind !== 'text' || a.text.length <= 1 || a.text !== b.text) continue;
    // One cell per line, each its own row: a header or label twice in a row (「本年增/减」/「本年增/减」)
    // is a merged cell too; no report writes one on purpose.
    if (a.row === b.row || (b.row === a.row + 1 && recognised[i - 1] && recognised[i])) return true;
  }
  // A space row joins a header's cells into one: 「信息内容 采购项目数量 采购总金额 采购总金额」.
  return stream.some((c, i) => recognised[i] && c.value.kind === 'text' && c.text.includes(' ') && repeatsWord(c.text));
}

// Words cut from cells repeat from report to report like the cells themselves.
const keyOf = memo(labelKey);
const repeatsWord = memo((text: string) => /(?:^|\s)(\S{2,})\s+\1(?=\s|$)/.test(text));

/** Cells past n that repeat the one before them, dropped from the end. */
function withoutRepeats(cells: StreamCell[], n: number): StreamCell[] {
  const out = cells.filter((c) => c.value.kind !== 'empty');
  const [a, b] = [cells.at(-2), cells.at(-1)];
  if (out.length <= n) {
    if (!a || !b || a.value.kind === 'empty' || a.text !== b.text) return cells;
    // 「政府集中采购→→1082.5→1082.5」: a blank cell, then the merged amount twice. Counting the
    // filled cells only, the repeat would take the blank's column.
    if (cells.length > n) return cells.slice(0, -1);
    // The same with the blank cell left out (「政府集中采购」/「1082.5」/「1082.5」): a full row has
    // one more cell, so one is missing; the repeat is the last column, and the row too short to place.
    return n === 2 && cells.length === 2 ? [b] : cells;
  }
  while (out.length > n && out[out.length - 1]!.text === out[out.length - 2]!.text) out.pop();
  return out;
}

/**
 * Numbers alone on their lines that follow a row read one cell per line and complete, before the
 * next label or text; none when the row's cells share lines (a tab, space or pipe row).
 */
function surplusAfter(stream: StreamCell[], recognised: boolean[], cells: StreamCell[], n: number): StreamCell[] {
  const filled = cells.filter((c) => c.value.kind !== 'empty');
  if (filled.length !== n || n < 2 || new Set(filled.map((c) => c.row)).size !== n) return [];
  const last = stream.indexOf(filled[n - 1]!);
  if (!aloneOnRow(stream, filled[n - 1]!, last)) return [];
  const out: StreamCell[] = [];
  for (let j = last + 1; j < stream.length && !recognised[j]; j++) {
    const c = stream[j]!;
    if (c.value.kind === 'empty') continue;
    if (c.value.kind !== 'number' || !aloneOnRow(stream, c, j)) break;
    out.push(c);
  }
  return out;
}

/** The values of the filled cells, null for text. */
function filledValues(cells: StreamCell[]): (number | null)[] {
  return cells.filter((c) => c.value.kind !== 'empty').map((c) => (c.value.kind === 'number' ? c.value.value : null));
}

/** A table-3 row of seven numbers whose 总计 is the sum of the six applicant columns. */
export function addsUp(values: readonly (number | null)[]): boolean {
  if (values.length !== 7 || values.some((v) => v === null)) return false;
  return (values as number[]).slice(0, 6).reduce((a, b) => a + b, 0) === values[6];
}

/** Text that opens with an item number: 5.要求…, （二）部分…, 三、本年度… */
/** How a group of rows is numbered: （四）无法提供, 三、本年度办理结果 (its rows: 1., 2., …). */
const GROUP_NUMBER = /^\s*(?:[（(][一二三四五六七八九十]{1,2}[)）]|[一二三四五六七八九十]{1,2}、)/;
const NUMBERED = /^\s*(?:\d{1,2}[.、．)）](?!\d)|[（(][一二三四五六七八九十\d]{1,3}[)）]|[一二三四五六七八九十]{1,3}[、.．])/;

/** A row's number written in a cell of its own: 8, 8., 二、, （一）. */
const ROW_NUMBER = /^(?:\d{1,2}[、.．)）]?|[一二三四五六七八九十]{1,3}[、.．]|[（(][一二三四五六七八九十\d]{1,3}[)）])$/;

/**
 * Assigns the cells found after a label to the row's columns. Exactly as many non-empty cells
 * as columns map in order (extra empty cells are extraction artefacts); otherwise the label's
 * own source row must hold exactly one cell per column, blanks included. Anything else is
 * ambiguous and every cell of the row stays null: a misplaced number is worse than none.
 */
function place(spec: RowSpec, stream: StreamCell[], at: number, cells: StreamCell[], opts: RowsOptions, warnings: Warning[]): (number | null)[] {
  const n = spec.columns.length;
  const anchor = stream[at]!;
  const filled = cells.filter((c) => c.value.kind !== 'empty');
  // A page number completes nothing: the line holding the row's other numbers decides.
  const stray = pageNumberLast(stream, filled);
  const line = stray ? filled[0]!.row : anchor.row;
  const own = cells.filter((c) => c.row === line);
  const away = filled.filter((c) => c.row !== line);
  while (own.length > n && own[own.length - 1]!.value.kind === 'empty') own.pop();
  // A table-2 label's line that holds only blanks, one per column, is the row even when a number
  // follows on the next line (「行政许可→」/「3」: the 3 is a page number, not the blank's value).
  // Table 3's long labels wrap, and their first line's blanks say less.
  const blankLine = n <= 2 && away.length > 0 && own.length === n && own.every((c) => c.value.kind === 'empty');
  let slots: StreamCell[] | null = null;
  // Blanks around the numbers are extraction artefacts (a merged label's column, a trailing tab),
  // but a blank between two numbers of one source row is a column: with n numbers besides, one is too many.
  if (filled.length === n && !stray && !blankLine) slots = blankAmid(own) ? null : filled;
  else {
    // After a merged label, a blank before the first number may be the label's own empty column
    // (「（一）予以公开→→3→0…」) rather than the first number's: with a number short as well,
    // nothing tells which.
    const leadingBlank = spec.mergedLabel === true && own[0]?.value.kind === 'empty';
    if (own.length === n && (away.length === 0 || stray || blankLine) && !leadingBlank) slots = own;
  }
  if (!slots) {
    warnings.push({
      code: cells.length === 0 ? 'ROW_MISSING' : 'CELL_AMBIGUOUS',
      severity: 'warning',
      message:
        cells.length === 0
          ? `「${spec.label}」一行没有数字。`
          : `「${spec.label}」一行应有 ${n} 个数字，读到 ${filled.length} 个，无法确定对应的列，整行记为空。`,
      path: spec.path,
      raw: [anchor.text, ...cells.map((c) => c.text)].join(' | '),
      line: anchor.line,
    });
    return Array(n).fill(null);
  }
  return slots.map((c, k) => readSlot(spec, k, c, opts, warnings));
}

/**
 * The last filled cell is alone on the line after all the others, which share a line with more
 * than themselves (a label, a blank): a bare PDF page number as often as the row's last cell
 * (「规范性文件→5→5→」/「2」).
 */
function pageNumberLast(stream: StreamCell[], filled: StreamCell[]): boolean {
  const k = filled.length - 1;
  if (k < 1) return false;
  const lone = filled[k]!;
  const rest = filled[k - 1]!;
  return (
    lone.row !== rest.row &&
    filled[0]!.row === rest.row &&
    filled.some((c) => c !== lone && c.value.kind === 'number') &&
    aloneOnRow(stream, lone) &&
    !aloneOnRow(stream, filled[0]!)
  );
}

/** The only cell of its source row (`i`, its place in the stream, when known). */
export function aloneOnRow(stream: StreamCell[], c: StreamCell, i = stream.indexOf(c)): boolean {
  return stream[i - 1]?.row !== c.row && stream[i + 1]?.row !== c.row;
}

/** A blank cell between two filled ones. */
export function blankAmid(cells: StreamCell[]): boolean {
  let first = -1;
  let last = -1;
  cells.forEach((c, i) => {
    if (c.value.kind === 'empty') return;
    if (first < 0) first = i;
    last = i;
  });
  for (let i = first + 1; i < last; i++) if (cells[i]!.value.kind === 'empty') return true;
  return false;
}

/** A count of 元 in 万元, to eight decimals (no floating-point tail). */
function inWan(value: number): number {
  return Math.round((value / 10000) * 1e8) / 1e8;
}

function readSlot(spec: RowSpec, k: number, c: StreamCell, opts: RowsOptions, warnings: Warning[]): number | null {
  const column = spec.columns[k]!;
  // The path and the cell's name are only spelled out for a warning: most cells are plain numbers.
  if (c.value.kind !== 'number') return cellValue(c, slotPath(spec, column), slotName(spec, k), warnings);
  const { value, unit } = c.value;
  if (!spec.amountColumns?.includes(column)) return value;
  if (unit === '元' || (unit === null && opts.amountsInYuan)) {
    warnings.push({ code: 'UNIT_CONVERTED', severity: 'info', message: `${slotName(spec, k)}以元填报，已换算为万元。`, path: slotPath(spec, column), raw: c.text, line: c.line });
    return inWan(value);
  }
  // A bare 万 was read as a count (111.1万 → 1,111,000): in an amount column it is 万元.
  if (unit === '万') return inWan(value);
  return unit === '亿元' ? value * 10000 : value;
}

/** A cell's record path: `table3.granted[2]`, `table2.licensing.decisions`. */
function slotPath(spec: RowSpec, column: string): string {
  return `${spec.path}${/^\d+$/.test(column) ? `[${column}]` : `.${column}`}`;
}

/** A cell's name for messages: 「行政许可」的「本年处理决定数量」. */
function slotName(spec: RowSpec, k: number): string {
  return `「${spec.label}」的「${spec.columnLabels[k]}」`;
}

/** A placed cell's number, or null with a warning saying why: blank is not 0, text is not a number. */
export function cellValue(c: StreamCell, path: string, where: string, warnings: Warning[]): number | null {
  if (c.value.kind === 'number') return c.value.value;
  const blank = c.value.kind === 'empty';
  warnings.push({
    code: blank ? 'CELL_BLANK' : 'CELL_UNREADABLE',
    severity: 'warning',
    message: blank ? `${where}为空（空白不等于 0）。` : `${where}不是数字：「${c.text}」。`,
    path,
    raw: c.text,
    line: c.line,
  });
  return null;
}
