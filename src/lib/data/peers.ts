import { METRICS, type KeyFigures } from './figures.ts';

// Rankings cover the three figures every template level reports in quantity.
export const PEER_METRICS = METRICS.filter((m) => m.key === 'proactive' || m.key === 'requests' || m.key === 'procurementWan') as unknown as readonly Extract<(typeof METRICS)[number], { key: 'proactive' | 'requests' | 'procurementWan' }>[];
export type PeerMetric = (typeof PEER_METRICS)[number]['key'];

export interface Rank {
  /** 1 = largest value in the group. Ties share a rank. */
  rank: number;
  /** Reports in the group with a known value. */
  of: number;
}

/**
 * Ranks by metric within (level, year) groups. Each group's values are sorted once, so ranking
 * every report costs O(n log n) overall instead of comparing each report with all its peers.
 */
export class PeerIndex {
  private sorted = new Map<string, Float64Array>();
  private local = new Map<string, KeyFigures[]>();
  private byLevel = new Map<string, KeyFigures[]>();

  constructor(reports: KeyFigures[]) {
    const values = new Map<string, number[]>();
    for (const r of reports) {
      for (const { key } of PEER_METRICS) {
        const v = r[key];
        if (v === null) continue;
        const k = `${key}|${levelGroup(r)}`;
        const list = values.get(k);
        if (list) list.push(v);
        else values.set(k, [v]);
      }
      const lg = this.byLevel.get(levelGroup(r));
      if (lg) lg.push(r);
      else this.byLevel.set(levelGroup(r), [r]);
      for (const scope of localScopes(r)) {
        const list = this.local.get(scope);
        if (list) list.push(r);
        else this.local.set(scope, [r]);
      }
    }
    for (const [k, list] of values) this.sorted.set(k, Float64Array.from(list).sort().reverse());
  }

  /** Where the report stands among reports of the same level and year. */
  rank(r: KeyFigures, metric: PeerMetric): Rank | null {
    const v = r[metric];
    if (v === null) return null;
    const sorted = this.sorted.get(`${metric}|${levelGroup(r)}`);
    if (!sorted) return null;
    // Descending array: count the values strictly greater than v.
    let lo = 0, hi = sorted.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (sorted[mid]! > v) lo = mid + 1;
      else hi = mid;
    }
    return { rank: lo + 1, of: sorted.length };
  }

  /**
   * The nearest place with other reports of the same year and level: the county, else the city,
   * else the province. Returns its name and the reports (including r).
   */
  neighbours(r: KeyFigures): { scope: string; reports: KeyFigures[] } | null {
    for (const scope of localScopes(r)) {
      const list = this.local.get(scope);
      if (list && list.length > 1) return { scope: scope.split('|').slice(2).filter(Boolean).pop()!, reports: list };
    }
    return null;
  }

  /** All reports of the same level and year (including r). */
  sameLevel(r: KeyFigures): KeyFigures[] {
    return this.byLevel.get(levelGroup(r)) ?? [r];
  }
}

function levelGroup(r: KeyFigures): string {
  return `${r.level ?? '-'}|${r.year ?? '-'}`;
}

// Neighbours share year and level too: a county government's totals would dwarf its townships'.
function localScopes(r: KeyFigures): string[] {
  const g = r.region;
  const y = `${r.year ?? '-'}/${r.level ?? '-'}`;
  const out: string[] = [];
  if (g.county) out.push(`${y}|c|${g.province}|${g.city}|${g.county}`);
  if (g.city) out.push(`${y}|m|${g.province}|${g.city}`);
  if (g.province) out.push(`${y}|p|${g.province}`);
  return out;
}

/**
 * A group's reports with a known value, largest first. Memoised per group array: every page of
 * the group asks for the same order, and sorting per page would make the build quadratic.
 */
const orders = new WeakMap<KeyFigures[], Map<PeerMetric, KeyFigures[]>>();
export function ranked(reports: KeyFigures[], metric: PeerMetric): KeyFigures[] {
  let byMetric = orders.get(reports);
  if (!byMetric) orders.set(reports, (byMetric = new Map()));
  let list = byMetric.get(metric);
  if (!list) {
    list = reports.filter((r) => r[metric] !== null);
    list.sort((a, b) => (b[metric] as number) - (a[metric] as number) || collator.compare(a.agency, b.agency));
    byMetric.set(metric, list);
  }
  return list;
}
const collator = new Intl.Collator('zh-CN');

/**
 * The bars of a "this body among its neighbours" chart: the largest `limit` values, with the
 * report itself always present so a reader can find it.
 */
export function topWith(reports: KeyFigures[], metric: PeerMetric, self: KeyFigures, limit = 10): KeyFigures[] {
  const top = ranked(reports, metric).slice(0, limit);
  if (self[metric] !== null && !top.includes(self)) top[top.length - 1] = self;
  return top;
}
