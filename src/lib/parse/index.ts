import { ReportSchema, type Report, type Section } from '../schema/report.ts';
import type { Warning } from '../schema/warning.ts';
import { checkReport } from './checks.ts';
import { detach } from './memo.ts';
import { readMetrics } from './metrics.ts';
import { decodeBytes, type Encoding } from './read/decode.ts';
import type { Block, Paragraph, SourceDocument } from './read/document.ts';
import { dropInvisible } from './read/invisible.ts';
import { unifyRadicals } from './read/radicals.ts';
import { closeSpacedHan } from './read/spacing.ts';
import { BOOKMARK, readText, splitLines } from './read/text.ts';
import { resolveRegion, restorePlaceSpelling } from './region.ts';
import { isTraditional, simplify } from './script.ts';
import { joinParagraphs, proseLines, splitSections, type SectionSpan } from './sections.ts';
import { slugFor } from './slug.ts';
import { readTables, type TableSpans } from './tables/index.ts';
import { readTitle, writtenAs } from './title.ts';
import { isReport } from './validate.ts';

export interface ReportInput {
  /** The raw file contents; or `text` when already decoded. */
  bytes?: Uint8Array;
  text?: string;
  /** The input path as given (becomes the record's `file`). */
  file: string;
  /** Path relative to the corpus root; its folders may name the region. Defaults to `file`. */
  path?: string;
}

const SECTION_NAMES = ['总体情况', '主动公开政府信息情况', '收到和处理政府信息公开申请情况', '政府信息公开行政复议、行政诉讼情况', '存在的主要问题及改进情况', '其他需要报告的事项'];

/**
 * One raw report → one validated record. Pure: no I/O, never throws on bad input; whatever
 * cannot be read is null and explained in `warnings`.
 */
export function parseReport(input: ReportInput): Report {
  const decoded = input.bytes ? decodeBytes(input.bytes) : { text: input.text ?? '', encoding: 'utf-8' as Encoding, warnings: [], binary: false };
  const original = decoded.text.replace(/^\uFEFF/, '');
  const warnings: Warning[] = [...decoded.warnings];
  // Everything is read from `readable`; the record keeps `original`, as written.
  const { text: unified, replaced: radicals } = unifyRadicals(dropInvisible(original));
  const { text: readable, lines: spacedLines } = closeSpacedHan(unified);
  const traditional = isTraditional(readable);
  const source = {
    encoding: decoded.encoding,
    bytes: input.bytes?.length ?? new TextEncoder().encode(original).length,
    hash: hash(original),
    script: traditional ? ('traditional' as const) : ('simplified' as const),
    layout: 'none' as SourceDocument['layout'],
  };
  const base = emptyReport(input.file, original, source, warnings);
  if (decoded.binary) return base;
  if (!original.trim()) {
    warnings.push({ code: 'EMPTY_FILE', severity: 'error', message: '文件为空。' });
    return base;
  }
  if (radicals) warnings.push({ code: 'RADICALS_UNIFIED', severity: 'info', message: `文中有 ${radicals} 个部首字符（PDF 提取常见，如「⼈」U+2F08），已按对应的汉字读取；原文照录。` });
  if (spacedLines) warnings.push({ code: 'SPACING_CLOSED', severity: 'info', message: `有 ${spacedLines} 行在每两个汉字之间多了空格（PDF 提取常见），已去掉后读取；原文照录。` });
  if (traditional) warnings.push({ code: 'TRADITIONAL_SCRIPT', severity: 'info', message: '报告为繁体中文，已转换为简体后读取；正文按原文显示。' });
  const text = traditional ? simplify(readable) : readable;
  const doc = readText(text, readable);
  source.layout = doc.layout;

  const paragraphs = doc.blocks.filter((b) => b.kind === 'paragraph');
  const title = readTitle(paragraphs, text, warnings);
  const { sections: spans } = splitSections(doc.blocks);
  const tables = readTables(tableSpans(doc.blocks, spans), warnings);

  // A table counts only with a number read: a web page's footer (「电话：0371-1234567」) is not table 4.
  if (!title.title && spans.length < 2 && ![tables.table2, tables.table3, tables.table4].some(anyNumber)) {
    // Not a report: keep only the diagnosis, drop the warnings that follow from it.
    base.warnings = [...decoded.warnings, { code: 'NOT_A_REPORT', severity: 'error', message: '不是政府信息公开工作年度报告：没有报告标题、章节或统计表。' }];
    base.source.layout = doc.layout;
    return base;
  }

  const titleLines = new Set(title.lines);
  const sections = spans.map((s) => sectionOf(s, doc, titleLines));
  for (let n = 1; n <= 6; n++) {
    if (!spans.some((s) => s.number === n)) {
      warnings.push({ code: 'SECTION_MISSING', severity: 'warning', message: `缺少第${'一二三四五六'[n - 1]}部分「${SECTION_NAMES[n - 1]}」。` });
    }
  }
  if (isTruncated(spans, tables)) {
    warnings.push({ code: 'TRUNCATED', severity: 'error', message: '报告不完整：正文在统计表处中断，后续内容缺失。' });
  }

  // Metrics quote sentences as written (simplified script), so read them from the unfolded lines:
  // for a simplified report those are the display lines, bookmarks already cut.
  const plain = traditional ? splitLines(text) : null;
  const written = (p: Paragraph) => (plain ? (plain[p.line - 1] ?? p.text).replace(BOOKMARK, '') : (doc.lines[p.line - 1] ?? p.text));
  const asWritten = (ps: Paragraph[]) => ps.map((p) => ({ text: written(p).trim(), line: p.line }));
  // Section 2 may state the headline count in a sentence above its table; sections 3 and 4 are
  // about requests and appeals.
  const prose = spans
    .filter((s) => s.number !== 3 && s.number !== 4)
    .flatMap((s) => joinWithLines(asWritten(proseLines(s.blocks, s.number === 2))).map((p) => ({ ...p, section: s.title })));
  const metrics = readMetrics(prose.length ? prose : joinWithLines(asWritten(proseLines(doc.blocks, true))), title.year, warnings);
  const checks = checkReport(tables.table3, tables.table4);
  const failed = checks.filter((c) => c.pass === false);
  if (failed.length) {
    warnings.push({
      code: 'CHECK_FAILED',
      severity: 'warning',
      message: `${failed.length} 项勾稽关系不成立：${failed.slice(0, 5).map((c) => c.id).join('、')}${failed.length > 5 ? ' 等' : ''}。`,
    });
  }

  // The record keeps the agency and title, and the slug cache the agency's words: as copies, not
  // as views on the report text (see detach).
  let agency = detach(title.agency);
  const hints = { path: input.path ?? input.file, text };
  let region = resolveRegion(agency, hints);
  const spelled = plain && agency ? writtenAs(agency, title.lines, plain, doc.lines) : null;
  if (agency && spelled) ({ agency, resolved: region } = restorePlaceSpelling(agency, spelled, hints, region));
  warnings.push(...region.warnings);
  const report: Report = {
    ...base,
    agency,
    year: title.year,
    template: tables.template,
    proactiveTotal: metrics.proactiveTotal?.value ?? null,
    title: detach(title.title),
    level: region.level,
    region: region.region,
    slug: slugFor({ agency, region: region.region, year: title.year }),
    table2: tables.table2,
    table3: tables.table3,
    table4: tables.table4,
    sections,
    metrics,
    checks,
    warnings,
  };
  return validated(report);
}

