import { getCollection, type CollectionEntry } from 'astro:content';
import type { Report } from '../schema/report.ts';
import { buildCorpus, type Corpus } from './corpus.ts';

// Memoised per build: every page reads the same indexes instead of re-deriving them
// (getCollection on each of 10,000 pages would make the build quadratic).
let corpus: Promise<Corpus> | undefined;
let records: Promise<Map<string, Report>> | undefined;

export function loadRecords(): Promise<Map<string, Report>> {
  records ??= getCollection('reports').then(
    (entries: CollectionEntry<'reports'>[]) => new Map(entries.map((e) => [e.data.slug, e.data as Report])),
  );
  return records;
}

export function loadCorpus(): Promise<Corpus> {
  corpus ??= loadRecords().then((m) => buildCorpus([...m.values()]));
  return corpus;
}

export async function loadReport(slug: string): Promise<Report> {
  const r = (await loadRecords()).get(slug);
  if (!r) throw new Error(`no report with slug ${slug}`);
  return r;
}

export async function loadRejected() {
  return (await getCollection('ingest'))[0]?.data.rejected ?? [];
}
