import type { APIRoute } from 'astro';
import { loadCorpus, loadReport } from '../../../lib/data/collection.ts';
import { tablesCsv } from '../../../lib/data/downloads.ts';

export async function getStaticPaths() {
  return (await loadCorpus()).figures.map((f) => ({ params: { slug: f.slug } }));
}

export const GET: APIRoute = async ({ params }) =>
  new Response(tablesCsv(await loadReport(params.slug!)), { headers: { 'Content-Type': 'text/csv; charset=utf-8' } });
