import type { BarDatum } from '../charts/bar.ts';
import { decadeBuckets } from '../charts/buckets.ts';
import type { Corpus } from './corpus.ts';
import { OUTCOMES, type KeyFigures } from './figures.ts';
import { LEVEL_LABELS } from './format.ts';
import { aggregate, type Aggregate } from './regions.ts';
import { url } from './urls.ts';

export interface HomeStats {
  totals: Aggregate;
  provinces: { name: string; reports: number }[];
  levels: string;
  proactiveKnown: number;
  proactiveBuckets: BarDatum[];
  topProcurement: BarDatum[];
  topRequests: BarDatum[];
  outcomes: BarDatum[];
}

export function homeStats(corpus: Corpus, top = 10): HomeStats {
  const f = corpus.figures;
  const levelCounts = new Map<string, number>();
  for (const r of f) if (r.level) levelCounts.set(r.level, (levelCounts.get(r.level) ?? 0) + 1);
  const outcomeSums = OUTCOMES.map(([key, label]) => ({
    label,
    value: f.reduce((n, r) => n + (r.outcomes?.[key] ?? 0), 0),
  }));
  return {
    totals: aggregate(f),
    provinces: corpus.regions.map((n) => ({ name: n.name, reports: n.all.length })),
    levels: [...levelCounts].map(([l, n]) => `${LEVEL_LABELS[l as keyof typeof LEVEL_LABELS]} ${n}`).join('，'),
    proactiveKnown: f.filter((r) => r.proactive !== null).length,
    proactiveBuckets: decadeBuckets(f.map((r) => r.proactive), '条'),
    topProcurement: largest(f, 'procurementWan', top),
    topRequests: largest(f, 'requests', top),
    outcomes: outcomeSums,
  };
}

/** The `n` largest values, labelled with body and year, linking to the report. */
export function largest(f: KeyFigures[], key: 'procurementWan' | 'requests' | 'proactive', n: number): BarDatum[] {
  return f
    .filter((r) => (r[key] ?? 0) > 0)
    .sort((a, b) => (b[key] as number) - (a[key] as number))
    .slice(0, n)
    .map((r) => ({ label: `${r.agency}（${r.year ?? '?'}）`, value: r[key], href: url.report(r.slug) }));
}
