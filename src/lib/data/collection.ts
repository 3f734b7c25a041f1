import { getCollection, type CollectionEntry } from 'astro:content';
import type { Report } from '../schema/report.ts';
import { buildCorpus, type Corpus } from './corpus.ts';
import { readRecord } from './reports-loader.ts';

// Memoised per build: every page reads the same indexes instead of re-deriving them
// (getCollection on each of 10,000 pages would make the build quadratic).
let corpus: Promise<Corpus> | undefined;
let digests: Promise<Map<string, string>> | undefined;

function entries(): Promise<CollectionEntry<'reports'>[]> {
  return getCollection('reports');
}

export function loadCorpus(): Promise<Corpus> {
  corpus ??= entries().then((es) => buildCorpus(es.map((e) => e.data)));
  return corpus;
}

/** Content digest of each report's record: what an incremental build keys a report page on. */
export function loadDigests(): Promise<Map<string, string>> {
  digests ??= entries().then((es) => new Map(es.map((e) => [e.id, String(e.digest)])));
  return digests;
}

/** The full record, read when its own page (or the data-quality page) renders. */
export function loadReport(slug: string): Promise<Report> {
  return readRecord(slug);
}

export async function loadRejected() {
  return (await getCollection('ingest'))[0]?.data.rejected ?? [];
}
