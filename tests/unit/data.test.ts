import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { parseReport } from '../../src/lib/parse/index.ts';
import type { Report } from '../../src/lib/schema/report.ts';
import { buildCorpus } from '../../src/lib/data/corpus.ts';
import { checkStatus, keyFigures } from '../../src/lib/data/figures.ts';
import { parsedProseBlocks, proseBlocks } from '../../src/lib/data/prose.ts';
import { table2Blocks, table3Rows, table4Cells, warningLookup } from '../../src/lib/data/template-tables.ts';
import { BOM, reportRows, reportsCsv, tablesCsv, toCsv } from '../../src/lib/data/downloads.ts';
import { qualityEntries } from '../../src/lib/data/quality.ts';
import { topWith } from '../../src/lib/data/peers.ts';
import { placeSlug } from '../../src/lib/parse/slug.ts';
import { bodyTrends } from '../../src/lib/data/body-trends.ts';
import { LINE_END, searchFilterOptions, searchRecord, searchText, shardCount, shardOf, shardPath, wordSeparated } from '../../src/lib/data/search.ts';
import { KeyFiguresSchema } from '../../src/lib/schema/figures.ts';
import { formatNumber } from '../../src/lib/data/format.ts';

const seed = (n: number): Report => {
  const path = `tests/fixtures/seed-00${n}/input.txt`;
  return parseReport({ bytes: new Uint8Array(readFileSync(path)), file: path, path });
};
/** A parsed sample report placed somewhere, so corpus logic does not depend on region resolution. */
function placed(base: Report, over: { agency: string; year: number; slug: string; level: Report['level']; region: Partial<Report['region']>; proactive: number }): Report {
  return {
    ...structuredClone(base),
    agency: over.agency,
    year: over.year,
    slug: over.slug,
    level: over.level,
    proactiveTotal: over.proactive,
    region: { province: '河南省', city: '商丘市', county: '夏邑县', township: null, code: null, ...over.region },
  };
}

const xiayi = seed(4);
const jiantang = seed(2);
const corpusReports = [
  placed(xiayi, { agency: '夏邑县人民政府', year: 2020, slug: 'xiayi-2020', level: 'county', region: {}, proactive: 5863 }),
  placed(xiayi, { agency: '夏邑县人民政府', year: 2019, slug: 'xiayi-2019', level: 'county', region: {}, proactive: 4000 }),
  placed(jiantang, { agency: '会亭镇人民政府', year: 2020, slug: 'huiting-2020', level: 'township', region: { township: '会亭镇' }, proactive: 21 }),
  placed(jiantang, { agency: '车站镇人民政府', year: 2020, slug: 'chezhan-2020', level: 'township', region: { township: '车站镇' }, proactive: 300 }),
  placed(jiantang, { agency: '城关镇人民政府', year: 2020, slug: 'chengguan-2020', level: 'township', region: { county: '虞城县', township: '城关镇' }, proactive: 300 }),
];

describe('keyFigures', () => {
  test('reads the headline numbers from the tables', () => {
    const f = keyFigures(xiayi);
    expect(f.proactive).toBe(5863);
    expect(f.requests).toBe(xiayi.table3!.newReceived[6]);
    expect(f.procurementWan).toBe(111.1);
    expect(f.reviews).toBe(1);
    expect(f.status).toBe('pass');
  });
  test('check status: any failure wins over unreadable terms', () => {
    const c = (pass: boolean | null) => ({ id: 'x', table: 'table3' as const, rule: '', pass, expected: null, actual: null, difference: null, terms: [] });
    expect(checkStatus({ checks: [] })).toBe('none');
    expect(checkStatus({ checks: [c(true), c(null)] })).toBe('incomplete');
    expect(checkStatus({ checks: [c(null), c(false)] })).toBe('fail');
  });
});

