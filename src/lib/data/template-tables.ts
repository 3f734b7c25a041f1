import type { Report } from '../schema/report.ts';
import type { Row, Table3, Table4 } from '../schema/tables.ts';
import type { Warning } from '../schema/warning.ts';

/** One cell as the official template lays it out, with the warning that explains a gap. */
export interface CellView {
  value: number | null;
  /** Record path, e.g. `table3.denied.stateSecret[2]` (the parser's warning paths use the same form). */
  path: string;
  /** Index into report.warnings of the warning about this cell, if any. */
  warning: number | null;
}

export interface RowView {
  label: string;
  /** Record path of the row (`table3.denied.stateSecret`), null for a heading-only row. */
  path: string | null;
  /** 0 = top-level row, 1 = （一）…, 2 = 1. … */
  indent: number;
  /** Empty for a heading-only row such as （三）不予公开. */
  cells: CellView[];
}

export interface BlockView {
  /** e.g. 第二十条第（一）项 */
  title: string;
  columns: string[];
  rows: RowView[];
}

/** Finds the warning for a cell: exact path first, then its row, then its table. */
export function warningLookup(warnings: Warning[]): (path: string, walkUp?: boolean) => number | null {
  const byPath = new Map<string, number>();
  warnings.forEach((w, i) => {
    if (w.path && !byPath.has(w.path)) byPath.set(w.path, i);
  });
  return (path, walkUp = true) => {
    for (let p: string | null = path; p; p = walkUp ? parentPath(p) : null) {
      const i = byPath.get(p);
      if (i !== undefined) return i;
    }
    return null;
  };
}

