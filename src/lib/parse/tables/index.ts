import type { Template } from '../../schema/report.ts';
import type { Table2, Table3, Table4 } from '../../schema/tables.ts';
import type { Warning } from '../../schema/warning.ts';
import { memo } from '../memo.ts';
import type { Block } from '../read/document.ts';
import { addsUp, readRows, type RowResult, type RowSpec } from './rows.ts';
import { TABLE2_2019, TABLE2_2021, TABLE2_HEADER, TABLE3_2019, TABLE3_2021, TABLE3_HEADER, TEMPLATE_MARKERS, withTotalFirst } from './specs.ts';
import { cellStream, type StreamCell } from './stream.ts';
import { readTable4 } from './table4.ts';

export interface TableSpans {
  table2: Block[];
  table3: Block[];
  table4: Block[];
}

export interface Tables {
  template: Template | null;
  table2: Table2 | null;
  table3: Table3 | null;
  table4: Table4 | null;
}

/** Reads the three standard tables from their regions of the document. */
export function readTables(spans: TableSpans, warnings: Warning[]): Tables {
  const s2 = cellStream(spans.table2);
  const s3 = cellStream(spans.table3);
  const template = detectTemplate([s2, s3], warnings);
  const t2 = template === null ? null : readTable(s2, template === '2019' ? TABLE2_2019 : TABLE2_2021, TABLE2_HEADER, '二、主动公开政府信息情况', warnings);
  // Table 3 is read by its own rows: some 2021-template reports keep the single （六）其他处理 row.
  // A 2021 table 3 cut off before （六） has neither form: it follows the template.
  let splitRows = false;
  let otherRow = false;
  for (const c of s3) {
    if (c.value.kind !== 'text') continue;
    if (c.key.includes('不补正') || c.key.includes('收费通知') || c.key.includes('未缴费')) splitRows = true;
    if (c.key === '其他处理') otherRow = true;
  }
  const splitOther = splitRows || (template === '2021' && !otherRow);
  const specs3 = splitOther ? TABLE3_2021 : TABLE3_2019;
  const t3 = template === null ? null : readTable3(s3, specs3, warnings);
  return {
    template,
    table2: t2 as Table2 | null,
    table3: t3 ? withOtherHandling(t3 as Table3) : null,
    table4: readTable4(cellStream(spans.table4), warnings),
  };
}

function detectTemplate(streams: StreamCell[][], warnings: Warning[]): Template | null {
  // Distinct marker words over all label cells (no marker spans two cells).
  const seen2019 = new Set<string>();
  const seen2021 = new Set<string>();
  for (const stream of streams) {
    for (let i = 0; i < stream.length; i++) {
      const c = stream[i]!;
      if (c.value.kind !== 'text') continue;
      const markers = markersIn(c.key);
      for (let k = 0; k < markers[0].length; k++) seen2019.add(markers[0][k]!);
      for (let k = 0; k < markers[1].length; k++) seen2021.add(markers[1][k]!);
    }
  }
  const v2019 = seen2019.size;
  const v2021 = seen2021.size;
  if (v2019 === 0 && v2021 === 0) {
    if (streams.some((s) => s.some((c) => c.value.kind === 'number'))) {
      warnings.push({ code: 'TEMPLATE_UNKNOWN', severity: 'warning', message: '表格中没有可识别模板版本的栏目名称，未读取表二、表三。' });
    }
    for (const [path, name] of [['table2', '二、主动公开政府信息情况'], ['table3', '三、收到和处理政府信息公开申请情况']]) {
      warnings.push({ code: 'TABLE_MISSING', severity: 'error', message: `未找到表格「${name}」。`, path });
    }
    return null;
  }
  if (v2019 > 0 && v2021 > 0) {
    warnings.push({
      code: 'TEMPLATE_MIXED',
      severity: 'warning',
      message: `表格同时含有 2019 版（${v2019} 处）和 2021 版（${v2021} 处）模板的栏目名称，按较多者读取。`,
    });
  }
  if (v2021 !== v2019) return v2021 > v2019 ? '2021' : '2019';
  // A tie: the 行政许可 row holds one number in the 2021 template and three in the 2019 one.
  return licensingWidth(streams[0]!) === 1 ? '2021' : '2019';
}

