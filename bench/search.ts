#!/usr/bin/env node
// npm run bench:search -- [--dist tmp/bench-build/10000/dist] [QUERY…]
// Serves a built site and searches it in headless Chromium (Debian's chromium), each query in a
// fresh browser context (nothing cached), the way a reader's first search goes:
//   - typed:     the search page has loaded (and with it the index's entry, metadata and
//                WebAssembly); from typing the query to the first result shown, including the
//                page's 60 ms pause for typing;
//   - from link: opening search/?q=… cold, from navigation to the first result;
//   - KB:        everything fetched from /pagefind/ for page and query (Pagefind's script and
//                worker, WebAssembly, each shard's entry and metadata, index chunks, the shown
//                results' fragments), the part of it that is index data (not .js), and the rest of
//                the page (HTML, CSS, the site's script).
// Figures go to stdout and bench/out/search.json.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { chromium, type Page } from 'playwright-core';
import { serve } from '../tests/e2e/support/server.ts';

const args = process.argv.slice(2);
const root = resolve(import.meta.dirname, '..');
const dist = resolve(args.includes('--dist') ? args[args.indexOf('--dist') + 1]! : join(root, 'tmp', 'bench-build', '10000', 'dist'));
const given = args.filter((a, i) => !a.startsWith('--') && args[i - 1] !== '--dist');
// The index holds titles and prose, not the tables (src/lib/data/search.ts), and the generated
// corpus words its prose alike in every report: these queries find from a handful of reports to
// nearly all of them (words only the tables hold, like 行政复议, find none there and would time nothing).
const queries = given.length ? given : ['复盛镇', '城关镇', '街道办事处', '人民政府', '保密审查', '政务新媒体', '政府信息公开', '依申请公开'];

const server = await serve(dist, '/');
const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: ['--no-sandbox', '--disable-dev-shm-usage', '--disable-gpu'] });
const rows: Record<string, unknown>[] = [];
for (const q of queries) {
  // A reader on the search page: it loads (and starts loading the index), then they type.
  const typed = await measure(async (page) => {
    await page.goto(`${server.origin}/search/`);
    await page.locator('#search[data-ready]').waitFor({ timeout: 60_000 });
    const t = (await page.evaluate((query) => {
      const input = document.getElementById('q') as HTMLInputElement;
      input.value = query;
      const start = performance.now();
      input.dispatchEvent(new Event('input', { bubbles: true }));
      return start;
    }, q)) as number;
    return (await page.evaluate('window.firstResult')) as number - t;
  });
  // A reader following a link to search/?q=…: everything from navigation on.
  const linked = await measure(async (page) => {
    await page.goto(`${server.origin}/search/?q=${encodeURIComponent(q)}`);
    return (await page.evaluate('window.firstResult')) as number;
  });
  const row = { query: q, results: typed.results, typedMs: Math.round(typed.ms), typedKB: typed.kb, typedIndexKB: typed.indexKb, linkMs: Math.round(linked.ms), linkKB: linked.kb, pageKB: linked.pageKb };
  rows.push(row);
  console.log(`${q.padEnd(8, '　')} ${String(typed.results).padStart(6)} results   typed ${String(row.typedMs).padStart(5)} ms ${typed.kb.toFixed(0).padStart(4)} KB (index ${typed.indexKb.toFixed(0)} KB)   from link ${String(row.linkMs).padStart(5)} ms ${linked.kb.toFixed(0).padStart(4)} KB + page ${linked.pageKb.toFixed(0)} KB`);
}
await browser.close();
await server.close();
const median = (k: string) => {
  const v = rows.map((r) => r[k] as number).sort((a, b) => a - b);
  return v[Math.floor(v.length / 2)];
};
if (rows.some((r) => r.results === 0)) console.log(`note: ${rows.filter((r) => r.results === 0).map((r) => r.query).join('、')} found nothing; a query without results is fast and says little`);
console.log(`median: typed ${median('typedMs')} ms, ${median('typedKB')?.toFixed(0)} KB (index ${median('typedIndexKB')?.toFixed(0)} KB); from link ${median('linkMs')} ms, ${median('linkKB')?.toFixed(0)} KB + page ${median('pageKB')?.toFixed(0)} KB`);
mkdirSync(join(root, 'bench', 'out'), { recursive: true });
writeFileSync(join(root, 'bench', 'out', 'search.json'), JSON.stringify({ dist, rows }, null, 1));

/**
 * Runs a query in a fresh context, timing in the page (performance.now() when the first result or
 * the no-result message appears) and counting the bytes of every response as sent (gzip where the
 * server compresses, as GitHub Pages does): /pagefind/ (its scripts and the index) and the rest.
 */
async function measure(fn: (page: Page) => Promise<number>): Promise<{ ms: number; kb: number; indexKb: number; pageKb: number; results: number }> {
  const context = await browser.newContext({ locale: 'zh-CN' });
  await context.addInitScript(() => {
    (window as unknown as { firstResult: Promise<number> }).firstResult = new Promise((resolve) => {
      new MutationObserver((_, observer) => {
        const shown = document.getElementById('search-results')?.children.length || /未找到/.test(document.getElementById('search-status')?.textContent ?? '');
        if (!shown) return;
        observer.disconnect();
        resolve(performance.now());
      }).observe(document, { subtree: true, childList: true, characterData: true });
    });
  });
  const page = await context.newPage();
  const sizes: { path: string; bytes: number }[] = [];
  page.on('requestfinished', async (req) => {
    const path = new URL(req.url()).pathname;
    const bytes = (await req.sizes()).responseBodySize;
    sizes.push({ path, bytes });
    if (process.env.VERBOSE) console.log('   ', bytes, path);
  });
  const ms = await fn(page);
  await page.waitForLoadState('networkidle');
  const status = (await page.locator('#search-status').textContent()) ?? '';
  const results = Number(/找到 ([\d,]+) 份/.exec(status)?.[1]?.replace(/,/g, '') ?? 0);
  await context.close();
  const kb = (list: typeof sizes) => list.reduce((s, x) => s + x.bytes, 0) / 1024;
  const pagefind = sizes.filter((x) => x.path.startsWith('/pagefind/'));
  const index = pagefind.filter((x) => !/\.(js|css)$/.test(x.path));
  return { ms, kb: kb(pagefind), indexKb: kb(index), pageKb: kb(sizes.filter((x) => !x.path.startsWith('/pagefind/'))), results };
}
