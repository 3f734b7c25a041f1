import { groupBodies, bodyKey, type Body } from './bodies.ts';
import type { KeyFigures } from './figures.ts';
import { PeerIndex } from './peers.ts';
import { buildRegionTree, flattenTree, indexByNames, type RegionNode } from './regions.ts';

/** Every index the pages need, computed once per build from the reports' key figures. */
export interface Corpus {
  /** Key figures of every report, sorted by region, body, year. */
  figures: KeyFigures[];
  bySlug: Map<string, KeyFigures>;
  bodies: Body[];
  bodyOf: Map<string, Body>;
  bodyById: Map<string, Body>;
  regions: RegionNode[];
  regionList: RegionNode[];
  regionByNames: Map<string, RegionNode>;
  regionById: Map<string, RegionNode>;
  peers: PeerIndex;
  years: number[];
}

export function buildCorpus(reports: KeyFigures[]): Corpus {
  const figures = [...reports].sort(compareFigures);
  const bodies = groupBodies(figures);
  const byKey = new Map(bodies.map((b) => [bodyKey(b.reports[0]!), b]));
  const regions = buildRegionTree(figures);
  const regionList = flattenTree(regions);
  return {
    figures,
    bySlug: new Map(figures.map((f) => [f.slug, f])),
    bodies,
    bodyOf: new Map(figures.map((f) => [f.slug, byKey.get(bodyKey(f))!])),
    bodyById: new Map(bodies.map((b) => [b.id, b])),
    regions,
    regionList,
    regionByNames: indexByNames(regions),
    regionById: new Map(regionList.map((n) => [n.id, n])),
    peers: new PeerIndex(figures),
    years: [...new Set(figures.map((f) => f.year).filter((y): y is number => y !== null))].sort(),
  };
}

const collator = new Intl.Collator('zh-CN');
function compareFigures(a: KeyFigures, b: KeyFigures): number {
  const ra = [a.region.province, a.region.city, a.region.county, a.region.township, a.agency];
  const rb = [b.region.province, b.region.city, b.region.county, b.region.township, b.agency];
  for (let i = 0; i < ra.length; i++) {
    const c = collator.compare(ra[i] ?? '', rb[i] ?? '');
    if (c) return c;
  }
  return (a.year ?? 0) - (b.year ?? 0);
}
