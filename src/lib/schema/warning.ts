import { z } from 'zod';

/**
 * Every problem the parser can report. Codes are stable identifiers that users filter on;
 * add new ones, never rename.
 */
export const WarningCode = z.enum([
  // The file itself
  'EMPTY_FILE', // nothing but whitespace
  'BINARY_FILE', // not text in any supported encoding
  'DECODED_GB18030', // bytes were GB18030/GBK, not UTF-8 (informational)
  'DECODED_BIG5', // bytes were Big5 (a traditional-script text), not UTF-8 (informational)
  'DECODED_UTF16', // bytes were UTF-16 without a byte order mark (informational)
  'DECODE_REPLACED', // some bytes could not be decoded and were replaced
  'NOT_A_REPORT', // no title, no template section headings and no tables
  'TRUNCATED', // the text ends inside or before the standard tables
  'DUPLICATE_FILE', // same content as another input file (set by ingest / the CLI)
  'TRADITIONAL_SCRIPT', // parsed through a traditional→simplified mapping (informational)
  'RADICALS_UNIFIED', // CJK radicals (from PDF extraction) read as the ideographs they stand for (informational)
  'SPACING_CLOSED', // lines with a space between every two Chinese characters read without them (informational)
  // Identity
  'AGENCY_MISSING',
  'YEAR_MISSING',
  'YEAR_AMBIGUOUS',
  'REGION_UNRESOLVED',
  'REGION_AMBIGUOUS',
  'REGION_PARTIAL', // a township body whose township the gazetteer does not know: region stops at the county
  // Structure
  'SECTION_MISSING',
  'TABLE_MISSING',
  'TEMPLATE_UNKNOWN',
  'TEMPLATE_MIXED',
  'ROW_MISSING',
  // Cells
  'CELL_BLANK', // the cell is present but empty
  'CELL_UNREADABLE', // the cell holds text that is not a number (e.g. 增)
  'CELL_AMBIGUOUS', // a row has more or fewer cells than the template and they cannot be placed
  'UNIT_CONVERTED', // an amount given in 元 was converted to 万元 (informational)
  'COLUMNS_REORDERED', // table 3 printed its 总计 column first; read in the template's order (informational)
  'COLUMNS_MISMATCHED', // a row printed under the other template's column headers; its cells are null
  // Prose
  'METRIC_MISSING', // a headline figure stated only approximately (3000余条): no value
  // Consistency
  'CHECK_FAILED',
  // Schema
  'SCHEMA_INVALID',
]);
export type WarningCode = z.infer<typeof WarningCode>;

export const Severity = z.enum(['info', 'warning', 'error']);
export type Severity = z.infer<typeof Severity>;

export const WarningSchema = z.object({
  code: WarningCode,
  severity: Severity,
  /** Human-readable explanation (zh-CN), naming the cell or section. */
  message: z.string(),
  /** Record path the warning is about, e.g. `table2.licensing.change`. */
  path: z.string().optional(),
  /** The raw text that was there, verbatim. */
  raw: z.string().optional(),
  /** 1-based line in the source text. */
  line: z.number().int().optional(),
});
export type Warning = z.infer<typeof WarningSchema>;
