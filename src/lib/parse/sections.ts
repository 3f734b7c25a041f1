import { foldWidth } from './normalize.ts';
import type { Block, Paragraph } from './read/document.ts';

export interface SectionSpan {
  number: number;
  title: string;
  line: number;
  /** Blocks after the heading, up to the next section. */
  blocks: Block[];
}

const NUMERALS = '一二三四五六';
/** What each numbered heading is about; table 3 rows (一、本年新收…) share the numbering but not the words. */
// A heading wrapped at the page width keeps only its first words (「四、政府信息公开行政复」/「议、…」).
const TOPICS = [/总体情况|概述|基本情况|总体/, /主动公开/, /收到和处理|依申请|申请情况/, /复议|诉讼|行政复$/, /问题|改进|不足/, /其他|其它/];
const HEADING = /^(?:第)?([一二三四五六])(?:部分)?\s*[、.,，．:：]\s*(.+)$|^第([一二三四五六])部分\s*(.+)$/;

/**
 * Splits the document at the six numbered headings. Headings must come in order; a heading
 * may be missing (its section is then absent) and a repeated heading stays inside its section.
 */
export function splitSections(blocks: Block[]): { preamble: Block[]; sections: SectionSpan[] } {
  const sections: SectionSpan[] = [];
  const preamble: Block[] = [];
  for (const b of blocks) {
    const h = headingOf(b);
    const last = sections[sections.length - 1];
    if (h && h.number > (last?.number ?? 0)) {
      sections.push({ number: h.number, title: h.title, line: b.line, blocks: h.rest ? [{ kind: 'paragraph', text: h.rest, line: b.line }] : [] });
    } else if (last) last.blocks.push(b);
    else preamble.push(b);
  }
  return { preamble, sections };
}

/**
 * The six titles as the template words them (and common rewordings), without 的, spaces and
 * punctuation. A heading numbered otherwise (（一）总体情况, 1、总体情况) or not at all (Word's automatic
 * numbering is lost in extraction) is taken only when it is one of these whole: （六）其他处理 and
 * （二）依申请公开情况 are rows and sub-headings, not sections.
 */
const STANDARD_TITLES = new Map(
  [
    [1, ['总体情况', '概述', '总体情况概述']],
    [2, ['主动公开政府信息情况', '主动公开政府信息工作情况']],
    [3, ['收到和处理政府信息公开申请情况']],
    [4, ['政府信息公开行政复议行政诉讼情况', '政府信息公开行政复议和行政诉讼情况', '行政复议行政诉讼情况', '政府信息公开行政复议及行政诉讼情况']],
    [5, ['存在主要问题及改进情况', '存在主要问题和改进情况', '主要问题及改进情况', '存在问题及改进情况', '存在主要问题及改进措施']],
    [6, ['其他需要报告事项', '其它需要报告事项']],
  ].flatMap(([n, titles]) => (titles as string[]).map((t) => [t, n as number] as const)),
);
const OTHER_NUMBERING = /^(?:[（(]([一二三四五六])[)）]|([1-6１-６])\s*[、.．])\s*(.+)$/;
const TITLE_END = /[况项述施][:：。.]?$/;

function standardNumber(title: string): number | undefined {
  return STANDARD_TITLES.get(title.replace(/[\s的、，,.。．:：]/g, ''));
}

function headingOf(b: Block): { number: number; title: string; rest: string } | null {
  const text = b.kind === 'paragraph' ? b.text : b.rows.length === 1 && b.rows[0]!.cells.filter((c) => c.text).length === 1 ? b.rows[0]!.cells.find((c) => c.text)!.text : null;
  if (!text) return null;
  const trimmed = text.trim();
  // Every heading starts with 第 or its numeral; most blocks are spared the regex.
  const first = trimmed.charAt(0);
  if (first !== '第' && (first === '' || !NUMERALS.includes(first))) return trimmed.length <= 30 ? otherHeading(trimmed) : null;
  const m = HEADING.exec(trimmed);
  if (!m) return null;
  const number = NUMERALS.indexOf(m[1] ?? m[3]!) + 1;
  const body = (m[2] ?? m[4]!).trim();
  if (!TOPICS[number - 1]!.test(body)) return null;
  if (body.length <= 40) return { number, title: trimmed, rest: '' };
  // 「一、总体情况 2020年，我镇…」: a heading run together with its first sentence.
  const words = /^(?:[^，。,]{0,24}?(?:情况|事项))/.exec(body);
  return words ? { number, title: trimmed.slice(0, trimmed.length - body.length + words[0].length), rest: body.slice(words[0].length).trim() } : null;
}

