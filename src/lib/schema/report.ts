import { z } from 'zod';
import { Table2v2019Schema, Table2v2021Schema, Table3Schema, Table4Schema } from './tables.ts';
import { WarningSchema } from './warning.ts';

export const LEVELS = ['province', 'city', 'county', 'township', 'department'] as const;
export const LevelSchema = z.enum(LEVELS);
export type Level = z.infer<typeof LevelSchema>;

export const TemplateSchema = z.enum(['2019', '2021']);
export type Template = z.infer<typeof TemplateSchema>;

/** Where the body sits, resolved against the national gazetteer (GB/T 2260 + township codes). */
export const RegionSchema = z.object({
  province: z.string().nullable(),
  city: z.string().nullable(),
  county: z.string().nullable(),
  township: z.string().nullable(),
  /** Administrative division code of the deepest level resolved (2, 4, 6 or 9 digits). */
  code: z.string().nullable(),
});
export type Region = z.infer<typeof RegionSchema>;

/** One of the six numbered sections of the template. */
export const SectionSchema = z.object({
  /** 1–6 */
  number: z.number().int().min(1).max(6),
  /** The heading as written, e.g. 五、存在的主要问题及改进情况 */
  title: z.string(),
  /** Cleaned prose: hard wraps rejoined, artefacts removed, paragraphs separated by a blank line. Original script. */
  text: z.string(),
  /** 1-based line of the heading in the source text. */
  line: z.number().int(),
});
export type Section = z.infer<typeof SectionSchema>;

/** A headline figure stated in the prose, with the sentence that states it. */
export const MetricSchema = z.object({
  value: z.number(),
  unit: z.string(),
  sentence: z.string(),
  line: z.number().int(),
});
export type Metric = z.infer<typeof MetricSchema>;

export const MetricsSchema = z.object({
  /** 主动公开政府信息 (条): the headline count of proactively disclosed items. */
  proactiveTotal: MetricSchema.nullable(),
  /** 收到/受理政府信息公开申请 (件) as stated in the prose. */
  requestsReceived: MetricSchema.nullable(),
});
export type Metrics = z.infer<typeof MetricsSchema>;

/** One consistency rule (勾稽关系) of the template, evaluated. */
export const CheckSchema = z.object({
  /** Stable id, e.g. `table3.balance.总计`. */
  id: z.string(),
  table: z.enum(['table2', 'table3', 'table4']),
  /** The rule in words (zh-CN). */
  rule: z.string(),
  /** true/false, or null when a term could not be read. */
  pass: z.boolean().nullable(),
  /** Left and right side of the equation. */
  expected: z.number().nullable(),
  actual: z.number().nullable(),
  /** actual − expected, when both are known. */
  difference: z.number().nullable(),
  /** Every term of the equation, for a rule that fails or cannot be checked; empty when it holds. */
  terms: z.array(z.object({ label: z.string(), value: z.number().nullable() })),
});
export type Check = z.infer<typeof CheckSchema>;

export const SourceSchema = z.object({
  /** Encoding the bytes were decoded from. */
  encoding: z.enum(['utf-8', 'utf-16le', 'utf-16be', 'gb18030', 'big5', 'unknown']),
  bytes: z.number().int(),
  /** FNV-1a 64-bit hash of the decoded text, hex: identifies duplicate files. */
  hash: z.string(),
  /** Script the report is written in. */
  script: z.enum(['simplified', 'traditional']),
  /** How the tables were laid out in the text. */
  layout: z.enum(['cell-per-line', 'tab', 'space', 'pipe', 'mixed', 'none']),
});

export const ReportSchema = z.object({
  /** The input path as given. */
  file: z.string(),
  /** The reporting body as named in the title, in simplified characters. */
  agency: z.string().nullable(),
  /** The year reported on. */
  year: z.number().int().nullable(),
  template: TemplateSchema.nullable(),
  /** Headline proactive-disclosure count from the prose (= metrics.proactiveTotal.value). */
  proactiveTotal: z.number().nullable(),
  /** The report's title as written. */
  title: z.string().nullable(),
  level: LevelSchema.nullable(),
  region: RegionSchema,
  /** Stable URL-safe id, unique across a corpus: pinyin of region + body + year. */
  slug: z.string(),
  table2: z.union([Table2v2019Schema, Table2v2021Schema]).nullable(),
  table3: Table3Schema.nullable(),
  table4: Table4Schema.nullable(),
  sections: z.array(SectionSchema),
  metrics: MetricsSchema,
  checks: z.array(CheckSchema),
  warnings: z.array(WarningSchema),
  source: SourceSchema,
  /** The decoded source text, verbatim (original script), for display beside the figures. */
  text: z.string(),
});
export type Report = z.infer<typeof ReportSchema>;
