import type { Region, Report } from '../schema/report.ts';
import { OUTCOMES, type CheckStatus, type KeyFigures, type OutcomeKey } from '../schema/figures.ts';

export { OUTCOMES, type CheckStatus, type KeyFigures, type OutcomeKey } from '../schema/figures.ts';

export const STATUS_LABELS: Record<CheckStatus, string> = {
  pass: '全部通过',
  fail: '有不一致',
  incomplete: '无法核对',
  none: '无表格',
};

/** Warning codes for table cells that were blank or could not be read. */
export const CELL_CODES = new Set(['CELL_BLANK', 'CELL_UNREADABLE', 'CELL_AMBIGUOUS']);
/** Warning codes for tables or rows that are missing or of an unknown shape. */
export const STRUCTURE_CODES = new Set(['TABLE_MISSING', 'ROW_MISSING', 'TEMPLATE_UNKNOWN', 'TEMPLATE_MIXED', 'TRUNCATED']);

export function keyFigures(r: Report): KeyFigures {
  const t2 = r.table2;
  const procurement = t2 && 'procurement' in t2 ? t2.procurement.amountWan : null;
  const t4 = r.table4;
  const lawsuits = t4 ? sumKnown([t4.litigationDirect.total, t4.litigationAfterReview.total]) : null;
  return {
    slug: r.slug,
    agency: displayName(r),
    title: r.title,
    year: r.year,
    level: r.level,
    template: r.template,
    region: r.region,
    proactive: r.proactiveTotal ?? r.metrics.proactiveTotal?.value ?? null,
    requests: r.table3?.newReceived[6] ?? r.metrics.requestsReceived?.value ?? null,
    procurementWan: procurement,
    reviews: t4?.review.total ?? null,
    lawsuits,
    status: checkStatus(r),
    checksFailed: r.checks.filter((c) => c.pass === false).length,
    checksTotal: r.checks.length,
    badCells: r.warnings.filter((w) => CELL_CODES.has(w.code)).length,
    warnings: r.warnings.filter((w) => w.severity !== 'info').length,
    review: r.checks.some((c) => c.pass === false) || r.warnings.some((w) => CELL_CODES.has(w.code) || STRUCTURE_CODES.has(w.code)),
    file: r.file,
    outcomes: r.table3 ? outcomeTotals(r.table3) : null,
  };
}

function outcomeTotals(t: NonNullable<Report['table3']>): Record<OutcomeKey, number | null> {
  const total = (row: (number | null)[]) => row[6] ?? null;
  const group = (rows: Record<string, (number | null)[]>) => sumKnown(Object.values(rows).map(total));
  return {
    granted: total(t.granted),
    partiallyGranted: total(t.partiallyGranted),
    denied: group(t.denied),
    unableToProvide: group(t.unableToProvide),
    notProcessed: group(t.notProcessed),
    otherHandling: total(t.otherHandling),
    carriedForward: total(t.carriedForward),
  };
}

export function displayName(r: Pick<Report, 'agency' | 'title' | 'file'>): string {
  return r.agency ?? r.title ?? r.file.split('/').pop() ?? r.file;
}

export function checkStatus(r: Pick<Report, 'checks'>): CheckStatus {
  if (r.checks.length === 0) return 'none';
  if (r.checks.some((c) => c.pass === false)) return 'fail';
  if (r.checks.some((c) => c.pass === null)) return 'incomplete';
  return 'pass';
}

function sumKnown(values: (number | null)[]): number | null {
  const known = values.filter((v): v is number => v !== null);
  return known.length ? known.reduce((a, b) => a + b, 0) : null;
}

/** "河南省 商丘市 夏邑县", skipping levels that are unknown. */
export function regionName(region: Region, depth = 4): string {
  return [region.province, region.city, region.county, region.township].slice(0, depth).filter(Boolean).join(' ') || '地区未定';
}

/** The figures pages compare, chart and trend, with their zh-CN names and units. */
export const METRICS = [
  { key: 'proactive', label: '主动公开信息', unit: '条' },
  { key: 'requests', label: '新收公开申请', unit: '件' },
  { key: 'procurementWan', label: '政府集中采购金额', unit: '万元' },
  { key: 'reviews', label: '行政复议', unit: '件' },
  { key: 'lawsuits', label: '行政诉讼', unit: '件' },
] as const;
