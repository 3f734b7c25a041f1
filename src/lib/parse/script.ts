import { Converter } from 'opencc-js/t2cn';
import { memo } from './memo.ts';

/** Traditional forms of characters every report uses (报告, 公开, 情况, 申请, 机关…). */
const TRADITIONAL = ['報', '開', '況', '請', '機', '關', '資', '與', '處', '發', '體', '務', '這', '們', '為'];

const ANY_TRADITIONAL = new RegExp(`[${TRADITIONAL.join('')}]`);

let convert: ((s: string) => string) | null = null;
let convertLine: ((s: string) => string) | null = null;

export function isTraditional(text: string): boolean {
  // One scan decides for the simplified reports, which have none of these characters.
  if (!ANY_TRADITIONAL.test(text)) return false;
  let hits = 0;
  for (const c of TRADITIONAL) if (text.includes(c) && ++hits >= 4) return true;
  return false;
}

// OpenCC ties an ideographic description sequence (⿰…) to the characters after it, across a line break.
const IDS = /[\u2ff0-\u2fff]/;

/**
 * Traditional → simplified, character and phrase level (OpenCC). Line breaks are untouched, so
 * line numbers found in the converted text point at the same lines of the original.
 *
 * No OpenCC phrase spans a line break, so converting line by line gives the same text as
 * converting it whole; lines are memoised because reports share the template's wording (table
 * labels, headings, standard sentences), and OpenCC's phrase matching is slow.
 */
export function simplify(text: string): string {
  convert ??= Converter({ from: 'tw', to: 'cn' });
  convertLine ??= memo(convert, Infinity);
  if (IDS.test(text)) return convert(text);
  return text.split('\n').map(convertLine).join('\n');
}
