import type { Report } from '../schema/report.ts';

export interface IngestSummary {
  /** Files found under the raw folder. */
  files: number;
  /** Records that became report pages. */
  reports: number;
  /** Files that are not reports at all (empty, binary, foreign) or could not be read, with the reason. */
  rejected: { file: string; reason: string; codes: string[] }[];
  /** Reports with at least one failed consistency check. */
  failedChecks: number;
  /** Reports with at least one warning of severity warning or error. */
  withWarnings: number;
  /** Count of each warning code over all reports. */
  warningCounts: Record<string, number>;
  /** Warnings of severity error over all records. */
  errors: number;
}

const REJECT = new Set(['EMPTY_FILE', 'BINARY_FILE', 'NOT_A_REPORT']);

export function failsChecks(record: Pick<Report, 'checks'>): boolean {
  return record.checks.some((c) => c.pass === false);
}

/** What the ingest tells its user at the end, and what the data-quality page lists. */
export function summarise(
  records: Report[],
  unreadable: { file: string; reason: string }[],
  files: number,
  fails: (r: Report) => boolean = failsChecks,
): IngestSummary {
  const rejected = [
    ...unreadable.map((u) => ({ ...u, codes: ['UNREADABLE'] })),
    ...records
      .filter((r) => r.warnings.some((w) => REJECT.has(w.code)))
      .map((r) => {
        const w = r.warnings.filter((x) => REJECT.has(x.code));
        return { file: r.file, reason: w.map((x) => x.message).join(' '), codes: w.map((x) => x.code) };
      }),
  ];
  const reports = records.filter((r) => !r.warnings.some((w) => REJECT.has(w.code)));
  const warningCounts: Record<string, number> = {};
  for (const r of records) for (const w of r.warnings) warningCounts[w.code] = (warningCounts[w.code] ?? 0) + 1;
  return {
    files,
    reports: reports.length,
    rejected,
    failedChecks: reports.filter(fails).length,
    withWarnings: reports.filter((r) => r.warnings.some((w) => w.severity !== 'info')).length,
    warningCounts,
    errors: records.reduce((n, r) => n + r.warnings.filter((w) => w.severity === 'error').length, 0),
  };
}
