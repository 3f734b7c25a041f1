import type { Warning } from '../schema/warning.ts';
import type { Paragraph } from './read/document.ts';

export interface TitleInfo {
  title: string | null;
  agency: string | null;
  year: number | null;
  /** Lines the title occupies, so that sections can leave them out. */
  lines: number[];
}

const REPORT = /(?:信息|政务)公开.{0,8}(?:报告|年报)/;
const YEAR = /(\d{4})\s*年/;
/** A year that is not the start of a date (「发布时间：2023年01月20日」 above a title is not part of it). */
const YEAR_NOT_DATE = /\d{4}\s*年(?!\s*\d{1,2}\s*月)/;

/**
 * The title names the body and the year: 「五河县武桥镇人民政府2020年度政府信息公开工作年度报告」.
 * Extraction splits it over lines (「建塘镇人民政府2020年度政府」/「信息公开工作报告」), puts the
 * body on its own line above, or places it after the first heading; so the title is assembled
 * from neighbouring short lines around the first line that looks like it.
 */
export function readTitle(paragraphs: Paragraph[], fullText: string, warnings: Warning[]): TitleInfo {
  // A web page's navigation and metadata can fill the first fifteen lines.
  const head = paragraphs.slice(0, 25);
  let title: string | null = null;
  let lines: number[] = [];
  // A title without a year, kept in case no title with one follows.
  let yearless: { title: string; lines: number[] } | null = null;
  for (let at = 0; at < head.length && !title; at++) {
    // A title may be quoted whole: 「《…年度报告》」.
    const first = compact(head[at]!.text).replace(/^《([^《》]+)》$/, '$1');
    if (first.length > 80 || /[。；>》]$|>/.test(first)) continue;
    // The line that names the report, or one that starts it with the year (「…人民政府2022年度」/「政府信息公开工作」/「年度报告」).
    const startsTitle = () => YEAR_NOT_DATE.test(first) && first.length <= 30 && REPORT.test(first + head.slice(at + 1, at + 3).map((p) => compact(p.text)).join(''));
    if (!REPORT.test(first) && !/\d{4}\s*年度?\s*(?:政府|政务)?(?:信息)?公开/.test(first) && !startsTitle()) continue;
    let from = at;
    let to = at;
    let text = first.replace(/^(?:标题|名称|信息名称|文件名称|题名)[:：]?/, '');
    while (!/报告|年报/.test(text) && to + 1 < head.length && to - at < 2 && head[to + 1]!.text.length <= 30) text += compact(head[++to]!.text);
    const prev = head[from - 1];
    if ((/^(?:关于)?\d{4}/.test(text) || !YEAR.test(text)) && prev && isBodyLine(prev.text) && !agencyOf(text)) {
      text = compact(prev.text) + text;
      from--;
    }
    if (!/报告|年报/.test(text)) continue;
    // A breadcrumb or a running header names the report but not its year, and a news headline
    // (「…召开2021年政务公开工作推进会」) is not a report: keep looking, and fall back on the first
    // yearless title at the top of the text.
    if (!YEAR.test(text) && at + 1 < head.length) {
      if (!yearless && at < 3) yearless = { title: text, lines: head.slice(from, to + 1).map((p) => p.line) };
      continue;
    }
    title = text;
    lines = head.slice(from, to + 1).map((p) => p.line);
  }
  if (!title && yearless) ({ title, lines } = yearless);
  let agency = title ? agencyOf(title) : null;
  // A title without the body (「关于2022年度政府信息公开工作年度报告」) leaves the line under it
  // (「2020年政府信息公开工作年度报告」/「夏邑县人民政府」), then the signature.
  if (title && !agency) agency = bodyBelow(head, lines) ?? signatureOf(paragraphs);
  let year = title ? yearOf(title) : null;
  if (year === null) year = yearFromText(fullText);
  if (!title) warnings.push({ code: 'AGENCY_MISSING', severity: 'warning', message: '未找到报告标题，无法确定报告机关。' });
  else if (!agency) warnings.push({ code: 'AGENCY_MISSING', severity: 'warning', message: `标题中没有机关名称：「${title}」。`, raw: title });
  if (year === null) warnings.push({ code: 'YEAR_MISSING', severity: 'warning', message: '标题和正文中都没有可确定的报告年度。' });
  return { title, agency, year, lines };
}

/**
 * A piece of the title (the agency) as the original lines spell it, when the report was converted
 * from traditional script: `converted` and `original` are the text's lines in both scripts, and
 * the title's lines must convert character for character (same length), else null.
 */
export function writtenAs(part: string, titleLines: number[], converted: string[], original: string[]): string | null {
  const join = (lines: string[]) => compact(titleLines.map((n) => lines[n - 1] ?? '').join(''));
  const c = join(converted);
  const o = join(original);
  const at = c.indexOf(part);
  return at >= 0 && c.length === o.length ? o.slice(at, at + part.length) : null;
}

