import type { Report } from '../schema/report.ts';
import type { BarDatum } from '../charts/bar.ts';
import type { Corpus } from './corpus.ts';
import type { KeyFigures } from './figures.ts';
import { levelLabel } from './format.ts';
import { PEER_METRICS, ranked, topWith, type Rank } from './peers.ts';
import { regionTrail, type RegionNode } from './regions.ts';
import { url } from './urls.ts';

export interface PeerChart {
  key: string;
  label: string;
  unit: string;
  value: number | null;
  /** Rank among all reports of the same level and year. */
  rank: Rank | null;
  rankScope: string;
  /** Name of the place the neighbours come from (county, city or province). */
  scope: string | null;
  neighbours: number;
  rows: BarDatum[];
}

export interface ReportView {
  figures: KeyFigures;
  trail: RegionNode[];
  bodyId: string | null;
  otherYears: KeyFigures[];
  peerCharts: PeerChart[];
  compareWith: string[];
}

/** Everything a report page shows from the build-wide indexes (the record itself is read separately). */
export function reportView(f: KeyFigures, corpus: Corpus): ReportView {
  const body = corpus.bodyOf.get(f.slug);
  const near = corpus.peers.neighbours(f);
  const peerCharts: PeerChart[] = [];
  for (const m of PEER_METRICS) {
    if (f[m.key] === null) continue;
    // No neighbours in the same place: show where the body stands among all bodies of its level.
    const group = near?.reports ?? corpus.peers.sameLevel(f);
    const rows = topWith(group, m.key, f, 10);
    peerCharts.push({
      key: m.key,
      label: m.label,
      unit: m.unit,
      value: f[m.key],
      rank: corpus.peers.rank(f, m.key),
      rankScope: `${f.year ?? ''}年度${levelLabel(f.level)}机关`,
      scope: near?.scope ?? null,
      neighbours: ranked(group, m.key).length,
      rows: rows.map((r) => ({ label: r.agency, value: r[m.key], highlight: r === f, href: url.report(r.slug) })),
    });
  }
  const compareWith = near ? topWith(near.reports, 'proactive', f, 4).map((r) => r.slug) : [f.slug];
  if (!compareWith.includes(f.slug)) compareWith.unshift(f.slug);
  return {
    figures: f,
    trail: regionTrail(f, corpus.regionByNames),
    bodyId: body && body.reports.length > 1 ? body.id : null,
    otherYears: body ? body.reports.filter((r) => r !== f) : [],
    peerCharts,
    compareWith: [f.slug, ...compareWith.filter((s) => s !== f.slug)].slice(0, 4),
  };
}

/** The sections worth a heading: 2–4 are usually just "见下表", shown only when they say more. */
export function proseSections(report: Report): Report['sections'] {
  return report.sections.filter((s) => s.text.trim() !== '' || ![2, 3, 4].includes(s.number));
}

/** A line a journalist can paste: who, what, which year, where to find it. */
export function citation(report: Report, f: KeyFigures, pageUrl: string): string {
  const title = report.title ?? `${f.agency}${f.year ?? ''}年政府信息公开工作年度报告`;
  return `${f.agency}：《${title}》，${f.year ?? '年份不详'}年度。数据整理：政府信息公开年报库，${pageUrl}（原始文件：${report.file}）。`;
}

/** The key figures as one indexed sentence, so searching 政府集中采购 or 行政复议 finds reports by their tables. */
export function figuresSentence(f: KeyFigures, fmt: (n: number | null) => string): string {
  const parts = [`主动公开政府信息 ${fmt(f.proactive)} 条`, `收到政府信息公开申请 ${fmt(f.requests)} 件`];
  if (f.template !== '2021') parts.push(`政府集中采购 ${fmt(f.procurementWan)} 万元`);
  parts.push(`行政复议 ${fmt(f.reviews)} 件`, `行政诉讼 ${fmt(f.lawsuits)} 件`);
  return parts.join('；') + '。';
}
