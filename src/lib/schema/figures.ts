import { z } from 'zod';
import { ReportSchema } from './report.ts';

// What the site keeps of every report in Astro's data store: the handful of numbers every listing,
// chart, ranking and download uses. A report page reads its full record from the ingest output
// instead, so the store (bundled into the build and held in memory by every page) stays ~1 KB per
// report rather than ~20 KB: at 10,000 reports that is the difference between a build that fits
// in 2 GB and one that does not.

export const CHECK_STATUSES = ['pass', 'fail', 'incomplete', 'none'] as const;
export const CheckStatusSchema = z.enum(CHECK_STATUSES);
export type CheckStatus = z.infer<typeof CheckStatusSchema>;

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

const count = z.number().nullable();

export const KeyFiguresSchema = ReportSchema.pick({ slug: true, title: true, year: true, level: true, template: true, region: true, file: true }).extend({
  /** The body's display name (agency, else title, else file name). */
  agency: z.string(),
  /** 主动公开 (条) */
  proactive: count,
  /** 本年新收申请 (件): table 3 总计, else the figure stated in the prose. */
  requests: count,
  /** 政府集中采购总金额 (万元); only the 2019 template has it. */
  procurementWan: count,
  /** 行政复议 总计 (件) */
  reviews: count,
  /** 行政诉讼 总计 (件), both kinds together. */
  lawsuits: count,
  status: CheckStatusSchema,
  checksFailed: z.number().int(),
  checksTotal: z.number().int(),
  /** Cells that were blank or could not be read. */
  badCells: z.number().int(),
  warnings: z.number().int(),
  /** Anything a reader must double-check before citing: failed checks, unreadable cells, missing tables. */
  review: z.boolean(),
  /** 表三 总计 column by outcome, for the corpus-wide "how requests were handled" chart. */
  outcomes: z.record(z.enum(OUTCOMES.map(([k]) => k) as [OutcomeKey, ...OutcomeKey[]]), count).nullable(),
});
export type KeyFigures = z.infer<typeof KeyFiguresSchema>;