describe('buildCorpus', () => {
  const corpus = buildCorpus(corpusReports.map(keyFigures));
  test('groups years of one body, keeps same-named bodies elsewhere apart', () => {
    const body = corpus.bodyOf.get('xiayi-2020')!;
    expect(body.reports.map((r) => r.year)).toEqual([2019, 2020]);
    expect(body.id).toBe('xiayi');
    expect(corpus.bodyOf.get('huiting-2020')!.reports).toHaveLength(1);
  });
  test('region tree with aggregates; reports sit at their deepest level', () => {
    const henan = corpus.regions.find((n) => n.name === '河南省')!;
    expect(henan.id).toBe('henan');
    expect(henan.all).toHaveLength(5);
    const xiayiNode = corpus.regionById.get('henan/shangqiu/xiayi')!;
    expect(xiayiNode.own.map((r) => r.slug).sort()).toEqual(['xiayi-2019', 'xiayi-2020']);
    expect(xiayiNode.children.map((c) => c.name).sort()).toEqual(['会亭镇', '车站镇']);
  });
  test('ranks among the same level and year, ties share a rank', () => {
    const rank = (slug: string) => corpus.peers.rank(corpus.bySlug.get(slug)!, 'proactive');
    expect(rank('chezhan-2020')).toEqual({ rank: 1, of: 3 });
    expect(rank('chengguan-2020')).toEqual({ rank: 1, of: 3 });
    expect(rank('huiting-2020')).toEqual({ rank: 3, of: 3 });
    expect(rank('xiayi-2020')).toEqual({ rank: 1, of: 1 });
  });
  test('neighbours share year and level, from the county outwards', () => {
    const near = corpus.peers.neighbours(corpus.bySlug.get('huiting-2020')!)!;
    expect(near.scope).toBe('夏邑县');
    expect(near.reports.map((r) => r.slug).sort()).toEqual(['chezhan-2020', 'huiting-2020']);
    const city = corpus.peers.neighbours(corpus.bySlug.get('chengguan-2020')!)!;
    expect(city.scope).toBe('商丘市');
    expect(city.reports).toHaveLength(3);
    expect(corpus.peers.neighbours(corpus.bySlug.get('xiayi-2020')!)).toBeNull();
  });
  test('regions with unresolved places are kept under 地区未定', () => {
    const c = buildCorpus([keyFigures({ ...structuredClone(xiayi), slug: 'x', region: { province: null, city: null, county: null, township: null, code: null } })]);
    expect(c.regions.map((n) => [n.id, n.name])).toEqual([['unresolved', '地区未定']]);
  });
});

describe('topWith', () => {
  test('keeps the report itself among the bars', () => {
    const corpus = buildCorpus(corpusReports.map(keyFigures));
    const self = corpus.bySlug.get('huiting-2020')!;
    const top = topWith(corpus.figures, 'proactive', self, 2);
    expect(top.map((r) => r.slug)).toEqual(['xiayi-2020', 'huiting-2020']);
  });
});