/** How many cells follow table 2's 行政许可 label on its line (0 when it is alone there). */
function licensingWidth(s2: StreamCell[]): number {
  const at = s2.findIndex((c) => c.value.kind === 'text' && c.key === '行政许可');
  let n = 0;
  for (let j = at + 1; at >= 0 && j < s2.length && s2[j]!.row === s2[at]!.row && s2[j]!.value.kind !== 'text'; j++) if (s2[j]!.value.kind === 'number') n++;
  return n;
}

const MARKERS_2019 = new RegExp(TEMPLATE_MARKERS['2019'].source, 'g');
const MARKERS_2021 = new RegExp(TEMPLATE_MARKERS['2021'].source, 'g');
const markersIn = memo((key: string): [string[], string[]] => [key.match(MARKERS_2019) ?? [], key.match(MARKERS_2021) ?? []]);

const YUAN_HEADER = /^[^万。]*金额[^万。\d]{0,6}[（(：:]元[)）]?[^万。]*$/;

function readTable(stream: StreamCell[], specs: RowSpec[], isHeader: (k: string) => boolean, name: string, warnings: Warning[]) {
  // Only a column header can say so (「采购总金额（单位：元）」), not a note or a sentence that
  // mentions 元 (「单笔金额5000元以下」), nor a header that PDF extraction spaced (「万 元」).
  const amountsInYuan = stream.some((c) => c.value.kind === 'text' && c.text.includes('金额') && YUAN_HEADER.test(c.text.replace(/\s+/g, '')));
  const rowWarnings: Warning[] = [];
  const rows = readRows(stream, specs, { isHeader, amountsInYuan }, rowWarnings);
  let found = false;
  for (const r of rows.values()) found ||= r.found;
  if (!found) {
    warnings.push({ code: 'TABLE_MISSING', severity: 'error', message: `未找到表格「${name}」。`, path: specs[0]!.path.split('.')[0] });
    return null;
  }
  warnings.push(...rowWarnings);
  const table: Record<string, unknown> = {};
  for (const spec of specs) {
    const r = rows.get(spec.path) as RowResult;
    if (!r.found) {
      warnings.push({ code: 'ROW_MISSING', severity: 'warning', message: `表格「${name}」缺少「${spec.label}」一行，记为空。`, path: spec.path });
    }
    if (r.found && printsOtherColumns(stream, spec)) {
      r.values = r.values.map(() => null);
      warnings.push({
        code: 'COLUMNS_MISMATCHED',
        severity: 'warning',
        message: `表格「${name}」中「${spec.label}」一行的栏目不是模板的「${spec.columnLabels.join('、')}」，而是另一版模板的栏目，各格记为空。`,
        path: spec.path,
      });
    }
    const { indexed, path } = shapeOf(spec);
    let value: unknown = r.values;
    if (indexed && spec.columns[0] !== '0') {
      // Columns printed in another order go to their template positions.
      const placed: (number | null)[] = [];
      for (let i = 0; i < spec.columns.length; i++) placed[Number(spec.columns[i])] = r.values[i]!;
      value = placed;
    } else if (!indexed) {
      const named: Record<string, number | null> = {};
      for (let i = 0; i < spec.columns.length; i++) named[spec.columns[i]!] = r.values[i]!;
      value = named;
    }
    setPath(table, path, value);
  }
  return table;
}

