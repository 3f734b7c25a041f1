import type { Check } from '../schema/report.ts';
import { APPLICANT_COLUMNS, type Row, type Table3, type Table4 } from '../schema/tables.ts';
import { TABLE3_2019, TABLE3_2021 } from './tables/specs.ts';

const ROW_LABELS = new Map([...TABLE3_2019, ...TABLE3_2021].map((s) => [s.path.slice('table3.'.length), s.label]));

/** Evaluates the template's consistency rules (勾稽关系); see docs/templates.md. */
export function checkReport(table3: Table3 | null, table4: Table4 | null): Check[] {
  const checks = table3 ? checkTable3(table3) : [];
  if (table4) for (const c of checkTable4(table4)) checks.push(c);
  return checks;
}

interface RowRule {
  label: string;
  id: string;
  rule: string;
}

/** A row's label and its row-total rule, spelled out once per row rather than once per report. */
const rowRules = new Map<string, Map<string, RowRule>>();
function rowRule(group: string, key: string, label: () => string): RowRule {
  let byKey = rowRules.get(group);
  if (!byKey) rowRules.set(group, (byKey = new Map()));
  let r = byKey.get(key);
  if (!r) {
    const path = group ? `${group}.${key}` : key;
    const l = label();
    byKey.set(key, (r = { label: l, id: `table3.rowTotal.${path}`, rule: `「${l}」行：总计 = 六类申请人之和` }));
  }
  return r;
}

const top = (path: string, label: string) => rowRule('', path, () => label);

function outcomeRows(t: Table3): { rule: RowRule; row: Row }[] {
  const out = [
    { rule: top('granted', '予以公开'), row: t.granted },
    { rule: top('partiallyGranted', '部分公开'), row: t.partiallyGranted },
  ];
  const group = (name: string, label: string, rows: Record<string, Row>) => {
    for (const k of Object.keys(rows)) out.push({ rule: rowRule(name, k, () => `${label}·${ROW_LABELS.get(`${name}.${k}`) ?? k}`), row: rows[k]! });
  };
  group('denied', '不予公开', t.denied);
  group('unableToProvide', '无法提供', t.unableToProvide);
  group('notProcessed', '不予处理', t.notProcessed);
  if (t.otherHandlingDetail) group('otherHandlingDetail', '其他处理', t.otherHandlingDetail);
  else out.push({ rule: top('otherHandling', '其他处理'), row: t.otherHandling });
  return out;
}

const BALANCE = APPLICANT_COLUMNS.map((col) => ({
  id: `table3.balance[${col}]`,
  rule: `「${col}」列：本年新收 + 上年结转 = 办理结果总计 + 结转下年度`,
}));
const BALANCE_TERMS = () => [['本年新收', '上年结转'], ['办理结果总计', '结转下年度']] as [string[], string[]];
const ROW_TOTAL_TERMS = () => [APPLICANT_COLUMNS.slice(0, 6), ['总计']] as [readonly string[], string[]];
const OUTCOME_TOTAL = APPLICANT_COLUMNS.map((col) => ({
  id: `table3.outcomeTotal[${col}]`,
  rule: `「${col}」列：办理结果总计 = 各项办理结果之和`,
}));

function checkTable3(t: Table3): Check[] {
  const checks: Check[] = [];
  const outcomes = outcomeRows(t);
  const rows = [{ rule: top('newReceived', '本年新收'), row: t.newReceived }, { rule: top('carriedOver', '上年结转'), row: t.carriedOver }];
  for (const o of outcomes) rows.push(o);
  rows.push({ rule: top('totalHandled', '办理结果总计'), row: t.totalHandled }, { rule: top('carriedForward', '结转下年度'), row: t.carriedForward });
  for (let c = 0; c < APPLICANT_COLUMNS.length; c++) {
    checks.push(
      equation(BALANCE[c]!.id, 'table3', BALANCE[c]!.rule, [t.newReceived[c]!, t.carriedOver[c]!, t.totalHandled[c]!, t.carriedForward[c]!], 2, BALANCE_TERMS),
    );
  }
  for (const { rule, row } of rows) checks.push(equation(rule.id, 'table3', rule.rule, row, 6, ROW_TOTAL_TERMS));
  const outcomeLabels = () => [outcomes.map((o) => o.rule.label), ['办理结果总计']] as [string[], string[]];
  for (let c = 0; c < APPLICANT_COLUMNS.length; c++) {
    const values: Value[] = new Array(outcomes.length + 1);
    for (let k = 0; k < outcomes.length; k++) values[k] = outcomes[k]!.row[c]!;
    values[outcomes.length] = t.totalHandled[c]!;
    checks.push(equation(OUTCOME_TOTAL[c]!.id, 'table3', OUTCOME_TOTAL[c]!.rule, values, outcomes.length, outcomeLabels));
  }
  return checks;
}

const BLOCK_LABELS = { review: '行政复议', litigationDirect: '未经复议直接起诉', litigationAfterReview: '复议后起诉' } as const;
const TABLE4_RULES = (Object.keys(BLOCK_LABELS) as (keyof typeof BLOCK_LABELS)[]).map((block) => ({
  block,
  id: `table4.${block}.total`,
  rule: `「${BLOCK_LABELS[block]}」：总计 = 结果维持 + 结果纠正 + 其他结果 + 尚未审结`,
}));
const TABLE4_TERMS = () => [['结果维持', '结果纠正', '其他结果', '尚未审结'], ['总计']] as [string[], string[]];

function checkTable4(t: Table4): Check[] {
  return TABLE4_RULES.map(({ block, id, rule }) => {
    const b = t[block];
    return equation(id, 'table4', rule, [b.upheld, b.corrected, b.other, b.pending, b.total], 4, TABLE4_TERMS);
  });
}

type Value = number | null;

/**
 * The left side's sum (expected) against the right side's (actual, as reported): the terms before
 * `split` and from it on. Term labels are only built for a rule that fails or cannot be checked:
 * the numbers of a rule that holds are in the table already, and listing them for ~40 passing
 * checks would be most of the record.
 */
function equation(id: string, table: Check['table'], rule: string, values: Value[], split: number, labels: () => [readonly string[], readonly string[]]): Check {
  const expected = sum(values, 0, split);
  const actual = sum(values, split, values.length);
  const known = expected !== null && actual !== null;
  const pass = known ? expected === actual : null;
  let terms: Check['terms'] = [];
  if (pass !== true) {
    const [l, r] = labels();
    terms = values.map((value, i) => ({ label: i < split ? l[i]! : r[i - split]!, value }));
  }
  return { id, table, rule, pass, expected, actual, difference: known ? round(actual - expected) : null, terms };
}

function sum(values: Value[], from: number, to: number): number | null {
  let s = 0;
  for (let i = from; i < to; i++) {
    const v = values[i]!;
    if (v === null) return null;
    s += v;
  }
  return round(s);
}

function round(x: number): number {
  return Math.round(x * 1e6) / 1e6;
}