function parentPath(p: string): string | null {
  const m = /^(.*)(\[\d+\]|\.[^.[]+)$/.exec(p);
  return m && m[1] ? m[1] : null;
}

type Find = (path: string, walkUp?: boolean) => number | null;
// A missing number points at the nearest warning (cell, row or table); a number that is present
// only gets a marker when a warning names that very cell (e.g. 元 converted to 万元).
const cell = (value: number | null | undefined, path: string, find: Find): CellView => ({
  value: value ?? null,
  path,
  warning: find(path, value === null || value === undefined),
});

function fields(obj: Record<string, number | null> | undefined, keys: string[], base: string, find: Find): CellView[] {
  return keys.map((k) => cell(obj?.[k], `${base}.${k}`, find));
}

export function table2Blocks(r: Report): BlockView[] | null {
  const t = r.table2 as Record<string, Record<string, number | null>> | null;
  if (!t) return null;
  const find = warningLookup(r.warnings);
  const row = (label: string, key: string, cols: string[]): RowView => ({ label, path: `table2.${key}`, indent: 0, cells: fields(t[key], cols, `table2.${key}`, find) });
  if (r.template === '2021' || 'inForce' in (t.regulations ?? {})) {
    const ISSUED = ['本年制发件数', '本年废止件数', '现行有效件数'];
    return [
      { title: '第二十条第（一）项', columns: ISSUED, rows: [row('规章', 'regulations', ['issued', 'repealed', 'inForce']), row('行政规范性文件', 'normativeDocs', ['issued', 'repealed', 'inForce'])] },
      { title: '第二十条第（五）项', columns: ['本年处理决定数量'], rows: [row('行政许可', 'licensing', ['decisions'])] },
      { title: '第二十条第（六）项', columns: ['本年处理决定数量'], rows: [row('行政处罚', 'penalty', ['decisions']), row('行政强制', 'coercion', ['decisions'])] },
      { title: '第二十条第（八）项', columns: ['本年收费金额（单位：万元）'], rows: [row('行政事业性收费', 'fees', ['amountWan'])] },
    ];
  }
  const MADE = ['本年新制作数量', '本年新公开数量', '对外公开总数量'];
  const ITEMS = ['上一年项目数量', '本年增/减', '处理决定数量'];
  const items = ['previous', 'change', 'decisions'];
  return [
    { title: '第二十条第（一）项', columns: MADE, rows: [row('规章', 'regulations', ['made', 'published', 'total']), row('规范性文件', 'normativeDocs', ['made', 'published', 'total'])] },
    { title: '第二十条第（五）项', columns: ITEMS, rows: [row('行政许可', 'licensing', items), row('其他对外管理服务事项', 'otherServices', items)] },
    { title: '第二十条第（六）项', columns: ITEMS, rows: [row('行政处罚', 'penalty', items), row('行政强制', 'coercion', items)] },
    { title: '第二十条第（八）项', columns: ['上一年项目数量', '本年增/减'], rows: [row('行政事业性收费', 'fees', ['previous', 'change'])] },
    { title: '第二十条第（九）项', columns: ['采购项目数量', '采购总金额（万元）'], rows: [row('政府集中采购', 'procurement', ['projects', 'amountWan'])] },
  ];
}

type RowSpec = [label: string, indent: number, path: string | null];

const DENIED: RowSpec[] = [
  ['1.属于国家秘密', 2, 'denied.stateSecret'],
  ['2.其他法律行政法规禁止公开', 2, 'denied.lawForbidden'],
  ['3.危及“三安全一稳定”', 2, 'denied.threeSafetyOneStability'],
  ['4.保护第三方合法权益', 2, 'denied.thirdPartyRights'],
  ['5.属于三类内部事务信息', 2, 'denied.internalAffairs'],
  ['6.属于四类过程性信息', 2, 'denied.processInformation'],
  ['7.属于行政执法案卷', 2, 'denied.enforcementRecords'],
  ['8.属于行政查询事项', 2, 'denied.queryMatters'],
];
const UNABLE: RowSpec[] = [
  ['1.本机关不掌握相关政府信息', 2, 'unableToProvide.notHeld'],
  ['2.没有现成信息需要另行制作', 2, 'unableToProvide.needsCreation'],
  ['3.补正后申请内容仍不明确', 2, 'unableToProvide.unclearAfterCorrection'],
];
const NOT_PROCESSED: RowSpec[] = [
  ['1.信访举报投诉类申请', 2, 'notProcessed.petitionComplaint'],
  ['2.重复申请', 2, 'notProcessed.duplicate'],
  ['3.要求提供公开出版物', 2, 'notProcessed.publication'],
  ['4.无正当理由大量反复申请', 2, 'notProcessed.excessive'],
  ['5.要求行政机关确认或重新出具已获取信息', 2, 'notProcessed.confirmation'],
];
const OTHER_DETAIL: RowSpec[] = [
  ['1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请', 2, 'otherHandlingDetail.overdueCorrection'],
  ['2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请', 2, 'otherHandlingDetail.overdueFee'],
  ['3.其他', 2, 'otherHandlingDetail.other'],
];

/** 表三 rows in template order; the 2021 template splits （六）其他处理 into three rows. */
export function table3Rows(r: Report): RowView[] | null {
  const t = r.table3;
  if (!t) return null;
  const find = warningLookup(r.warnings);
  const detail = t.otherHandlingDetail !== undefined || r.template === '2021';
  const specs: RowSpec[] = [
    ['一、本年新收政府信息公开申请数量', 0, 'newReceived'],
    ['二、上年结转政府信息公开申请数量', 0, 'carriedOver'],
    ['三、本年度办理结果', 0, null],
    ['（一）予以公开', 1, 'granted'],
    ['（二）部分公开（区分处理的，只计这一情形，不计其他情形）', 1, 'partiallyGranted'],
    ['（三）不予公开', 1, null],
    ...DENIED,
    ['（四）无法提供', 1, null],
    ...UNABLE,
    ['（五）不予处理', 1, null],
    ...NOT_PROCESSED,
    ...(detail ? ([['（六）其他处理', 1, null], ...OTHER_DETAIL] as RowSpec[]) : ([['（六）其他处理', 1, 'otherHandling']] as RowSpec[])),
    ['（七）总计', 1, 'totalHandled'],
    ['四、结转下年度继续办理', 0, 'carriedForward'],
  ];
  return specs.map(([label, indent, path]) => ({
    label,
    path: path && `table3.${path}`,
    indent,
    cells: path ? rowCells(getRow(t, path), `table3.${path}`, find) : [],
  }));
}

function getRow(t: Table3, path: string): Row | undefined {
  let v: unknown = t;
  for (const k of path.split('.')) v = (v as Record<string, unknown> | undefined)?.[k];
  return v as Row | undefined;
}

function rowCells(row: Row | undefined, base: string, find: Find): CellView[] {
  return Array.from({ length: 7 }, (_, i) => cell(row?.[i], `${base}[${i}]`, find));
}

export const TABLE4_BLOCKS = [
  ['review', '行政复议'],
  ['litigationDirect', '未经复议直接起诉'],
  ['litigationAfterReview', '复议后起诉'],
] as const;
export const OUTCOME_LABELS = ['结果维持', '结果纠正', '其他结果', '尚未审结', '总计'];
const OUTCOME_KEYS = ['upheld', 'corrected', 'other', 'pending', 'total'] as const;

/** 表四's single data row: 15 cells, three blocks of five. */
export function table4Cells(r: Report): CellView[] | null {
  const t: Table4 | null = r.table4;
  if (!t) return null;
  const find = warningLookup(r.warnings);
  return TABLE4_BLOCKS.flatMap(([key]) => OUTCOME_KEYS.map((k) => cell(t[key][k], `table4.${key}.${k}`, find)));
}

/**
 * One table cell as HTML. Report pages hold ~250 cells; rendering each through its own Astro
 * component costs more than the rest of the page, so cells are printed as strings. `path` comes
 * from the record's fixed key names and `value` is a number, so nothing here needs escaping.
 * Table 3's 175 cells leave their path to their row (`<tr data-path>`, the cell's column is its
 * position): a path on every cell made up a fifth of a report page, and every page is written twice.
 */
export function cellHtml(cell: CellView, format: (v: number | null) => string, withPath = true): string {
  const flag =
    cell.warning === null
      ? ''
      : `<a class="flag" href="#w-${cell.warning + 1}" title="见警告 ${cell.warning + 1}"><span aria-hidden="true">⚠</span><span class="sr-only">见警告 ${cell.warning + 1}</span></a>`;
  const attrs = (cell.value === null ? ' class="missing"' : '') + (withPath ? ` data-path="${cell.path}"` : '');
  return `<td${attrs}>${format(cell.value)}${flag}</td>`;
}
