import type { Report } from '../schema/report.ts';
import type { Check } from '../schema/report.ts';
import type { Warning } from '../schema/warning.ts';
import { CELL_CODES, displayName, STRUCTURE_CODES } from './figures.ts';

export interface QualityEntry {
  slug: string;
  agency: string;
  year: number | null;
  file: string;
  failed: Check[];
  unreadable: Check[];
  cells: Warning[];
  structural: Warning[];
}

/** Reports whose tables don't add up, have unreadable cells or missing tables: what a reader must double-check. */
export function qualityEntries(reports: Iterable<Report>): QualityEntry[] {
  const out: QualityEntry[] = [];
  for (const r of reports) {
    const e: QualityEntry = {
      slug: r.slug,
      agency: displayName(r),
      year: r.year,
      file: r.file,
      failed: r.checks.filter((c) => c.pass === false),
      unreadable: r.checks.filter((c) => c.pass === null),
      cells: r.warnings.filter((w) => CELL_CODES.has(w.code)),
      structural: r.warnings.filter((w) => STRUCTURE_CODES.has(w.code)),
    };
    if (e.failed.length || e.cells.length || e.structural.length) out.push(e);
  }
  return out.sort((a, b) => b.failed.length - a.failed.length || b.cells.length - a.cells.length || a.agency.localeCompare(b.agency, 'zh-CN'));
}