describe('template tables', () => {
  test('2019 table 2 has the nine-item layout; every cell carries its record path', () => {
    const blocks = table2Blocks(xiayi)!;
    expect(blocks.map((b) => b.title)).toEqual(['第二十条第（一）项', '第二十条第（五）项', '第二十条第（六）项', '第二十条第（八）项', '第二十条第（九）项']);
    const procurement = blocks[4]!.rows[0]!.cells;
    expect(procurement.map((c) => [c.path, c.value])).toEqual([['table2.procurement.projects', 3], ['table2.procurement.amountWan', 111.1]]);
  });
  test('2021 table 2 and table 3 follow the 2021 template', () => {
    const r = structuredClone(xiayi);
    r.template = '2021';
    r.table2 = { regulations: { issued: 1, repealed: 0, inForce: 3 }, normativeDocs: { issued: 2, repealed: 1, inForce: 9 }, licensing: { decisions: 5 }, penalty: { decisions: 6 }, coercion: { decisions: 0 }, fees: { amountWan: null } };
    r.table3!.otherHandlingDetail = { overdueCorrection: [1, 0, 0, 0, 0, 0, 1], overdueFee: [0, 0, 0, 0, 0, 0, 0], other: [0, 0, 0, 0, 0, 0, 0] };
    r.warnings = [{ code: 'CELL_BLANK', severity: 'warning', message: '空', path: 'table2.fees.amountWan' }];
    const blocks = table2Blocks(r)!;
    expect(blocks.map((b) => b.rows.map((x) => x.label)).flat()).toEqual(['规章', '行政规范性文件', '行政许可', '行政处罚', '行政强制', '行政事业性收费']);
    expect(blocks[3]!.rows[0]!.cells[0]).toEqual({ value: null, path: 'table2.fees.amountWan', warning: 0 });
    const rows = table3Rows(r)!;
    expect(rows.filter((x) => x.cells.length).length).toBe(25);
    expect(rows.find((x) => x.label.startsWith('1.申请人无正当理由'))!.cells[6]!.value).toBe(1);
  });
  test('table 4 is one row of 15 cells', () => {
    const cells = table4Cells(xiayi)!;
    expect(cells).toHaveLength(15);
    expect(cells[3]).toMatchObject({ path: 'table4.review.pending', value: 1 });
  });
  test('a missing cell points at the nearest warning; a present one only at its own', () => {
    const find = warningLookup([
      { code: 'ROW_MISSING', severity: 'warning', message: '', path: 'table3.denied.stateSecret' },
      { code: 'UNIT_CONVERTED', severity: 'info', message: '', path: 'table2.procurement.amountWan' },
    ]);
    expect(find('table3.denied.stateSecret[4]')).toBe(0);
    expect(find('table3.denied.stateSecret[4]', false)).toBe(null);
    expect(find('table2.procurement.amountWan', false)).toBe(1);
  });
});

describe('proseBlocks', () => {
  test('（一）… lines become sub-headings, paragraphs stay whole', () => {
    const blocks = proseBlocks('2020年，我县信息公开工作取得新进展。\n\n（一）主动公开情况\n\n全年共主动公开政府信息5863条。\n\n（二）依申请公开情况。全年共受理申请14件。');
    expect(blocks).toEqual([
      { kind: 'paragraph', text: '2020年，我县信息公开工作取得新进展。' },
      { kind: 'heading', text: '（一）主动公开情况' },
      { kind: 'paragraph', text: '全年共主动公开政府信息5863条。' },
      { kind: 'paragraph', lead: '（二）依申请公开情况。', text: '全年共受理申请14件。' },
    ]);
  });
  test('prose is text, not Markdown: emphasis, links, entities, code and # are kept as written', () => {
    const text = '依据《条例》*第二十条* 和 [2019] 第1号 &amp; `附件` 及 <b>说明</b>\n# 注：以上数据截至12月31日';
    expect(proseBlocks(text)).toEqual([{ kind: 'paragraph', text }]);
  });
  test('the sample reports keep every character of prose', () => {
    for (const s of xiayi.sections.filter((x) => x.text)) {
      const text = proseBlocks(s.text).map((b) => (b.kind === 'list' ? b.items.join('') : (b.kind === 'paragraph' ? (b.lead ?? '') : '') + b.text)).join('');
      expect(text.replace(/\s/g, '')).toBe(s.text.replace(/\s/g, '').replace(/^(\d+)\.(?=\S)/gm, '$1.'));
    }
  });
});

describe('proseBlocks shortcut', () => {
  // proseBlocks skips micromark for plain paragraphs; it must give exactly what micromark gives.
  const agree = (text: string) => expect(proseBlocks(text), JSON.stringify(text)).toEqual(parsedProseBlocks(text));
  test('every fixture section', () => {
    const dirs = readdirSync('tests/fixtures', { withFileTypes: true }).filter((d) => d.isDirectory());
    let n = 0;
    for (const d of dirs) {
      const input = readdirSync(`tests/fixtures/${d.name}`).find((f) => f.startsWith('input'))!;
      const path = `tests/fixtures/${d.name}/${input}`;
      for (const s of parseReport({ bytes: new Uint8Array(readFileSync(path)), file: path, path }).sections) agree(s.text), n++;
    }
    expect(n).toBeGreaterThan(300);
  });
  test('text built from the pieces that change Markdown blocks', () => {
    const pieces = ['\n', '\n\n', ' ', '\t', '\u3000', '-', '*', '+', '1.', '12)', '3、', '#', '>', '汉字', '（一）主动公开', '。', 'a', '\r', '\0', '    '];
    let x = 7;
    const next = () => ((x = (x * 1103515245 + 12345) % 2 ** 31), x);
    for (let i = 0; i < 5000; i++) {
      const len = 1 + (next() % 12);
      agree(Array.from({ length: len }, () => pieces[next() % pieces.length]).join(''));
    }
  });
});

