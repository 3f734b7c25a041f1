import type { KeyFigures } from './figures.ts';
import { uniqueSlugs } from '../parse/slug.ts';

/** One reporting body across years. */
export interface Body {
  id: string;
  agency: string;
  /** Reports, oldest year first. */
  reports: KeyFigures[];
}

/** Same name in the same place is the same body; the same name elsewhere (e.g. 城关镇) is not. */
export function bodyKey(r: Pick<KeyFigures, 'agency' | 'region'>): string {
  const g = r.region;
  return [g.province, g.city, g.county, g.township, r.agency].join('|');
}

/** Groups reports by body. The id is the newest report's slug without its year. */
export function groupBodies(reports: KeyFigures[]): Body[] {
  const groups = new Map<string, KeyFigures[]>();
  for (const r of reports) {
    const key = bodyKey(r);
    const list = groups.get(key);
    if (list) list.push(r);
    else groups.set(key, [r]);
  }
  const lists = [...groups.values()];
  for (const list of lists) list.sort((a, b) => (a.year ?? 0) - (b.year ?? 0));
  const newest = lists.map((list) => list[list.length - 1]!);
  const ids = uniqueSlugs(newest.map((r) => stripYear(r.slug, r.year)));
  return lists.map((list, i) => ({ id: ids[i]!, agency: newest[i]!.agency, reports: list }));
}

function stripYear(slug: string, year: number | null): string {
  if (year === null) return slug;
  const stripped = slug.replace(new RegExp(`-?${year}(?=$|-)`), '').replace(/^-|-$/g, '');
  return stripped || slug;
}