/** A heading numbered （一） or 1、, or not numbered: only a standard title, whole, and with its own number. */
function otherHeading(trimmed: string): { number: number; title: string; rest: string } | null {
  // Every standard title ends in 况, 项, 述 or 施 (a colon or a full stop may follow): most short lines are spared the rest.
  if (!TITLE_END.test(trimmed)) return null;
  const m = OTHER_NUMBERING.exec(trimmed);
  const number = standardNumber(m ? m[3]! : trimmed);
  const written = m ? (m[1] ? NUMERALS.indexOf(m[1]) + 1 : Number(foldWidth(m[2]!))) : number;
  if (number === undefined || written !== number) return null;
  return { number, title: trimmed, rest: '' };
}

/** Prose of a block list in reading order (tables skipped), as display lines with their numbers. */
export function proseLines(blocks: Block[], onlySentences: boolean): Paragraph[] {
  return blocks.filter((b): b is Paragraph => b.kind === 'paragraph' && (!onlySentences || isSentence(b.text)));
}

/** Prose inside a table section: a sentence, not a header row or the table's own notes. */
function isSentence(text: string): boolean {
  return text.length >= 20 && /。|[，,].{12,}/.test(text) && !/勾稽|信息内容|单位[:：]/.test(text);
}

/**
 * Joins lines into paragraphs. PDF extraction wraps prose at a fixed width, so a line that fills
 * the width and does not end a sentence continues on the next line; list items start afresh.
 */
export function joinParagraphs(lines: string[]): string[] {
  const width = wrapWidth(lines);
  const out: string[] = [];
  // The paragraph so far as its lines, its length and its last line: testing the end of a
  // growing concatenation would copy it once per line.
  let parts: string[] = [];
  let length = 0;
  let last = '';
  for (const raw of lines) {
    const line = raw.trim();
    if (!line) continue;
    // A number cut by the wrap (「…政府信息2,3」/「47条…」) always continues.
    const splitNumber = length > 0 && SPLIT_NUMBER_END.has(last.charCodeAt(last.length - 1)) && isDigit(line.charCodeAt(0));
    if (length > 0 && !splitNumber && (endsParagraph(last, length, width) || startsItem(line))) {
      out.push(parts.join(''));
      parts = [];
      length = 0;
    }
    parts.push(line);
    length += line.length;
    last = line;
  }
  if (length > 0) out.push(parts.join(''));
  return out;
}

const SPLIT_NUMBER_END = new Set([...'0123456789,，'].map((c) => c.charCodeAt(0)));

function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}

function wrapWidth(lines: string[]): number {
  const lengths = lines.map((l) => l.trim().length).filter((n) => n > 0).sort((a, b) => a - b);
  return lengths.length >= 4 ? lengths[Math.floor(lengths.length * 0.9)]! : Infinity;
}

/** Whether a paragraph of `length` characters ending with the line `last` is complete. */
function endsParagraph(last: string, length: number, width: number): boolean {
  if (SENTENCE_END.has(last.charCodeAt(last.length - 1))) return true;
  return length < width * 0.85 || width < 25;
}
const SENTENCE_END = new Set([...'。！？!?；;：:…”」』）)'].map((c) => c.charCodeAt(0)));

function startsItem(line: string): boolean {
  return /^(?:[一二三四五六七八九十]+[、.．]|[(（][一二三四五六七八九十\d]+[)）]|\d+[、.．](?!\d)|[一二三四五六七八九十]是)/.test(line);
}
