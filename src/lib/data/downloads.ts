import type { Report } from '../schema/report.ts';
import type { KeyFigures } from './figures.ts';
import { STATUS_LABELS } from './figures.ts';
import { levelLabel } from './format.ts';
import { table2Blocks, table3Rows, table4Cells, TABLE4_BLOCKS, OUTCOME_LABELS } from './template-tables.ts';

/** Excel only detects UTF-8 (and so shows Chinese correctly) when the file starts with a BOM. */
export const BOM = '\uFEFF';

export function toCsv(rows: (string | number | null)[][]): string {
  return BOM + rows.map((r) => r.map(csvField).join(',')).join('\r\n') + '\r\n';
}

function csvField(v: string | number | null): string {
  if (v === null) return '';
  // Most fields are numbers: nothing to quote (and a tables.csv is 260 fields per report).
  if (typeof v === 'number') return String(v);
  return NEEDS_QUOTES.test(v) ? `"${v.replace(/"/g, '""')}"` : v;
}
const NEEDS_QUOTES = /[",\r\n]/;

/** One row per report, as in /data/reports.json. */
export interface ReportRow {
  slug: string;
  agency: string;
  province: string | null;
  city: string | null;
  county: string | null;
  township: string | null;
  level: string | null;
  year: number | null;
  template: string | null;
  proactiveTotal: number | null;
  requestsReceived: number | null;
  procurementWan: number | null;
  reviews: number | null;
  lawsuits: number | null;
  checkStatus: string;
  checksFailed: number;
  badCells: number;
  url: string;
  file: string;
}

export function reportRows(figures: KeyFigures[], pageUrl: (slug: string) => string): ReportRow[] {
  return figures.map((f) => ({
    slug: f.slug,
    agency: f.agency,
    province: f.region.province,
    city: f.region.city,
    county: f.region.county,
    township: f.region.township,
    level: f.level,
    year: f.year,
    template: f.template,
    proactiveTotal: f.proactive,
    requestsReceived: f.requests,
    procurementWan: f.procurementWan,
    reviews: f.reviews,
    lawsuits: f.lawsuits,
    checkStatus: f.status,
    checksFailed: f.checksFailed,
    badCells: f.badCells,
    url: pageUrl(f.slug),
    file: f.file,
  }));
}

export const CSV_HEADER = ['slug', '机关', '省', '市', '县', '乡镇', '层级', '年度', '模板', '主动公开（条）', '收到申请（件）', '政府集中采购（万元）', '行政复议（件）', '行政诉讼（件）', '勾稽检查', '不一致项数', '问题单元格数', '报告页', '源文件'];

export function reportsCsv(rows: ReportRow[]): string {
  return toCsv([
    CSV_HEADER,
    ...rows.map((r) => [
      r.slug, r.agency, r.province, r.city, r.county, r.township, r.level ? levelLabel(r.level as never) : null, r.year, r.template,
      r.proactiveTotal, r.requestsReceived, r.procurementWan, r.reviews, r.lawsuits,
      STATUS_LABELS[r.checkStatus as keyof typeof STATUS_LABELS], r.checksFailed, r.badCells, r.url, r.file,
    ]),
  ]);
}

const APPLICANTS = ['自然人', '商业企业', '科研机构', '社会公益组织', '法律服务机构', '其他', '总计'];

/** Every cell of the three tables in long form (表, 行, 列, 字段, 值): easy to filter and pivot. */
export function tablesCsv(r: Report): string {
  const rows: (string | number | null)[][] = [['表', '行', '列', '字段', '值']];
  for (const b of table2Blocks(r) ?? [])
    for (const row of b.rows) row.cells.forEach((c, i) => rows.push(['表二', row.label, b.columns[i]!, c.path, c.value]));
  for (const row of table3Rows(r) ?? []) row.cells.forEach((c, i) => rows.push(['表三', row.label, APPLICANTS[i]!, c.path, c.value]));
  (table4Cells(r) ?? []).forEach((c, i) =>
    rows.push(['表四', TABLE4_BLOCKS[Math.floor(i / 5)]![1], OUTCOME_LABELS[i % 5]!, c.path, c.value]),
  );
  return toCsv(rows);
}