function emptyReport(file: string, text: string, source: Report['source'], warnings: Warning[]): Report {
  return {
    file,
    agency: null,
    year: null,
    template: null,
    proactiveTotal: null,
    title: null,
    level: null,
    region: { province: null, city: null, county: null, township: null, code: null },
    slug: `unparsed-${source.hash.slice(0, 8)}`,
    table2: null,
    table3: null,
    table4: null,
    sections: [],
    metrics: { proactiveTotal: null, requestsReceived: null },
    checks: [],
    warnings,
    source,
    text,
  };
}

/** Table regions: the sections that hold them, or, when a heading is missing, the whole text. */
function tableSpans(blocks: Block[], spans: SectionSpan[]): TableSpans {
  const of = (n: number) => spans.find((s) => s.number === n)?.blocks;
  const t2 = of(2);
  const t3 = of(3);
  const t4 = of(4);
  return { table2: t2 ?? blocks, table3: t3 ?? blocks, table4: t4 ?? (t3 || t2 ? [] : blocks) };
}

function anyNumber(value: unknown): boolean {
  return typeof value === 'number' || (value !== null && typeof value === 'object' && Object.values(value).some(anyNumber));
}

/** The text stops before the prose that follows the tables, and a table is missing or cut. */
function isTruncated(spans: SectionSpan[], tables: { table2: unknown; table3: unknown; table4: unknown }): boolean {
  const last = spans[spans.length - 1]?.number ?? 0;
  return last >= 1 && last <= 4 && (!tables.table2 || !tables.table3 || !tables.table4);
}

function sectionOf(span: SectionSpan, doc: SourceDocument, titleLines: Set<number>): Section {
  const prose = proseLines(span.blocks, span.number >= 2 && span.number <= 4).filter(
    (p) => !titleLines.has(p.line) && p.text !== span.title && !isTitleLike(p.text),
  );
  const display = prose.map((p) => (p.line === span.line ? p.text : (doc.lines[p.line - 1] ?? p.text).trim()));
  const title = detach(span.title);
  return { number: span.number, title, text: joinParagraphs(display).join('\n\n'), line: span.line };
}

/** A repeated or secondary title line (「曹镇乡信息公开工作年度报告」) is not prose. */
function isTitleLike(text: string): boolean {
  return text.length <= 40 && /信息公开.{0,8}(?:报告|年报)$/.test(text.replace(/\s+/g, ''));
}

function joinWithLines(prose: { text: string; line: number }[]): { text: string; line: number }[] {
  // Join hard-wrapped lines so that a figure split across lines is read whole; keep the first line number.
  const out: { text: string; line: number }[] = [];
  const joined = joinParagraphs(prose.map((p) => p.text));
  let k = 0;
  for (const para of joined) {
    out.push({ text: para, line: prose[k]?.line ?? 0 });
    let len = 0;
    while (k < prose.length && len < para.length) len += prose[k++]!.text.trim().length;
  }
  return out;
}

function validated(report: Report): Report {
  // zod runs only for a record the compiled schema rejects, to say why.
  const valid: boolean = isReport(report);
  if (valid) return report;
  const result = ReportSchema.safeParse(report);
  if (result.success) return report;
  report.warnings.push({
    code: 'SCHEMA_INVALID',
    severity: 'error',
    message: `记录不符合数据格式：${result.error.issues.slice(0, 3).map((i) => `${i.path.join('.')} ${i.message}`).join('; ')}`,
  });
  return report;
}

/** 64-bit FNV-1a over UTF-16 code units (two 32-bit lanes): stable, fast, no dependencies. */
function hash(s: string): string {
  let a = 0x811c9dc5;
  let b = 0x01000193 ^ 0x5bd1e995;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    a = Math.imul(a ^ c, 0x01000193);
    b = Math.imul(b ^ c, 0x01000193) ^ (b >>> 15);
  }
  return (a >>> 0).toString(16).padStart(8, '0') + (b >>> 0).toString(16).padStart(8, '0');
}
