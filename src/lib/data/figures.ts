import type { Level, Region, Report } from '../schema/report.ts';

export type CheckStatus = 'pass' | 'fail' | 'incomplete' | 'none';

export const STATUS_LABELS: Record<CheckStatus, string> = {
  pass: '全部通过',
  fail: '有不一致',
  incomplete: '无法核对',
  none: '无表格',
};

/** The handful of numbers every listing, chart and download uses: one small object per report. */
export interface KeyFigures {
  slug: string;
  agency: string;
  title: string | null;
  year: number | null;
  level: Level | null;
  template: Report['template'];
  region: Region;
  /** 主动公开 (条) */
  proactive: number | null;
  /** 本年新收申请 (件): table 3 总计, else the figure stated in the prose. */
  requests: number | null;
  /** 政府集中采购总金额 (万元); only the 2019 template has it. */
  procurementWan: number | null;
  /** 行政复议 总计 (件) */
  reviews: number | null;
  /** 行政诉讼 总计 (件), both kinds together. */
  lawsuits: number | null;
  status: CheckStatus;
  checksFailed: number;
  checksTotal: number;
  /** Cells that were blank or could not be read. */
  badCells: number;
  warnings: number;
  file: string;
  /** 表三 总计 column by outcome, for the corpus-wide "how requests were handled" chart. */
  outcomes: Record<OutcomeKey, number | null> | null;
}

export const OUTCOMES = [
  ['granted', '予以公开'],
  ['partiallyGranted', '部分公开'],
  ['denied', '不予公开'],
  ['unableToProvide', '无法提供'],
  ['notProcessed', '不予处理'],
  ['otherHandling', '其他处理'],
  ['carriedForward', '结转下年度继续办理'],
] as const;
export type OutcomeKey = (typeof OUTCOMES)[number][0];

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
    badCells: r.warnings.filter((w) => w.code === 'CELL_BLANK' || w.code === 'CELL_UNREADABLE' || w.code === 'CELL_AMBIGUOUS').length,
    warnings: r.warnings.filter((w) => w.severity !== 'info').length,
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
