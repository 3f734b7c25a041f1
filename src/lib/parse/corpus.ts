import type { Report } from '../schema/report.ts';
import { uniqueSlugs } from './slug.ts';

/**
 * What only a whole corpus can tell: files with identical content (flagged, never dropped) and
 * slugs made unique in input order, so every record gets its own page.
 */
export function finishCorpus(records: Report[]): Report[] {
  const first = new Map<string, string>();
  for (const r of records) {
    const seen = first.get(r.source.hash);
    if (seen === undefined) first.set(r.source.hash, r.file);
    else if (r.text.trim()) {
      r.warnings.push({ code: 'DUPLICATE_FILE', severity: 'warning', message: `与 ${seen} 内容完全相同。`, raw: seen });
    }
  }
  const slugs = uniqueSlugs(records.map((r) => r.slug));
  records.forEach((r, i) => (r.slug = slugs[i]!));
  return records;
}
