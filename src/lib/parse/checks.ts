import type { Check } from '../schema/report.ts';
import { APPLICANT_COLUMNS, type Row, type Table3, type Table4 } from '../schema/tables.ts';
import { TABLE3_2019, TABLE3_2021 } from './tables/specs.ts';

const ROW_LABELS = new Map([...TABLE3_2019, ...TABLE3_2021].map((s) => [s.path.slice('table3.'.length), s.label]));

type Term = { label: string; value: number | null };

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
  APPLICANT_COLUMNS.forEach((col, c) => {
    checks.push(
      equation(`table3.balance[${col}]`, 'table3', `「${col}」列：本年新收 + 上年结转 = 办理结果总计 + 结转下年度`,
        [{ label: '本年新收', value: t.newReceived[c]! }, { label: '上年结转', value: t.carriedOver[c]! }],
        [{ label: '办理结果总计', value: t.totalHandled[c]! }, { label: '结转下年度', value: t.carriedForward[c]! }]),
    );
  });
  for (const { path, label, row } of table3Rows(t)) {
    checks.push(
      equation(`table3.rowTotal.${path}`, 'table3', `「${label}」行：总计 = 六类申请人之和`,
        APPLICANT_COLUMNS.slice(0, 6).map((col, c) => ({ label: col, value: row[c]! })),
        [{ label: '总计', value: row[6]! }]),
    );
  }
  const outcomes = outcomeRows(t);
  APPLICANT_COLUMNS.forEach((col, c) => {
    checks.push(
      equation(`table3.outcomeTotal[${col}]`, 'table3', `「${col}」列：办理结果总计 = 各项办理结果之和`,
        outcomes.map((o) => ({ label: o.label, value: o.row[c]! })),
        [{ label: '办理结果总计', value: t.totalHandled[c]! }]),
    );
  });
  return checks;
}

const BLOCK_LABELS = { review: '行政复议', litigationDirect: '未经复议直接起诉', litigationAfterReview: '复议后起诉' } as const;

function checkTable4(t: Table4): Check[] {
  return (Object.keys(BLOCK_LABELS) as (keyof typeof BLOCK_LABELS)[]).map((block) => {
    const b = t[block];
    return equation(`table4.${block}.total`, 'table4', `「${BLOCK_LABELS[block]}」：总计 = 结果维持 + 结果纠正 + 其他结果 + 尚未审结`,
      [{ label: '结果维持', value: b.upheld }, { label: '结果纠正', value: b.corrected }, { label: '其他结果', value: b.other }, { label: '尚未审结', value: b.pending }],
      [{ label: '总计', value: b.total }]);
  });
}

/** left terms sum (expected) against right terms sum (actual, as reported). */
function equation(id: string, table: Check['table'], rule: string, left: Term[], right: Term[]): Check {
  const sum = (ts: Term[]) => (ts.some((x) => x.value === null) ? null : round(ts.reduce((s, x) => s + (x.value as number), 0)));
  const expected = sum(left);
  const actual = sum(right);
  const known = expected !== null && actual !== null;
  return {
    id,
    table,
    rule,
    pass: known ? expected === actual : null,
    expected,
    actual,
    difference: known ? round(actual - expected) : null,
    // The numbers of a rule that holds are in the table already; listing them for ~40 passing
    // checks would be most of the record's size.
    terms: known && expected === actual ? [] : [...left, ...right],
  };
}

function round(x: number): number {
  return Math.round(x * 1e6) / 1e6;
}
