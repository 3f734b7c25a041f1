import type { APIRoute } from 'astro';
import { loadCorpus } from '../../lib/data/collection.ts';
import { reportRows, reportsCsv } from '../../lib/data/downloads.ts';
import { url } from '../../lib/data/urls.ts';

export const GET: APIRoute = async ({ site }) => {
  const rows = reportRows((await loadCorpus()).figures, (slug) => new URL(url.report(slug), site).href);
  return new Response(reportsCsv(rows), { headers: { 'Content-Type': 'text/csv; charset=utf-8' } });
};