/** Whether the table heads this row's columns with the other template's words, and never with its own. */
function printsOtherColumns(stream: StreamCell[], spec: RowSpec): boolean {
  if (!spec.otherColumns) return false;
  const own = spec.columnLabels.map((l) => l.slice(-4));
  let other = false;
  for (const c of stream) {
    if (c.value.kind !== 'text') continue;
    if (own.some((l) => c.key.includes(l))) return false;
    other ||= spec.otherColumns.test(c.key);
  }
  return other;
}

/** Where a row goes in the record, and whether its columns are positions (table 3) or names. */
const shapes = new WeakMap<RowSpec, { indexed: boolean; path: string[] }>();
function shapeOf(spec: RowSpec): { indexed: boolean; path: string[] } {
  let shape = shapes.get(spec);
  if (!shape) shapes.set(spec, (shape = { indexed: /^\d+$/.test(spec.columns[0]!), path: spec.path.split('.').slice(1) }));
  return shape;
}

const TABLE3_NAME = '三、收到和处理政府信息公开申请情况';

/**
 * Table 3, in the template's column order or, when the header puts 总计 before 自然人 and the
 * numbers agree, with the 总计 column printed first. A header split over lines can put 总计 first
 * in reading order (「自然」/「人」 on the next line), so the header alone decides nothing: the
 * columns are taken as printed first only when more rows add up that way.
 */
function readTable3(s3: StreamCell[], specs: RowSpec[], warnings: Warning[]): Record<string, unknown> | null {
  const asTemplate: Warning[] = [];
  const t3 = readTable(s3, specs, TABLE3_HEADER, TABLE3_NAME, asTemplate);
  if (t3 && totalNamedFirst(s3)) {
    const printed: Warning[] = [];
    const rotated = readTable(s3, withTotalFirst(specs), TABLE3_HEADER, TABLE3_NAME, printed);
    if (rotated && rowsAddingUp(rotated) > rowsAddingUp(t3)) {
      warnings.push(...printed, { code: 'COLUMNS_REORDERED', severity: 'info', message: '表三的「总计」列印在「自然人」之前，已按模板的列序读取。', path: 'table3' });
      return rotated;
    }
  }
  warnings.push(...asTemplate);
  return t3;
}

/** Whether a cell reading 总计 comes before 自然人 (or its first characters) and before the first row. */
function totalNamedFirst(s3: StreamCell[]): boolean {
  for (const c of s3) {
    if (c.value.kind !== 'text') continue;
    if (c.key.startsWith('自然') || c.key.includes('新收')) return false;
    if (c.key === '总计') return true;
  }
  return false;
}

/** Rows of table 3 whose 总计 column is the sum of the six applicant columns, not all zero. */
function rowsAddingUp(t3: Record<string, unknown>): number {
  let n = 0;
  const visit = (v: unknown) => {
    if (Array.isArray(v)) {
      const r = v as (number | null)[];
      if (r[6] !== 0 && addsUp(r)) n++;
    } else if (v && typeof v === 'object') Object.values(v).forEach(visit);
  };
  visit(t3);
  return n;
}

/** In the 2021 template （六）其他处理 is split in three rows; their sum keeps every year's shape the same. */
function withOtherHandling(t3: Table3): Table3 {
  if (!t3.otherHandlingDetail) return t3;
  const d = t3.otherHandlingDetail;
  const otherHandling = d.other.map((_, c) => {
    const parts = [d.overdueCorrection[c], d.overdueFee[c], d.other[c]];
    return parts.some((v) => v === null || v === undefined) ? null : parts.reduce<number>((s, v) => s + (v as number), 0);
  });
  const { totalHandled, carriedForward, ...rest } = t3;
  return { ...rest, otherHandling, totalHandled, carriedForward };
}

function setPath(obj: Record<string, unknown>, path: string[], value: unknown): void {
  let o = obj;
  for (let i = 0; i < path.length - 1; i++) o = (o[path[i]!] ??= {}) as Record<string, unknown>;
  o[path[path.length - 1]!] = value;
}
