#!/usr/bin/env node
// npm run bench:search -- [--dist tmp/bench-build/10000/dist] [QUERY…]
// Serves a built site and searches it in headless Chromium (Debian's chromium), each query in a
// fresh browser context (nothing cached), the way a reader's first search goes:
//   - ui ms:    from typing the query into the search page's box to the first result shown
//               (includes the Default UI's input debounce);
//   - api ms:   pagefind.search() + the first result's data, through every merged shard;
//   - KB:       everything fetched from /pagefind/ for the query (UI script and styles, WebAssembly,
//               each shard's entry and metadata, index chunks, fragments, filters), and the part
//               of it that is index data.
// Figures go to stdout and bench/out/search.json.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { chromium, type Page } from 'playwright-core';
import { serve } from '../tests/e2e/support/server.ts';

const args = process.argv.slice(2);
const root = resolve(import.meta.dirname, '..');
const dist = resolve(args.includes('--dist') ? args[args.indexOf('--dist') + 1]! : join(root, 'tmp', 'bench-build', '10000', 'dist'));
const given = args.filter((a, i) => !a.startsWith('--') && args[i - 1] !== '--dist');
const queries = given.length ? given : ['行政复议', '政府信息公开', '依申请公开', '政府集中采购', '信息公开指南', '不予公开', '街道办事处', '人民政府'];

const server = await serve(dist, '/');
const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: ['--no-sandbox', '--disable-dev-shm-usage', '--disable-gpu'] });
const rows: Record<string, unknown>[] = [];
for (const q of queries) {
  const ui = await measure(async (page) => {
    await page.goto(`${server.origin}/search/`);
    await page.locator('.pagefind-ui__search-input').waitFor();
    const t = await page.evaluate(() => performance.now());
    await page.locator('.pagefind-ui__search-input').fill(q);
    // The first result, or the UI's message when there is none.
    await page.locator('.pagefind-ui__result, .pagefind-ui__message:text-matches("未找到|No results")').first().waitFor({ timeout: 30_000 });
    return (await page.evaluate(() => performance.now())) - t;
  });
  const api = await measure(async (page) => {
    await page.goto(`${server.origin}/`);
    return page.evaluate(`(async () => {
      const t = performance.now();
      const pf = await import('/pagefind/pagefind.js');
      await pf.init();
      const html = new DOMParser().parseFromString(await (await fetch('/search/')).text(), 'text/html');
      for (const shard of JSON.parse(html.getElementById('search').dataset.shards)) await pf.mergeIndex(shard);
      const r = await pf.search(${JSON.stringify(`"${q}"`)});
      if (r.results.length) await r.results[0].data();
      window.resultCount = r.results.length;
      return performance.now() - t;
    })()`) as Promise<number>;
  });
  const row = { query: q, results: api.results, uiMs: Math.round(ui.ms), uiKB: ui.kb, uiIndexKB: ui.indexKb, apiMs: Math.round(api.ms), apiKB: api.kb };
  rows.push(row);
  console.log(`${q.padEnd(8, '　')} ${String(api.results).padStart(6)} results   ui ${String(row.uiMs).padStart(5)} ms ${ui.kb.toFixed(0).padStart(5)} KB (index ${ui.indexKb.toFixed(0)} KB)   api ${String(row.apiMs).padStart(5)} ms ${api.kb.toFixed(0).padStart(5)} KB`);
}
await browser.close();
await server.close();
const median = (k: string) => {
  const v = rows.map((r) => r[k] as number).sort((a, b) => a - b);
  return v[Math.floor(v.length / 2)];
};
console.log(`median: ui ${median('uiMs')} ms, ${median('uiKB')?.toFixed(0)} KB (index ${median('uiIndexKB')?.toFixed(0)} KB); api ${median('apiMs')} ms, ${median('apiKB')?.toFixed(0)} KB`);
mkdirSync(join(root, 'bench', 'out'), { recursive: true });
writeFileSync(join(root, 'bench', 'out', 'search.json'), JSON.stringify({ dist, rows }, null, 1));

/** Runs a query in a fresh context, counting the bytes of every /pagefind/ response. */
async function measure(fn: (page: Page) => Promise<number>): Promise<{ ms: number; kb: number; indexKb: number; results: number }> {
  const context = await browser.newContext({ locale: 'zh-CN' });
  const page = await context.newPage();
  const sizes: { url: string; bytes: number }[] = [];
  page.on('requestfinished', async (req) => {
    if (!new URL(req.url()).pathname.startsWith('/pagefind/')) return;
    sizes.push({ url: req.url(), bytes: (await req.sizes()).responseBodySize });
    if (process.env.VERBOSE) console.log('   ', (await req.sizes()).responseBodySize, new URL(req.url()).pathname);
  });
  const ms = await fn(page);
  await page.waitForLoadState('networkidle');
  const results = (await page.evaluate('window.resultCount ?? 0')) as number;
  await context.close();
  const kb = sizes.reduce((s, x) => s + x.bytes, 0) / 1024;
  const indexKb = sizes.filter((x) => !/pagefind(-ui|-component-ui|-modular-ui|-highlight)?\.(js|css)$/.test(x.url) && !x.url.endsWith('pagefind-worker.js')).reduce((s, x) => s + x.bytes, 0) / 1024;
  return { ms, kb, indexKb, results };
}
