import type { APIRoute } from 'astro';
import { loadCorpus, loadReport } from '../../../lib/data/collection.ts';

export async function getStaticPaths() {
  return (await loadCorpus()).figures.map((f) => ({ params: { slug: f.slug } }));
}

export const GET: APIRoute = async ({ params }) =>
  new Response(JSON.stringify(await loadReport(params.slug!)), { headers: { 'Content-Type': 'application/json; charset=utf-8' } });