describe('downloads', () => {
  test('CSV has a BOM, CRLF rows and quotes fields that need it', () => {
    expect(toCsv([['a', 'b,c', 'say "hi"', null, 1.5]])).toBe(`${BOM}a,"b,c","say ""hi""",,1.5\r\n`);
  });
  test('reports.csv: a header and one row per report', () => {
    const corpus = buildCorpus(corpusReports.map(keyFigures));
    const csv = reportsCsv(reportRows(corpus.figures, (s) => `https://x/${s}/`));
    const lines = csv.slice(1).trimEnd().split('\r\n');
    expect(lines).toHaveLength(6);
    expect(lines.find((l) => l.startsWith('xiayi-2020,'))).toContain(',5863,');
  });
  test('tables.csv: every cell of the three tables', () => {
    const lines = tablesCsv(xiayi).slice(1).trimEnd().split('\r\n');
    expect(lines).toHaveLength(1 + 22 + 23 * 7 + 15);
    expect(lines).toContain('表二,政府集中采购,采购总金额（万元）,table2.procurement.amountWan,111.1');
  });
});

describe('quality', () => {
  test('lists reports with failed checks or unreadable cells, worst first', () => {
    const broken = structuredClone(xiayi);
    broken.slug = 'broken';
    broken.checks = [{ id: 'table3.balance[总计]', table: 'table3', rule: 'r', pass: false, expected: 4, actual: 3, difference: -1, terms: [] }];
    const entries = qualityEntries([xiayi, jiantang, broken]);
    expect(entries.map((e) => e.slug)).toEqual(['broken', jiantang.slug]);
    expect(entries[1]!.cells.map((w) => w.code)).toContain('CELL_UNREADABLE');
  });
});

describe('small helpers', () => {
  test('placeSlug drops the administrative suffix', () => {
    expect(placeSlug('河南省')).toBe('henan');
    expect(placeSlug('夏邑县')).toBe('xiayi');
    expect(placeSlug('迪庆藏族自治州')).toBe('diqingzangzu');
  });
  test('bodyTrends leaves out metrics no year reports', () => {
    const corpus = buildCorpus(corpusReports.map(keyFigures));
    const trends = bodyTrends(corpus.bodyOf.get('xiayi-2020')!.reports);
    expect(trends.map((t) => t.key)).toEqual(['proactive', 'requests', 'procurementWan', 'reviews', 'lawsuits']);
    expect(trends[0]!.points).toEqual([{ x: 2019, y: 4000 }, { x: 2020, y: 5863 }]);
  });
});

describe('key figures in the data store', () => {
  test('validate against their schema and flag what the quality page lists', () => {
    for (const r of [xiayi, jiantang]) expect(KeyFiguresSchema.parse(keyFigures(r))).toEqual(keyFigures(r));
    const flagged = qualityEntries([xiayi, jiantang]).map((e) => e.slug);
    expect([xiayi, jiantang].filter((r) => keyFigures(r).review).map((r) => r.slug)).toEqual(flagged);
    expect(flagged).toEqual([jiantang.slug]);
  });
});

