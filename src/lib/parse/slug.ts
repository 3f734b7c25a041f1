import type { Region } from '../schema/report.ts';

/** CONTRACT STUB — implemented by the region work package. */
export function slugFor(input: { agency: string | null; region: Region; year: number | null }): string {
  return `${input.region.code ?? 'unknown'}-${input.year ?? 'unknown'}`;
}

/** Makes slugs unique across a corpus, in input order: later duplicates get -2, -3, … */
export function uniqueSlugs(slugs: string[]): string[] {
  const seen = new Map<string, number>();
  return slugs.map((s) => {
    const n = (seen.get(s) ?? 0) + 1;
    seen.set(s, n);
    return n === 1 ? s : `${s}-${n}`;
  });
}
