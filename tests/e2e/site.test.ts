// End-to-end: builds the real site from content/raw under the sub-path /portal/ (as GitHub Pages
// serves it), serves it on 127.0.0.1 and drives Debian's Chromium through it.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { HtmlValidate, StaticConfigLoader } from 'html-validate';
import type { Report } from '../../src/lib/schema/report.ts';
import { searchText } from '../../src/lib/data/search.ts';
import { BASE, buildSite, listFiles, valueAt, type BuiltSite } from './support/site.ts';
import { serve } from './support/server.ts';
import { launch, newPage, pageErrors } from './support/browser.ts';
import { extractLinks, isInternal } from './support/links.ts';

let site: BuiltSite;
let server: Awaited<ReturnType<typeof serve>>;
let browser: Browser;
let htmlFiles: string[];

const at = (path: string) => `${server.origin}${BASE}${path.replace(/^\//, '')}`;
const reportPath = (r: Report) => `reports/${r.slug}/`;
const fmt = (v: number | null) => (v === null ? '—' : new Intl.NumberFormat('zh-CN', { maximumFractionDigits: 2 }).format(v));
const byAgency = (needle: string) => site.records.find((r) => r.agency?.includes(needle));

beforeAll(async () => {
  site = await buildSite();
  server = await serve(site.dist, BASE);
  browser = await launch();
  htmlFiles = (await listFiles(site.dist)).filter((f) => f.endsWith('.html'));
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe('build', () => {
  test('prints progress and a summary for each step', () => {
    expect(site.log).toMatch(/ingest: done in/);
    expect(site.log).toMatch(/records written:\s+\d+/);
    expect(site.log).toMatch(/\[build\] \d+ page\(s\) built/);
    expect(site.log).toMatch(/index-search: \d+ reports in [2-9] shard\(s\)/);
    expect(site.log).toMatch(/build: ingest [\d.]+ s · astro [\d.]+ s ∥ search [\d.]+ s \+ downloads [\d.]+ s · place [\d.]+ s · total [\d.]+ s/);
  });

  test('every record gets a report page, a JSON and a CSV download', async () => {
    expect(site.records.length).toBeGreaterThanOrEqual(5);
    for (const r of site.records) {
      expect(htmlFiles).toContain(`reports/${r.slug}/index.html`);
      const json = JSON.parse(await readFile(join(site.dist, 'reports', r.slug, 'record.json'), 'utf8'));
      expect(json).toEqual(r);
      const csv = await readFile(join(site.dist, 'reports', r.slug, 'tables.csv'), 'utf8');
      expect(csv.startsWith('\uFEFF表,行,列,字段,值\r\n')).toBe(true);
    }
  });
});

describe('report pages', () => {
  test('home → browse → report: every table cell shown equals the record', async () => {
    const target = byAgency('夏邑县') ?? site.records[0]!;
    const page = await newPage(browser);
    await page.goto(at(''));
    await page.getByRole('navigation', { name: '主导航' }).getByRole('link', { name: '全部报告' }).click();
    await page.waitForURL(at('reports/'));
    await page.locator(`tr[data-slug="${target.slug}"] a`).click();
    await page.waitForURL(at(reportPath(target)));
    await expect(page.locator('h1').textContent()).resolves.toContain(target.agency);
    await expectCellsMatch(page, target);
    expect(pageErrors(page)).toEqual([]);
    await page.context().close();
  });

  test('all reports: cells match their records (both templates laid out in full)', async () => {
    const page = await newPage(browser, { javaScriptEnabled: false });
    for (const r of site.records) {
      await page.goto(at(reportPath(r)));
      await expectCellsMatch(page, r);
    }
    await page.context().close();
  });

  test('blank or unreadable cells show — and link to their warning', async () => {
    const page = await newPage(browser, { javaScriptEnabled: false });
    let checked = 0;
    for (const r of site.records) {
      const cellWarnings = r.warnings.map((w, i) => ({ w, i })).filter(({ w }) => w.code.startsWith('CELL_') && w.path);
      if (!cellWarnings.length) continue;
      await page.goto(at(reportPath(r)));
      for (const { w, i } of cellWarnings) {
        const cell = cellAt(page, w.path!);
        if (valueAt(r, w.path!) === null) expect(await cell.evaluate((td) => td.firstChild?.textContent)).toBe('—');
        await expect(cell.locator('a.flag').getAttribute('href')).resolves.toBe(`#w-${i + 1}`);
        await expect(page.locator(`#w-${i + 1}`).getAttribute('data-code')).resolves.toBe(w.code);
        checked++;
      }
    }
    // The samples include 建塘镇's table with 增 in a number cell.
    expect(checked).toBeGreaterThan(0);
    await page.context().close();
  });

  test('checks, warnings, prose, raw text, downloads and citation are on the page', async () => {
    const r = site.records[0]!;
    const page = await newPage(browser, { javaScriptEnabled: false });
    await page.goto(at(reportPath(r)));
    const text = (await page.locator('main').textContent()) ?? '';
    expect(text).toContain(`共 ${r.checks.length} 项勾稽关系`);
    expect(await page.locator('#failed-checks tbody tr').count()).toBe(r.checks.filter((c) => c.pass !== true).length);
    expect(await page.locator('.warning-list > li').count()).toBe(r.warnings.length);
    const firstProse = r.sections.find((s) => s.text.trim())!;
    expect(text).toContain(firstProse.text.split('\n')[0]!.slice(0, 20));
    // Without JavaScript the source text is one link away, in the record.
    await expect(page.locator('raw-text a').getAttribute('href')).resolves.toBe(`${BASE}reports/${r.slug}/record.json`);
    await expect(page.locator('#citation-text').textContent()).resolves.toContain(`https://example.github.io${BASE}${reportPath(r)}`);
    await expect(page.getByRole('link', { name: /完整记录（JSON）/ }).getAttribute('href')).resolves.toBe(`${BASE}reports/${r.slug}/record.json`);
    await page.context().close();
  });

  test('the source text loads when it is opened', async () => {
    const r = site.records[0]!;
    const page = await newPage(browser);
    await page.goto(at(reportPath(r)));
    await expect(page.locator('pre.raw').isVisible()).resolves.toBe(false);
    await page.getByText(/展开原文/).click();
    await page.locator('pre.raw').waitFor({ state: 'visible' });
    expect(await page.locator('pre.raw').textContent()).toBe(r.text);
    expect(pageErrors(page)).toEqual([]);
    await page.context().close();
  });
});

describe('browse', () => {
  test('the full table is there without JavaScript', async () => {
    const page = await newPage(browser, { javaScriptEnabled: false });
    await page.goto(at('reports/'));
    expect(await page.locator('#all-reports tbody tr').count()).toBe(site.records.length);
    expect(await page.locator('#report-filters').isVisible()).toBe(false);
    await page.context().close();
  });

  test('sorts by a column and filters with JavaScript', async () => {
    const page = await newPage(browser);
    await page.goto(at('reports/'));
    await page.getByRole('button', { name: '主动公开（条）' }).click();
    const max = [...site.records].sort((a, b) => (b.proactiveTotal ?? -1) - (a.proactiveTotal ?? -1))[0]!;
    await expect(page.locator('#all-reports tbody tr').first().getAttribute('data-slug')).resolves.toBe(max.slug);
    await expect(page.locator('th[aria-sort="descending"]').count()).resolves.toBe(1);

    const one = byAgency('夏邑') ?? site.records[0]!;
    await page.getByLabel('关键词').fill(one.agency!);
    const expected = site.records.filter((r) => r.agency!.includes(one.agency!)).length;
    await expect(page.locator('#all-reports tbody tr:not([hidden])').count()).resolves.toBe(expected);
    await expect(page.locator('output').textContent()).resolves.toBe(`显示 ${expected} / ${site.records.length} 份`);
    expect(page.url()).toContain('?q=');
    expect(pageErrors(page)).toEqual([]);
    await page.context().close();
  });
});

describe('search', () => {
  async function searchUi(page: Page, query: string) {
    await page.goto(at(`search/?q=${encodeURIComponent(query)}`));
    await page.locator('#search-results li').first().waitFor();
    return page.locator('#search-results li > a');
  }

  test('夏邑 finds the county report and the result opens it', async () => {
    const target = byAgency('夏邑县')!;
    expect(target).toBeDefined();
    const page = await newPage(browser);
    const links = await searchUi(page, '夏邑');
    await links.filter({ hasText: '夏邑县人民政府' }).first().click();
    await page.waitForURL(at(reportPath(target)));
    await expect(page.locator('h1').textContent()).resolves.toContain('夏邑县人民政府');
    expect(pageErrors(page)).toEqual([]);
    await page.context().close();
  });

  test('政策解读: follow a result to a report that mentions it', async () => {
    const page = await newPage(browser);
    const links = await searchUi(page, '政策解读');
    await links.first().click();
    await page.waitForURL(/\/portal\/reports\/[^/]+\/$/);
    expect(await page.locator('main').textContent()).toContain('政策解读');
    await page.context().close();
  });

  test('recall: Chinese queries return exactly the reports whose indexed text contains them, across every shard', async () => {
    const page = await newPage(browser);
    const indexed = new Map(site.records.map((r) => [`${BASE}${reportPath(r)}`, searchText(r)]));
    const township = site.records.map((r) => /([^县区市]{2,3}[镇乡])人民政府$/.exec(r.agency ?? '')?.[1]).find(Boolean)!;
    // 政府网站 stands in 「报表和政府网站年度报表」 in one of them: found only because the index and
    // the query are split into words by the same segmenter (src/lib/data/search.ts).
    const queries = ['政策解读', '夏邑', '信息公开指南', '依申请公开', '公开目录', '政府网站', township];
    await page.goto(at(''));
    for (const q of queries) {
      const found = await pagefind<string[]>(page, `const r = await pf.search(${JSON.stringify(q.length >= 3 ? `"${q}"` : q)}); return Promise.all(r.results.map(async (x) => (await x.data()).url));`);
      const expected = [...indexed].filter(([, text]) => text.includes(q)).map(([url]) => url);
      expect(expected.length, q).toBeGreaterThan(0);
      expect(found.sort(), q).toEqual(expected.sort());
    }
    await page.context().close();
  });

  test('typing shows results with the query marked in each excerpt; the address keeps the query', async () => {
    const page = await newPage(browser);
    await page.goto(at('search/'));
    await page.locator('#search[data-ready]').waitFor();
    await page.locator('#q').fill('依申请公开');
    await page.locator('#search-results li').first().waitFor();
    const expected = site.records.filter((r) => searchText(r).includes('依申请公开')).length;
    await expect(page.locator('#search-status').textContent()).resolves.toBe(`找到 ${expected} 份报告`);
    const marks = await page.locator('#search-results mark').allTextContents();
    expect(marks.length).toBeGreaterThan(0);
    for (const m of marks) expect('依申请公开').toContain(m);
    expect(decodeURIComponent(page.url())).toContain('?q=依申请公开');
    await page.locator('#q').fill('这份语料里没有的词语组合');
    await page.locator('#search-status:text-matches("未找到")').waitFor();
    await expect(page.locator('#search-results li').count()).resolves.toBe(0);
    expect(pageErrors(page)).toEqual([]);
    await page.context().close();
  });

  test('typing through an input method: no search on the pinyin being composed, results for the committed word', async () => {
    const page = await newPage(browser);
    await page.goto(at('search/'));
    await page.locator('#search[data-ready]').waitFor();
    await page.locator('#q').focus();
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('Input.imeSetComposition', { text: 'zhengce', selectionStart: 7, selectionEnd: 7 });
    await page.waitForTimeout(400);
    await expect(page.locator('#search-status').textContent()).resolves.toBe('');
    await cdp.send('Input.insertText', { text: '政策解读' });
    await page.locator('#search-results li').first().waitFor();
    await expect(page.locator('#q').inputValue()).resolves.toBe('政策解读');
    expect(pageErrors(page)).toEqual([]);
    await page.context().close();
  });

  test('year, level and province filters: options count every shard, and narrowing shows only matching reports', async () => {
    const page = await newPage(browser);
    await page.goto(at('search/'));
    const names = await page.locator('#search select').evaluateAll((els) => els.map((e) => (e as HTMLSelectElement).name));
    expect(names).toEqual(['年份', '层级', '省份']);
    // The options are rendered at build time; the counts must be what the merged index holds.
    const offered = await page.locator('#search select').evaluateAll((els) =>
      Object.fromEntries(els.map((e) => [(e as HTMLSelectElement).name, Object.fromEntries([...(e as HTMLSelectElement).options].filter((o) => o.value).map((o) => [o.value, Number(/（([\d,]+) 份）/.exec(o.text)![1]!.replace(/,/g, ''))]))])),
    );
    await page.goto(at(''));
    const indexed = await pagefind<Record<string, Record<string, number>>>(page, 'return pf.filters();');
    expect(offered).toEqual(indexed);
    expect(Object.values(indexed['年份']!).reduce((n, c) => n + c, 0)).toBe(site.records.length);

    const query = '依申请公开';
    const year = String(site.records.find((r) => searchText(r).includes(query))!.year);
    const expected = site.records.filter((r) => String(r.year) === year && searchText(r).includes(query));
    await page.goto(at(`search/?q=${encodeURIComponent(query)}`));
    await page.locator('#search-results li').first().waitFor();
    await page.locator('select[name="年份"]').selectOption(year);
    await page.locator(`#search-status:has-text("年份：${year}")`).waitFor();
    await expect(page.locator('#search-status').textContent()).resolves.toBe(`找到 ${expected.length} 份报告（年份：${year}）`);
    const shown = await page.locator('#search-results li > a').evaluateAll((as) => as.map((a) => new URL((a as HTMLAnchorElement).href).pathname));
    expect(shown.sort()).toEqual(expected.map((r) => `${BASE}${reportPath(r)}`).sort());
    // The address holds the filter: reloading it gives the same list.
    await page.reload();
    await page.locator(`#search-status:has-text("年份：${year}")`).waitFor();
    await expect(page.locator('select[name="年份"]').inputValue()).resolves.toBe(year);
    await expect(page.locator('#search-results li').count()).resolves.toBe(expected.length);
    expect(pageErrors(page)).toEqual([]);
    await page.context().close();
  });
});

describe('downloads', () => {
  test('/data/reports.csv is UTF-8 with BOM, one row per report', async () => {
    const csv = await (await fetch(at('data/reports.csv'))).text();
    const raw = new Uint8Array(await (await fetch(at('data/reports.csv'))).arrayBuffer());
    expect([...raw.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = csv.replace(/^\uFEFF/, '').trimEnd().split('\r\n');
    expect(lines.length).toBe(site.records.length + 1);
    expect(lines[0]).toContain('主动公开（条）');
  });

  test('/data/reports.json has the key figures of every record', async () => {
    const rows = (await (await fetch(at('data/reports.json'))).json()) as Record<string, unknown>[];
    expect(rows.length).toBe(site.records.length);
    for (const r of site.records) {
      const row = rows.find((x) => x.slug === r.slug)!;
      expect(row.agency).toBe(r.agency);
      expect(row.proactiveTotal).toBe(r.proactiveTotal);
      expect(row.requestsReceived).toBe(r.table3?.newReceived[6] ?? r.metrics.requestsReceived?.value ?? null);
      expect(row.url).toBe(`https://example.github.io${BASE}${reportPath(r)}`);
    }
  });
});

describe('site-wide quality', () => {
  test('every internal link and asset on every page resolves under the base path', async () => {
    const checked = new Map<string, number>();
    const problems: string[] = [];
    for (const file of htmlFiles) {
      if (file.startsWith('pagefind/')) continue;
      const pageUrl = at(file.replace(/index\.html$/, ''));
      const html = await readFile(join(site.dist, file), 'utf8');
      const ids = new Set([...html.matchAll(/\sid="([^"]+)"/g)].map((m) => m[1]));
      for (const link of extractLinks(html)) {
        if (link.startsWith('#')) {
          if (link.length > 1 && !ids.has(decodeURIComponent(link.slice(1)))) problems.push(`${file}: missing anchor ${link}`);
          continue;
        }
        if (!isInternal(link)) continue;
        const target = new URL(link, pageUrl);
        if (!target.pathname.startsWith(BASE)) {
          problems.push(`${file}: ${link} escapes ${BASE}`);
          continue;
        }
        target.hash = '';
        target.search = '';
        const key = target.href;
        if (!checked.has(key)) checked.set(key, (await fetch(key, { redirect: 'manual' })).status);
        if (checked.get(key) !== 200) problems.push(`${file}: ${link} → ${checked.get(key)}`);
      }
    }
    expect(problems).toEqual([]);
    expect(checked.size).toBeGreaterThan(site.records.length * 3);
  });

  test('every page is valid HTML with lang="zh-CN"', async () => {
    // Raw report text is shown verbatim, trailing spaces included.
    const hv = new HtmlValidate(new StaticConfigLoader({ extends: ['html-validate:recommended'], rules: { 'no-trailing-whitespace': 'off' } }));
    const problems: string[] = [];
    for (const file of htmlFiles.filter((f) => !f.startsWith('pagefind/'))) {
      const html = await readFile(join(site.dist, file), 'utf8');
      if (!html.includes('<html lang="zh-CN"')) problems.push(`${file}: lang`);
      const report = await hv.validateString(html, file);
      for (const res of report.results) for (const m of res.messages) problems.push(`${file}:${m.line} ${m.ruleId} ${m.message}`);
    }
    expect(problems).toEqual([]);
  });

  test('a report page weighs ≤ 150 KB (HTML + CSS + JS, search index excluded)', async () => {
    const weights: Record<string, number> = {};
    for (const r of site.records) weights[r.slug] = await pageWeight(join(site.dist, 'reports', r.slug, 'index.html'));
    console.log('report page weights (bytes, HTML + CSS + JS):', weights);
    for (const [slug, bytes] of Object.entries(weights)) {
      expect(bytes, slug).toBeGreaterThan(10_000);
      expect(bytes, slug).toBeLessThanOrEqual(150 * 1024);
    }
  });

  test('no horizontal scroll on a 375 px phone', async () => {
    const page = await newPage(browser, { viewport: { width: 375, height: 800 } });
    const paths = ['', 'reports/', reportPath(site.records[0]!), 'search/?q=夏邑', 'regions/', 'compare/', 'quality/', 'data/', 'about/', 'methodology/'];
    for (const p of paths) {
      await page.goto(at(p), { waitUntil: 'networkidle' });
      expect(await page.evaluate(() => document.documentElement.scrollWidth), p).toBeLessThanOrEqual(375);
    }
    await page.context().close();
  });

  test('charts are SVG in the HTML with a title, description, unit and a data table', async () => {
    const page = await newPage(browser, { javaScriptEnabled: false });
    for (const p of ['', reportPath(site.records[0]!)]) {
      await page.goto(at(p));
      const charts = await page.locator('figure.chart').evaluateAll((figs) =>
        figs.map((f) => {
          const svg = f.querySelector('svg[role="img"]');
          const ids = (svg?.getAttribute('aria-labelledby') ?? '').split(' ');
          return {
            labelled: ids.length === 2 && ids.every((id) => document.getElementById(id)?.textContent?.trim()),
            bars: svg?.querySelectorAll('g.bar').length ?? 0,
            unit: /（(条|件|万元|份)）/.test(svg?.textContent ?? ''),
            rows: f.querySelectorAll('details table tbody tr').length,
          };
        }),
      );
      expect(charts.length, p).toBeGreaterThan(0);
      for (const c of charts) {
        expect(c.labelled).toBeTruthy();
        expect(c.unit).toBe(true);
        expect(c.bars).toBeGreaterThan(0);
        expect(c.rows).toBe(c.bars);
      }
    }
    await page.context().close();
  });

  test('light and dark colour schemes', async () => {
    const luminance = async (scheme: 'light' | 'dark') => {
      const page = await newPage(browser, { colorScheme: scheme });
      await page.goto(at(''));
      const rgb = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
      await page.context().close();
      const [r, g, b] = rgb.match(/\d+/g)!.map(Number);
      return (0.2126 * r! + 0.7152 * g! + 0.0722 * b!) / 255;
    };
    expect(await luminance('light')).toBeGreaterThan(0.8);
    expect(await luminance('dark')).toBeLessThan(0.2);
  });

  test('keyboard: the first Tab reaches the skip link, which moves to the content', async () => {
    const page = await newPage(browser);
    await page.goto(at(reportPath(site.records[0]!)));
    await page.keyboard.press('Tab');
    await expect(page.evaluate(() => document.activeElement?.textContent)).resolves.toBe('跳到正文');
    await page.keyboard.press('Enter');
    expect(page.url()).toMatch(/#main$/);
    await page.context().close();
  });
});

describe('other pages', () => {
  test('data quality lists every report whose tables do not add up or have unreadable cells', async () => {
    const page = await newPage(browser, { javaScriptEnabled: false });
    await page.goto(at('quality/'));
    const listed = await page.locator('.quality-entry').evaluateAll((els) => els.map((e) => (e as HTMLElement).dataset.slug));
    const expected = site.records.filter((r) => r.checks.some((c) => c.pass === false) || r.warnings.some((w) => w.code.startsWith('CELL_')));
    expect(expected.length).toBeGreaterThan(0);
    for (const r of expected) expect(listed).toContain(r.slug);
    await page.context().close();
  });

  test('compare: two reports side by side from the URL, and a default comparison without JavaScript', async () => {
    const [a, b] = site.records;
    const page = await newPage(browser);
    await page.goto(at(`compare/?r=${a!.slug},${b!.slug}`));
    await page.locator('#compare-picker:not([hidden])').waitFor();
    const heads = await page.locator('#compare-table thead th').allTextContents();
    expect(heads.slice(1)).toEqual([`${a!.agency}（${a!.year}）`, `${b!.agency}（${b!.year}）`]);
    await expect(page.locator('#compare-table tbody tr').nth(1).locator('td').allTextContents()).resolves.toEqual([fmt(a!.proactiveTotal), fmt(b!.proactiveTotal)]);
    expect(pageErrors(page)).toEqual([]);
    await page.context().close();

    const noJs = await newPage(browser, { javaScriptEnabled: false });
    await noJs.goto(at('compare/'));
    expect(await noJs.locator('#compare-table thead th').count()).toBeGreaterThanOrEqual(3);
    expect(await noJs.locator('#compare-result svg').count()).toBeGreaterThan(0);
    await noJs.context().close();
  });

  test('regions: every report is listed under its region pages', async () => {
    const page = await newPage(browser, { javaScriptEnabled: false });
    await page.goto(at('regions/'));
    const provinces = await page.locator('main table tbody th a').evaluateAll((as) => as.map((a) => (a as HTMLAnchorElement).getAttribute('href')!));
    const listed = new Set<string>();
    for (const href of provinces) {
      await page.goto(server.origin + href);
      for (const slug of await page.locator('#region-reports tbody tr').evaluateAll((trs) => trs.map((t) => (t as HTMLElement).dataset.slug!))) listed.add(slug);
    }
    expect([...listed].sort()).toEqual(site.records.map((r) => r.slug).sort());
    await page.context().close();
  });
});

/** Bytes of an HTML file plus every stylesheet and script it loads, following JS imports. */
async function pageWeight(htmlFile: string): Promise<number> {
  const html = await readFile(htmlFile, 'utf8');
  const seen = new Set<string>();
  const queue = [...html.matchAll(new RegExp(`(?:href|src)="${BASE}(_astro/[^"]+\\.(?:css|js))"`, 'g'))].map((m) => m[1]!);
  let bytes = Buffer.byteLength(html);
  while (queue.length) {
    const file = queue.pop()!;
    if (seen.has(file)) continue;
    seen.add(file);
    const text = await readFile(join(site.dist, file), 'utf8');
    bytes += Buffer.byteLength(text);
    for (const m of text.matchAll(/(?:import|from)\s*["'](?:\.\/|\/[^"']*_astro\/)([^"']+\.js)["']/g)) queue.push(`_astro/${m[1]}`);
  }
  return bytes;
}

/**
 * Runs code against the site's own Pagefind bundle, with every shard the search page merges, in a
 * page without the search UI (which would merge them a second time). Passed as a string because
 * the test runner rewrites dynamic import() in functions it serialises.
 */
function pagefind<T>(page: Page, body: string): Promise<T> {
  return page.evaluate(`(async () => {
    window.testPagefind ??= (async () => {
      const pf = await import('${BASE}pagefind/pagefind.js');
      await pf.init();
      const search = new DOMParser().parseFromString(await (await fetch('${BASE}search/')).text(), 'text/html');
      for (const shard of JSON.parse(search.getElementById('search').dataset.shards)) await pf.mergeIndex(shard);
      return pf;
    })();
    const pf = await window.testPagefind;
    ${body}
  })()`) as Promise<T>;
}

/** A template table's cell by its record path: tables 2 and 4 name it, table 3's row names it and the column is its place. */
function cellAt(page: Page, path: string) {
  const m = /^(table3\..+)\[(\d)\]$/.exec(path);
  return m ? page.locator(`tr[data-path="${m[1]}"] > td`).nth(Number(m[2])) : page.locator(`td[data-path="${path}"]`);
}

async function expectCellsMatch(page: Page, r: Report): Promise<void> {
  const cells = await page.locator('td[data-path], tr[data-path] > td').evaluateAll((tds) =>
    tds.map((td) => {
      const row = td.parentElement!;
      const path = td.getAttribute('data-path') ?? `${row.getAttribute('data-path')}[${[...row.querySelectorAll(':scope > td')].indexOf(td)}]`;
      return { path, shown: td.firstChild?.textContent ?? '' };
    }),
  );
  for (const c of cells) expect(c.shown, `${r.slug} ${c.path}`).toBe(fmt(valueAt(r, c.path) as number | null));
  const t2 = r.table2 ? Object.values(r.table2).reduce((n, row) => n + Object.keys(row).length, 0) : 0;
  // 4 opening rows, 16 reason rows, 总计 and 结转; （六）其他处理 is one row, or three in the 2021 template.
  const rows3 = r.table3 ? 4 + 16 + 2 + (r.table3.otherHandlingDetail ? 3 : 1) : 0;
  const expected = t2 + rows3 * 7 + (r.table4 ? 15 : 0);
  expect(cells.length, r.slug).toBe(expected);
}
