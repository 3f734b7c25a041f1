import { createHash } from 'node:crypto';
import type { Body } from './bodies.ts';
import type { Corpus } from './corpus.ts';
import type { KeyFigures } from './figures.ts';
import type { RegionNode } from './regions.ts';
import { reportView } from './report-view.ts';

// Astro's incremental build reuses a page whose cache key is unchanged. A key must cover
// everything the page shows, including what other reports contribute (ranks, peers, totals).
// Keys cost a hash of every page's inputs, so they are only computed when the build can use them;
// a region key hashes its reports' (memoised) digests rather than the reports themselves, or a
// province page would re-serialise thousands of records and the build would turn quadratic.

const enabled = process.env.ASTRO_INCREMENTAL !== '0';

/** A report page: its record (by the record file's content digest) and its view from the build-wide indexes. */
export function reportKey(f: KeyFigures, recordDigest: string, corpus: Corpus): string | undefined {
  if (!enabled) return undefined;
  // The trail's nodes carry every report below them; the page shows only their names.
  const view = reportView(f, corpus);
  return digest(recordDigest, { ...view, trail: view.trail.map((t) => [t.id, t.name]) });
}

/** A body page: every year's key figures. */
export function bodyPageKey(body: Body): string | undefined {
  return enabled ? digest(body) : undefined;
}

/** A region page: every report at or below it and the places below it. */
export function regionKey(node: RegionNode): string | undefined {
  if (!enabled) return undefined;
  return digest(node.id, node.trail.map((t) => [t.id, t.name]), node.all.map(figuresDigest), node.children.map((c) => [c.id, c.name, c.all.length]));
}

const figureDigests = new WeakMap<KeyFigures, string>();
function figuresDigest(f: KeyFigures): string {
  let d = figureDigests.get(f);
  if (d === undefined) figureDigests.set(f, (d = digest(f)));
  return d;
}

function digest(...parts: unknown[]): string {
  const h = createHash('sha1');
  for (const p of parts) h.update(JSON.stringify(p));
  return h.digest('base64url');
}
