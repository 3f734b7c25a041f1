import { Converter } from 'opencc-js/t2cn';

/** Characters common in these reports whose simplified form differs: enough to tell the script. */
const TRADITIONAL = new Set('這個們來為於與開關資報區縣鄉鎮處會機構務請數據應條總計復訴審結體國項發廢規範許強過經當時實現將無說讀單錢產業質樣門戶網頁統圍員領導續辦證確權聯標準態議舉護屬級類級費購買額維訂歷決書環');

let toSimplified: ((s: string) => string) | null = null;

export function isTraditional(text: string): boolean {
  let hits = 0;
  const n = Math.min(text.length, 4000);
  for (let i = 0; i < n; i++) if (TRADITIONAL.has(text[i]!) && ++hits >= 8) return true;
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
