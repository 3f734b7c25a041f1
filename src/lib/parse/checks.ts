import type { Check } from '../schema/report.ts';
import { APPLICANT_COLUMNS, type Row, type Table3, type Table4 } from '../schema/tables.ts';
import { TABLE3_2019, TABLE3_2021 } from './tables/specs.ts';

const ROW_LABELS = new Map([...TABLE3_2019, ...TABLE3_2021].map((s) => [s.path.slice('table3.'.length), s.label]));

/** Evaluates the template's consistency rules (勾稽关系); see docs/templates.md. */
export function checkReport(table3: Table3 | null, table4: Table4 | null): Check[] {
  const checks: Check[] = [];
  if (table3) checks.push(...checkTable3(table3));
  if (table4) checks.push(...checkTable4(table4));
  return checks;
}

/** Every number row of table 3 with its record path and label. */
export function table3Rows(t: Table3): { path: string; label: string; row: Row }[] {
  const rows: { path: string; label: string; row: Row }[] = [
    { path: 'newReceived', label: '本年新收', row: t.newReceived },
    { path: 'carriedOver', label: '上年结转', row: t.carriedOver },
    ...outcomeRows(t),
    { path: 'totalHandled', label: '办理结果总计', row: t.totalHandled },
    { path: 'carriedForward', label: '结转下年度', row: t.carriedForward },
  ];
  return rows;
}

function outcomeRows(t: Table3): { path: string; label: string; row: Row }[] {
  const group = (name: string, label: string, rows: Record<string, Row>) =>
    Object.entries(rows).map(([k, row]) => ({ path: `${name}.${k}`, label: `${label}·${ROW_LABELS.get(`${name}.${k}`) ?? k}`, row }));
  const detail = t.otherHandlingDetail
    ? group('otherHandlingDetail', '其他处理', t.otherHandlingDetail)
    : [{ path: 'otherHandling', label: '其他处理', row: t.otherHandling }];
  return [
    { path: 'granted', label: '予以公开', row: t.granted },
    { path: 'partiallyGranted', label: '部分公开', row: t.partiallyGranted },
    ...group('denied', '不予公开', t.denied),
    ...group('unableToProvide', '无法提供', t.unableToProvide),
    ...group('notProcessed', '不予处理', t.notProcessed),
    ...detail,
  ];
}

function checkTable3(t: Table3): Check[] {
  const checks: Check[] = [];
  const rows = table3Rows(t);
  const outcomes = outcomeRows(t);
  APPLICANT_COLUMNS.forEach((col, c) => {
    checks.push(
      equation(`table3.balance[${col}]`, 'table3', `「${col}」列：本年新收 + 上年结转 = 办理结果总计 + 结转下年度`,
        [t.newReceived[c]!, t.carriedOver[c]!], [t.totalHandled[c]!, t.carriedForward[c]!],
        () => [['本年新收', '上年结转'], ['办理结果总计', '结转下年度']]),
    );
  });
  for (const { path, label, row } of rows) {
    checks.push(
      equation(`table3.rowTotal.${path}`, 'table3', `「${label}」行：总计 = 六类申请人之和`, row.slice(0, 6), [row[6]!],
        () => [APPLICANT_COLUMNS.slice(0, 6), ['总计']]),
    );
  }
  APPLICANT_COLUMNS.forEach((col, c) => {
    checks.push(
      equation(`table3.outcomeTotal[${col}]`, 'table3', `「${col}」列：办理结果总计 = 各项办理结果之和`,
        outcomes.map((o) => o.row[c]!), [t.totalHandled[c]!],
        () => [outcomes.map((o) => o.label), ['办理结果总计']]),
    );
  });
  return checks;
}

const BLOCK_LABELS = { review: '行政复议', litigationDirect: '未经复议直接起诉', litigationAfterReview: '复议后起诉' } as const;
const OUTCOME_TERMS = ['结果维持', '结果纠正', '其他结果', '尚未审结'];

function checkTable4(t: Table4): Check[] {
  return (Object.keys(BLOCK_LABELS) as (keyof typeof BLOCK_LABELS)[]).map((block) => {
    const b = t[block];
    return equation(`table4.${block}.total`, 'table4', `「${BLOCK_LABELS[block]}」：总计 = 结果维持 + 结果纠正 + 其他结果 + 尚未审结`,
      [b.upheld, b.corrected, b.other, b.pending], [b.total], () => [OUTCOME_TERMS, ['总计']]);
  });
}

type Value = number | null;

/**
 * The left side's sum (expected) against the right side's (actual, as reported). Term labels are
 * only built for a rule that fails or cannot be checked: the numbers of a rule that holds are in
 * the table already, and listing them for ~40 passing checks would be most of the record.
 */
function equation(id: string, table: Check['table'], rule: string, left: Value[], right: Value[], labels: () => [readonly string[], readonly string[]]): Check {
  const expected = sum(left);
  const actual = sum(right);
  const known = expected !== null && actual !== null;
  const pass = known ? expected === actual : null;
  let terms: Check['terms'] = [];
  if (pass !== true) {
    const [l, r] = labels();
    terms = [...left.map((value, i) => ({ label: l[i]!, value })), ...right.map((value, i) => ({ label: r[i]!, value }))];
  }
  return { id, table, rule, pass, expected, actual, difference: known ? round(actual - expected) : null, terms };
}

function sum(values: Value[]): number | null {
  let s = 0;
  for (const v of values) {
    if (v === null) return null;
    s += v;
  }
  return round(s);
}

function round(x: number): number {
  return Math.round(x * 1e6) / 1e6;
}
