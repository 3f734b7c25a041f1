// Rebuilds: after one raw file changes, only what depends on it is rendered and indexed again,
// and after one is deleted, nothing of it is left in the site (pages, downloads, search).
import { cp, mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { ROOT, run } from './support/site.ts';
import { serve } from './support/server.ts';
import { launch, newPage } from './support/browser.ts';

let work: string;
let env: Record<string, string>;
let browser: Browser;
let server: Awaited<ReturnType<typeof serve>>;
const at = (path: string) => `${server.origin}/${path}`;

const XIAYI = '河南省/商丘市/夏邑县/004_dde6e9dcd5a2f618.txt';
const YANSHI = '河南省/洛阳市/偃师区/003_e36851e478d160e5.txt';
const build = () => run('node', ['scripts/build.ts'], env);
/** Pages Astro rendered (not reused) in a build, from its log. */
const rendered = (log: string) => [...log.matchAll(/[├└]─ (\/\S+\.html) \(\+\d+m?s\)/g)].map((m) => m[1]!);
const reused = (log: string) => [...log.matchAll(/[├└]─ (\/\S+\.html) \((?:cached|restored)\)/g)].map((m) => m[1]!);

beforeAll(async () => {
  work = await mkdtemp(join(tmpdir(), 'portal-incremental-'));
  await cp(join(ROOT, 'content', 'raw'), join(work, 'raw'), { recursive: true });
  env = {
    CONTENT_DIR: join(work, 'raw'),
    REPORTS_DIR: join(work, 'reports'),
    OUT_DIR: join(work, 'dist'),
    BUILD_CACHE_DIR: join(work, 'cache'),
    INGEST_CACHE_DIR: join(work, 'cache', 'ingest'),
    ASTRO_CACHE_DIR: join(work, 'astro'),
    PAGEFIND_SHARD_SIZE: '2',
    // One page at a time, so each page's log line ends with its own "(+N ms)" or "(cached)".
    ASTRO_CONCURRENCY: '1',
  };
  browser = await launch();
  server = await serve(env.OUT_DIR!, '/');
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
  await rm(work, { recursive: true, force: true });
});

describe('rebuild', () => {
  test('one changed file: its page is rendered again with the change, the other reports are reused, search finds the new text', async () => {
    const first = await build();
    expect(rendered(first)).toContain('/reports/henan-shangqiu-xiayi-2020/index.html');

    const file = join(env.CONTENT_DIR!, XIAYI);
    // A sentence added to the last section: prose changes, the figures (and so peers and region pages) do not.
    await writeFile(file, `${(await readFile(file, 'utf8')).trimEnd()}\n本年度新增试点栏目“阳光夏邑”。\n`);
    const second = await build();
    expect(second).toMatch(/build: ingest [\d.]+ s/);
    expect(rendered(second)).toContain('/reports/henan-shangqiu-xiayi-2020/index.html');
    for (const slug of ['anhui-bengbu-wuhe-wuqiao-2020', 'henan-luoyang-yanshi-goushi-2020', 'yunnan-diqingzangzu-xianggelila-jiantang-2020']) {
      expect(reused(second)).toContain(`/reports/${slug}/index.html`);
    }
    expect(second).toMatch(/index-search: \d+ reports in \d+ shard\(s\), 1 rebuilt/);

    const page = await newPage(browser);
    await page.goto(at('reports/henan-shangqiu-xiayi-2020/'));
    expect(await page.locator('main').textContent()).toContain('阳光夏邑');
    expect(await search(page, '阳光夏邑')).toEqual(['/reports/henan-shangqiu-xiayi-2020/']);
    await page.context().close();
  });

  test('one deleted file: its page, downloads and search entry are gone, and no listing links to it', async () => {
    await rm(join(env.CONTENT_DIR!, YANSHI));
    await build();
    const gone = join(env.OUT_DIR!, 'reports', 'henan-luoyang-yanshi-goushi-2020');
    await expect(stat(gone)).rejects.toThrow();
    const page = await newPage(browser);
    await page.goto(at('reports/'));
    expect(await page.locator('main').textContent()).not.toContain('偃师');
    await page.goto(at('regions/'));
    expect(await page.locator('main').textContent()).not.toContain('洛阳市');
    await expect(stat(join(env.OUT_DIR!, 'regions', 'henan', 'luoyang'))).rejects.toThrow();
    expect(await search(page, '偃师')).toEqual([]);
    await page.context().close();
  });
});

/** Result URLs for a query, through every merged shard (relative to the site root). */
async function search(page: Page, query: string): Promise<string[]> {
  await page.goto(at(''));
  return page.evaluate(`(async () => {
    const pf = await import('/pagefind/pagefind.js');
    await pf.init();
    const html = new DOMParser().parseFromString(await (await fetch('/search/')).text(), 'text/html');
    for (const shard of JSON.parse(html.getElementById('search').dataset.shards)) await pf.mergeIndex(shard);
    const r = await pf.search(${JSON.stringify(query)});
    return Promise.all(r.results.map(async (x) => (await x.data()).url));
  })()`) as Promise<string[]>;
}