/** Titles are compared without spaces, and with a year in Chinese numerals (二〇二一年, 二O二二年) as digits. */
function compact(s: string): string {
  return s.replace(/\s+/g, '').replace(/[〇○零OＯ0一二三四五六七八九]{4}(?=年)/g, (y) => (/[一二三四五六七八九]/.test(y) ? [...y].map((c) => '一二三四五六七八九'.indexOf(c) + 1).join('') : y));
}

/** A line that can be the body's name above a title that starts with the year. */
function isBodyLine(s: string): boolean {
  const t = compact(s);
  return t.length >= 2 && t.length <= 30 && !/[。，；：:]/.test(t) && !/^[一二三四五六七八九十]+、/.test(t);
}

/** The title minus its year and the words for the report itself: 「…关于2022年度政府信息公开工作年度报告」 → 「…」. */
function agencyOf(title: string): string | null {
  const t = title.replace(/[（(]?(?:关于)?\d{4}\s*年度?[）)]?/, '');
  // The 公开 that opens the report's name (…公开工作年度报告), not one in the body's (沂南县信息公开办公室).
  let agency = (/^(.*?)(?:政务|政府)?(?:信息)?公开(?=.{0,8}(?:报告|年报))/.exec(t) ?? /^(.*?)(?:政务|政府)?(?:信息)?公开/.exec(t))?.[1] ?? '';
  // A notice that publishes the report (「…人民政府办公室关于印发夏邑县2020年…年度报告的通知」) is
  // not the report's body: the body named after 关于印发 is.
  const published = /关于(?:印发|发布|公布)(.+)$/.exec(agency)?.[1];
  if (published && published.length >= 2) agency = published;
  agency = agency
    .replace(/关于(?:印发|发布|公布)?$|的$/, '')
    .replace(/^关于/, '')
    .replace(/^【([^【】]+)】$/, '$1')
    // 「杭州市公安局——2025年…」, 「…局：2025年…」, 「…局 - 2025年…」
    .replace(/[\s—–\-－:：·•|｜]+$/, '')
    // Titles are read width-folded; a body's name is written with full-width brackets.
    .replace(/\(/g, '（')
    .replace(/\)/g, '）');
  // A portal listing many bodies' reports names the body after the title: 「…年度报告（夏邑县交通运输局）」.
  if (agency.length < 2) {
    const named = /[（(]([^（()）]{2,30})[）)]$/.exec(t)?.[1] ?? '';
    if (BODY_END.test(named)) agency = named;
  }
  if (agency.endsWith('人民')) agency += '政府';
  return agency.length >= 2 ? agency : null;
}

/** How the name of a government body ends. */
const BODY_END = /(?:政府|局|委员会|委|办公室|办|厅|院|中心|镇|乡|街道|办事处|部|署|馆|站|所|处|会|队|区|县|市)$/;
const DATE_LINE = /^\d{4}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日$/;

/** A body's name alone on the line right under the title. */
function bodyBelow(head: Paragraph[], titleLines: number[]): string | null {
  const last = titleLines.at(-1);
  const next = head.find((p) => last !== undefined && p.line > last);
  if (!next || !isBodyLine(next.text)) return null;
  // A web page's metadata line names it too: 「发布机构：夏邑县人民政府」 (a colon fails isBodyLine; a space does not).
  const name = compact(next.text).replace(/^(?:信息来源|来源|发布机构|发布单位|发文机关)/, '');
  return BODY_END.test(name) && !/\d/.test(name) ? name : null;
}

/** The body that signs the report: a short name on the line above the closing date, near the end. */
function signatureOf(paragraphs: Paragraph[]): string | null {
  const tail = paragraphs.slice(-6);
  for (let i = tail.length - 1; i > 0; i--) {
    if (!DATE_LINE.test(compact(tail[i]!.text))) continue;
    const name = compact(tail[i - 1]!.text);
    return isBodyLine(name) && BODY_END.test(name) ? name : null;
  }
  return null;
}

function yearOf(title: string): number | null {
  const m = YEAR.exec(title);
  const y = m ? Number(m[1]) : NaN;
  return y >= 2008 && y <= 2100 ? y : null;
}

/** The statistical period 「自2020年1月1日起至2020年12月31日止」 names the year when the title does not. */
function yearFromText(text: string): number | null {
  // The statistical period: 「2022年1月1日起至2022年12月31日止」, 「2022年1月1日至12月31日」.
  const period = /(\d{4})\s*年\s*1\s*月\s*1\s*日.{0,6}?(?:至|到|-|—)\s*(?:(\d{4})\s*年\s*)?12\s*月\s*31\s*日/.exec(text);
  if (period && (period[2] === undefined || period[1] === period[2])) return Number(period[1]);
  // A paragraph that opens on the year (「2022年，我镇…」), when the closing date does not contradict
  // it: reports are signed in the year they cover or early in the next.
  const opening = /(?:^|\n)\s*(\d{4})\s*年度?\s*[，,]/.exec(text);
  if (!opening) return null;
  const year = Number(opening[1]);
  const signed = [...text.matchAll(/(?:^|\n)\s*(\d{4})\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日\s*(?=\n|$)/g)].at(-1);
  const signedYear = signed ? Number(signed[1]) : null;
  return signedYear === null || signedYear === year || signedYear === year + 1 ? year : null;
}
