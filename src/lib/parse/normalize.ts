import { memo } from './memo.ts';

/**
 * Character-level normalisation for parsing (never for display): full-width ASCII folded to
 * half-width, exotic spaces to plain spaces, zero-width characters dropped. Width folding keeps
 * the string length, so offsets stay valid.
 */
export function foldWidth(s: string): string {
  const first = WIDE.exec(s);
  if (!first) return s;
  // A loop over the characters from the first one to fold: a report has dozens (，（）：), and a
  // replace callback per character costs more than the rest of the work.
  const parts: string[] = [];
  let from = 0;
  for (let i = first.index; i < s.length; i++) {
    const c = s.charCodeAt(i);
    // ASCII and the CJK blocks between U+3000 and U+FEFF (most of a report) fold to themselves.
    if (c < 0xa0 || (c > 0x3000 && c < 0xfeff)) continue;
    let folded: string;
    if (c >= 0xff01 && c <= 0xff5e) folded = HALF_WIDTH[c - 0xff01]!;
    else if (c === 0x200b || c === 0x200c || c === 0x200d || c === 0xfeff) folded = '';
    else if (c === 0x3000 || c === 0xa0 || (c >= 0x2000 && c <= 0x200a) || c === 0x202f) folded = ' ';
    else continue;
    parts.push(s.slice(from, i), folded);
    from = i + 1;
  }
  parts.push(s.slice(from));
  return parts.join('');
}

const WIDE = /[\uff01-\uff5e\u3000\u00a0\u2000-\u200d\u202f\ufeff]/;
const HALF_WIDTH = Array.from({ length: 0xff5e - 0xff01 + 1 }, (_, i) => String.fromCharCode(0x21 + i));

const NUMBERING = /^(?:[一二三四五六七八九十]+[、.．]|[(（][一二三四五六七八九十\d]+[)）]|\d+[、.．)）](?!\d)|[①-⑳])/;
// Footnote marks (总计*, 总计※) are punctuation too.
const PUNCT = /[\s()（）“”"'‘’、，,.。：:；;\-—_/／|【】[\]《》<>·・*※]/g;

/**
 * A label reduced to its words: numbering (一、 （三） 2. 3) ③), bracketed notes, spaces and punctuation removed.
 * Row labels are matched on this form, so 「（二）部分公开 (区分处理的, 只计…)」 and
 * 「(二) 部分公开（区分处理的，只计…）」 compare equal.
 */
export function labelKey(s: string): string {
  let t = foldWidth(s).trim();
  for (let i = 0; i < 2; i++) t = t.replace(NUMBERING, '').trimStart();
  // Provinces annotate labels: 「规章（设区的市、自治州人民政府应提供相关数据）」 is still 规章.
  const core = t.replace(PARENTHETICAL, '').replace(PUNCT, '');
  return core || t.replace(PUNCT, '');
}

const PARENTHETICAL = /[(（][^()（）]*[)）]/g;

export type CellValue =
  | { kind: 'number'; value: number; unit: string | null }
  | { kind: 'empty' }
  | { kind: 'text' };

// A unit may be bracketed (111.1（万元）); a bare 万 multiplies (1.2万 is 12,000; 111.1万 in an amount column is 111.1 万元).
const UNIT = /\(?(万元|亿元|元|万|件|条|个|项|次|人次|人|家|份|篇|宗)\)?$/;
const DIGIT = /[\d\uff10-\uff19]/;
const EMPTY: CellValue = { kind: 'empty' };
const TEXT: CellValue = { kind: 'text' };
const NUMBER = /^[+-]?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?$/;

/**
 * Reads one table cell. Thousands separators, full-width digits, signs (+3, －2, 增3, 减1, 新增3,
 * ↑3, ↓2, 3（增）),
 * stray spaces and a trailing unit are accepted; anything else is not a number.
 */
export function readCell(raw: string): CellValue {
  if (isPlainNumber(raw)) return { kind: 'number', value: Number(raw), unit: null };
  return readOther(raw);
}

// Other cells are mostly the template's labels, the same from report to report.
const readOther = memo((raw: string): CellValue => {
  if (!DIGIT.test(raw)) return /^\s*$/.test(raw) ? EMPTY : TEXT;
  let t = foldWidth(raw).replace(/\s+/g, '');
  if (t === '') return EMPTY;
  t = t.replace(/，/g, ',').replace(/[−–－﹣‐‑]/g, '-').replace(/^[¥￥]/, '');
  let unit: string | null = null;
  const u = UNIT.exec(t);
  if (u && u.index > 0) {
    unit = u[1]!;
    t = t.slice(0, u.index);
  }
  let sign = 1;
  const word = /^(增加|减少|新增|增|减|↑|↓)/.exec(t) ?? /[(（](增|减)[)）]$/.exec(t);
  if (word && t.length > word[0].length) {
    sign = /减|↓/.test(word[0]) ? -1 : 1;
    t = word.index === 0 ? t.slice(word[0].length) : t.slice(0, word.index);
  }
  if (!NUMBER.test(t)) return TEXT;
  let value = sign * Number(t.replace(/,/g, ''));
  if (unit === '万') value = Number((value * 10000).toFixed(6));
  return Number.isFinite(value) ? { kind: 'number', value, unit } : TEXT;
});

/** 1 to 15 ASCII digits, the common cell, checked without a regular expression. */
export function isPlainNumber(s: string): boolean {
  if (s.length === 0 || s.length > 15) return false;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 48 || c > 57) return false;
  }
  return true;
}
