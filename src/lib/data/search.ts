import type { Report } from '../schema/report.ts';
import { keyFigures, type KeyFigures } from './figures.ts';
import { LEVEL_LABELS, levelLabel } from './format.ts';
import { proseSections } from './report-view.ts';

// The search index is built from the records, not from the built pages, so it can be built while
// Astro renders (the two take about as long on a 10,000-report site, and this machine has two
// cores) and a rebuild re-indexes only the shard whose records changed.

/** One report as Pagefind indexes it (the argument of `index.addCustomRecord`). */
export interface SearchRecord {
  /** Relative to the site root; Pagefind prefixes the base path the bundle is served from. */
  url: string;
  /** `searchText`, split into words (see `wordSeparated`). */
  content: string;
  language: typeof INDEX_LANGUAGE;
  meta: { title: string };
  filters: Record<string, string[]>;
}

/**
 * What a reader searches: who, which year, the report's title and its prose. Not the tables or
 * their summary: every report has 行政复议 and 政府集中采购 rows, so indexing them would make those
 * queries match every report (the count a journalist reads as "reports that say this") and
 * lengthen the index entries every such query downloads. Level, year and province are filters.
 */
export function searchText(report: Report, f: KeyFigures = keyFigures(report)): string {
  const lines = [searchTitle(f)];
  if (report.title) lines.push(report.title);
  for (const s of proseSections(report)) lines.push(s.title, s.text);
  return lines.join('\n');
}

export function searchRecord(report: Report, f: KeyFigures = keyFigures(report)): SearchRecord {
  return { url: `/reports/${f.slug}/`, content: wordSeparated(searchText(report, f)), language: INDEX_LANGUAGE, meta: { title: searchTitle(f) }, filters: searchFilters(f) };
}

function searchTitle(f: KeyFigures): string {
  return `${f.agency} · ${yearText(f)}年度`;
}

function yearText(f: KeyFigures): string {
  return f.year === null ? '年份不详' : String(f.year);
}

// Chinese is written without spaces between words. Indexed as zh-cn, Pagefind splits the text
// with its own dictionary while its search script splits the query with the browser's
// Intl.Segmenter (ICU), and the two disagree on some words in context: 政府网站 was not found in
// 「报表和政府网站年度报表」. So the index gets the text already split by ICU, the segmenter the
// browser applies to the query (the search page is lang="zh-CN"), under a language Pagefind does
// not split again. The indexer then also needs about half the memory and time.
export const INDEX_LANGUAGE = 'und';
const words = new Intl.Segmenter('zh-CN', { granularity: 'word' });

/**
 * The text's words (and punctuation), as ICU's word segmentation finds them, separated by single
 * spaces; lines separated by 「｜」. Pagefind builds a result's excerpt from these words, and the
 * search page closes the spaces around Chinese again: without a mark where a line ended, a section
 * title ran into its first sentence (「一、总体情况2020年，…」).
 */
export function wordSeparated(text: string): string {
  const lines: string[] = [];
  for (const line of text.split('\n')) {
    const parts: string[] = [];
    for (const { segment } of words.segment(line)) if (segment.trim()) parts.push(segment);
    if (parts.length) lines.push(parts.join(' '));
  }
  return lines.join(` ${LINE_END} `);
}
export const LINE_END = '｜';

/** Year, level and province: what a search can be narrowed by. */
export function searchFilters(f: KeyFigures): Record<string, string[]> {
  const filters: Record<string, string[]> = { 年份: [yearText(f)], 层级: [levelLabel(f.level)] };
  if (f.region.province) filters['省份'] = [f.region.province];
  return filters;
}

/**
 * Every value of every filter with its report count, in display order (years newest first), so
 * the search page offers them as plain form controls and the browser fetches a filter's index
 * only when a reader narrows by it, instead of every filter of every shard before the first result.
 */
export function searchFilterOptions(figures: KeyFigures[]): { name: string; values: { value: string; count: number }[] }[] {
  const counts = new Map<string, Map<string, number>>();
  for (const f of figures) {
    for (const [name, values] of Object.entries(searchFilters(f))) {
      const byValue = counts.get(name) ?? counts.set(name, new Map()).get(name)!;
      for (const v of values) byValue.set(v, (byValue.get(v) ?? 0) + 1);
    }
  }
  // Years newest first and 年份不详 last; levels from province down; provinces in pinyin order.
  const levels: string[] = [...Object.values(LEVEL_LABELS), levelLabel(null)];
  const rank = (name: string, v: string) => (name === '年份' ? -(Number(v) || 0) : name === '层级' ? levels.indexOf(v) : 0);
  return ['年份', '层级', '省份']
    .filter((name) => counts.has(name))
    .map((name) => ({
      name,
      values: [...counts.get(name)!]
        .sort(([a], [b]) => rank(name, a) - rank(name, b) || a.localeCompare(b, 'zh-CN'))
        .map(([value, count]) => ({ value, count })),
    }));
}

/**
 * How many Pagefind indexes a corpus is split into. Pagefind holds every page of an index in
 * memory while writing it (~0.15 GB per 1,000 reports here), so one index per `shardSize` reports
 * bounds the indexer's memory; the browser searches them together (mergeIndex), fetching each
 * shard's small metadata file but the WebAssembly only once.
 */
export function shardCount(reports: number, shardSize = defaultShardSize()): number {
  return Math.max(1, Math.ceil(reports / shardSize));
}

export function defaultShardSize(): number {
  const n = Number(process.env.PAGEFIND_SHARD_SIZE);
  return Number.isInteger(n) && n > 0 ? n : 2500;
}

/** The shard a report's search record lives in: stable while the shard count is, whatever else changes. */
export function shardOf(slug: string, shards: number): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < slug.length; i++) h = Math.imul(h ^ slug.charCodeAt(i), 0x01000193);
  return (h >>> 0) % shards;
}

/** Where shard i is served, relative to the site root: the first is the primary index. */
export function shardPath(i: number): string {
  return i === 0 ? 'pagefind/' : `pagefind/shard-${i}/`;
}