describe('search records', () => {
  test('hold who, when, the title and every prose section, but not the tables', () => {
    const s = searchRecord(xiayi);
    const text = searchText(xiayi);
    expect(s.url).toBe(`/reports/${xiayi.slug}/`);
    expect(s.meta.title).toBe('夏邑县人民政府 · 2020年度');
    expect(s.filters).toEqual({ 年份: ['2020'], 层级: ['县级'], 省份: ['河南省'] });
    expect(text).toContain(xiayi.title!);
    expect(text).not.toContain('主动公开政府信息 5,863 条');
    for (const sec of xiayi.sections.filter((x) => x.text.trim())) expect(text).toContain(sec.text);
    expect(text).not.toContain(xiayi.text);
    expect(s.content).toBe(wordSeparated(text));
  });
  test('indexed text: split into words by ICU, every character kept, line ends marked', () => {
    expect(wordSeparated('（二）依申请公开情况\n报表和政府网站年度报表，共 14 件\n\n')).toBe('（ 二 ） 依 申请 公开 情况 ｜ 报表 和 政府 网站 年度 报表 ， 共 14 件');
    const text = searchText(xiayi);
    const lines = text.split('\n').filter((l) => l.trim());
    expect(wordSeparated(text).split(` ${LINE_END} `).map((l) => l.replace(/\s/g, ''))).toEqual(lines.map((l) => l.replace(/\s/g, '')));
  });
  test('shards: bounded size, stable assignment, every shard used', () => {
    expect(shardCount(1, 2500)).toBe(1);
    expect(shardCount(2500, 2500)).toBe(1);
    expect(shardCount(10000, 2500)).toBe(4);
    const slugs = Array.from({ length: 10000 }, (_, i) => `place-${i}-2020`);
    const sizes = new Array(4).fill(0);
    for (const s of slugs) sizes[shardOf(s, 4)]++;
    expect(Math.min(...sizes)).toBeGreaterThan(2300);
    expect(Math.max(...sizes)).toBeLessThan(2700);
    expect(shardOf('henan-shangqiu-xiayi-2020', 4)).toBe(shardOf('henan-shangqiu-xiayi-2020', 4));
    expect(shardPath(0)).toBe('pagefind/');
    expect(shardPath(2)).toBe('pagefind/shard-2/');
  });
  test('filter options: every value once with its report count; years newest first, levels from the top', () => {
    const figures = [xiayi, jiantang].map((r) => keyFigures(r));
    const unknown = { ...figures[0]!, year: null, level: null, region: { ...figures[0]!.region, province: null } };
    const options = searchFilterOptions([...figures, figures[0]!, unknown]);
    expect(options.map((o) => o.name)).toEqual(['年份', '层级', '省份']);
    const counts = Object.fromEntries(options.map((o) => [o.name, o.values.map((v) => `${v.value}:${v.count}`)]));
    const years = [...new Set(figures.map((f) => f.year!))].sort((a, b) => b - a);
    expect(counts['年份']).toEqual([...years.map((y) => `${y}:${[...figures, figures[0]!].filter((f) => f.year === y).length}`), '年份不详:1']);
    expect(counts['层级']!.at(-1)).toBe('未定级:1');
    // Each report counts once per filter, as in the index (a report without a province has no 省份).
    for (const o of options.filter((x) => x.name !== '省份')) expect(o.values.reduce((n, v) => n + v.count, 0)).toBe(4);
    expect(options.find((o) => o.name === '省份')!.values.reduce((n, v) => n + v.count, 0)).toBe(3);
  });
});

describe('formatNumber', () => {
  test('groups digits exactly as Intl does for zh-CN, keeps up to two decimals, — for unknown', () => {
    const intl = new Intl.NumberFormat('zh-CN', { maximumFractionDigits: 2 });
    for (const v of [0, 7, -7, 999, 1000, -1000, 12345, 5863, 1234567, -987654321, Number.MAX_SAFE_INTEGER, 2 ** 60, 111.1, 3020.78, 0.125, -1234.5]) {
      expect(formatNumber(v), String(v)).toBe(intl.format(v));
    }
    expect(formatNumber(-0)).toBe('0');
    expect(formatNumber(null)).toBe('—');
    expect(formatNumber(Number.NaN)).toBe('—');
  });
});
