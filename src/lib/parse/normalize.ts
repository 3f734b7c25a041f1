/**
 * Character-level normalisation for parsing (never for display): full-width ASCII folded to
 * half-width, exotic spaces to plain spaces, zero-width characters dropped. Width folding keeps
 * the string length, so offsets stay valid.
 */
export function foldWidth(s: string): string {
  let out = '';
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 0xff01 && c <= 0xff5e) out += String.fromCharCode(c - 0xfee0);
    else if (c === 0x3000 || c === 0xa0 || (c >= 0x2000 && c <= 0x200a) || c === 0x202f) out += ' ';
    else if (c === 0x200b || c === 0xfeff || c === 0x200c || c === 0x200d) out += '';
    else out += s[i];
  }
  return out;
}

const NUMBERING = /^(?:[一二三四五六七八九十]+[、.．]|[(（][一二三四五六七八九十\d]+[)）]|\d+[、.．](?!\d))/;
const PUNCT = /[\s()（）“”"'‘’、，,.。：:；;\-—_/／|【】[\]《》<>·・]/g;

/**
 * A label reduced to its words: numbering (一、 （三） 2.), spaces and punctuation removed.
 * Row labels are matched on this form, so 「（二）部分公开 (区分处理的, 只计…)」 and
 * 「(二) 部分公开（区分处理的，只计…）」 compare equal.
 */
export function labelKey(s: string): string {
  let t = foldWidth(s).trim();
  for (let i = 0; i < 2; i++) t = t.replace(NUMBERING, '').trimStart();
  return t.replace(PUNCT, '');
}

export type CellValue =
  | { kind: 'number'; value: number; unit: string | null }
  | { kind: 'empty' }
  | { kind: 'text' };

const UNIT = /(万元|亿元|元|件|条|个|项|次|人次|人|家|份|篇|宗)$/;
const NUMBER = /^[+-]?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?$/;

/**
 * Reads one table cell. Thousands separators, full-width digits, signs (+3, －2, 增3, 减1),
 * stray spaces and a trailing unit are accepted; anything else is not a number.
 */
export function readCell(raw: string): CellValue {
  let t = foldWidth(raw).replace(/\s+/g, '');
  if (t === '') return { kind: 'empty' };
  t = t.replace(/，/g, ',').replace(/[−–－]/g, '-');
  let unit: string | null = null;
  const u = UNIT.exec(t);
  if (u && u.index > 0) {
    unit = u[1]!;
    t = t.slice(0, u.index);
  }
  let sign = 1;
  const word = /^(增加|减少|增|减)/.exec(t);
  if (word && t.length > word[0].length) {
    sign = word[0].startsWith('减') ? -1 : 1;
    t = t.slice(word[0].length);
  }
  if (!NUMBER.test(t)) return { kind: 'text' };
  const value = sign * Number(t.replace(/,/g, ''));
  return Number.isFinite(value) ? { kind: 'number', value, unit } : { kind: 'text' };
}
