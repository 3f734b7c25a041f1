import { Converter } from 'opencc-js/t2cn';

/** Traditional forms of characters every report uses (报告, 公开, 情况, 申请, 机关…). */
const TRADITIONAL = ['報', '開', '況', '請', '機', '關', '資', '與', '處', '發', '體', '務', '這', '們', '為'];

let toSimplified: ((s: string) => string) | null = null;

export function isTraditional(text: string): boolean {
  let hits = 0;
  for (const c of TRADITIONAL) if (text.includes(c) && ++hits >= 4) return true;
  return false;
}

/**
 * Traditional → simplified, character and phrase level (OpenCC). Line breaks are untouched, so
 * line numbers found in the converted text point at the same lines of the original.
 */
export function simplify(text: string): string {
  toSimplified ??= Converter({ from: 'tw', to: 'cn' });
  return toSimplified(text);
}
