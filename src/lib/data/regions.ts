import type { KeyFigures } from './figures.ts';
import { placeSlug } from '../parse/slug.ts';

export const REGION_DEPTHS = ['province', 'city', 'county', 'township'] as const;
export type RegionDepth = (typeof REGION_DEPTHS)[number];
export const DEPTH_LABELS: Record<RegionDepth, string> = { province: '省', city: '市', county: '县（区）', township: '乡镇（街道）' };

/** A place with everything reported at or below it. */
export interface RegionNode {
  /** URL path below /regions/, e.g. `henan/shangqiu/xiayi`. */
  id: string;
  name: string;
  depth: RegionDepth;
  /** Ancestors, outermost first. */
  trail: { id: string; name: string }[];
  children: RegionNode[];
  /** Reports whose body sits exactly here (e.g. the county government for a county). */
  own: KeyFigures[];
  /** Every report at or below this place. */
  all: KeyFigures[];
}

export const UNRESOLVED = '地区未定';

/**
 * Builds the province → city → county → township tree once. Reports whose region could not be
 * resolved hang under one "地区未定" province so that nothing silently disappears.
 */
export function buildRegionTree(reports: KeyFigures[]): RegionNode[] {
  const roots = new Map<string, RegionNode>();
  const byPath = new Map<string, RegionNode>();
  for (const r of reports) {
    const names = REGION_DEPTHS.map((d) => r.region[d]);
    if (!names[0]) names[0] = UNRESOLVED;
    let parent: RegionNode | undefined;
    for (const [i, name] of names.entries()) {
      if (!name) break;
      const key = (parent ? parent.id + '/' : '') + name;
      let node = byPath.get(key);
      if (!node) {
        const siblings = parent ? parent.children : [...roots.values()];
        node = {
          id: (parent ? parent.id + '/' : '') + uniqueSegment(name, siblings),
          name,
          depth: REGION_DEPTHS[i]!,
          trail: parent ? [...parent.trail, { id: parent.id, name: parent.name }] : [],
          children: [],
          own: [],
          all: [],
        };
        byPath.set(key, node);
        if (parent) parent.children.push(node);
        else roots.set(name, node);
      }
      node.all.push(r);
      parent = node;
    }
    parent!.own.push(r);
  }
  const sorted = [...roots.values()];
  sortTree(sorted);
  return sorted;
}

function uniqueSegment(name: string, siblings: RegionNode[]): string {
  const base = name === UNRESOLVED ? 'unresolved' : placeSlug(name);
  const taken = new Set(siblings.map((s) => s.id.split('/').pop()));
  let seg = base;
  for (let n = 2; taken.has(seg); n++) seg = `${base}-${n}`;
  return seg;
}

function sortTree(nodes: RegionNode[]): void {
  nodes.sort((a, b) => (a.name === UNRESOLVED ? 1 : b.name === UNRESOLVED ? -1 : a.name.localeCompare(b.name, 'zh-CN')));
  for (const n of nodes) sortTree(n.children);
}

export function flattenTree(nodes: RegionNode[]): RegionNode[] {
  return nodes.flatMap((n) => [n, ...flattenTree(n.children)]);
}

export interface Aggregate {
  reports: number;
  bodies: number;
  years: number[];
  proactive: number;
  requests: number;
  procurementWan: number;
  failing: number;
}

export function aggregate(reports: KeyFigures[]): Aggregate {
  const years = new Set<number>();
  const bodies = new Set<string>();
  let proactive = 0, requests = 0, procurementWan = 0, failing = 0;
  for (const r of reports) {
    if (r.year !== null) years.add(r.year);
    bodies.add(`${r.agency}|${r.region.county}|${r.region.city}`);
    proactive += r.proactive ?? 0;
    requests += r.requests ?? 0;
    procurementWan += r.procurementWan ?? 0;
    if (r.status === 'fail') failing++;
  }
  return { reports: reports.length, bodies: bodies.size, years: [...years].sort(), proactive, requests, procurementWan: Math.round(procurementWan * 100) / 100, failing };
}

/** Region breadcrumb of one report: the tree nodes from province down to where the body sits. */
export function regionTrail(r: KeyFigures, index: Map<string, RegionNode>): RegionNode[] {
  const out: RegionNode[] = [];
  const names = REGION_DEPTHS.map((d) => r.region[d]);
  if (!names[0]) names[0] = UNRESOLVED;
  let key = '';
  for (const name of names) {
    if (!name) break;
    key = key ? `${key}/${name}` : name;
    const node = index.get(key);
    if (node) out.push(node);
  }
  return out;
}

/** Lookup by the chain of names ("河南省/商丘市/夏邑县"), for breadcrumbs. */
export function indexByNames(roots: RegionNode[]): Map<string, RegionNode> {
  const map = new Map<string, RegionNode>();
  for (const n of flattenTree(roots)) map.set([...n.trail.map((t) => t.name), n.name].join('/'), n);
  return map;
}
