import { createHash } from 'node:crypto';
import type { Report } from '../schema/report.ts';
import type { Body } from './bodies.ts';
import type { Corpus } from './corpus.ts';
import type { RegionNode } from './regions.ts';
import { reportView } from './report-view.ts';

// Astro's incremental build reuses a page whose cache key is unchanged. A key must cover
// everything the page shows, including what other reports contribute (ranks, peers, totals).

/** A report page: its record and its view from the build-wide indexes. */
export function reportKey(report: Report, corpus: Corpus): string {
  return digest(report, reportView(report, corpus));
}

/** A body page: every year's key figures. */
export function bodyPageKey(body: Body): string {
  return digest(body);
}

/** A region page: every report at or below it and the places below it. */
export function regionKey(node: RegionNode): string {
  return digest(node.name, node.trail, node.all, node.children.map((c) => [c.id, c.name, c.all.length]));
}

function digest(...parts: unknown[]): string {
  const h = createHash('sha1');
  for (const p of parts) h.update(JSON.stringify(p));
  return h.digest('base64url');
}
