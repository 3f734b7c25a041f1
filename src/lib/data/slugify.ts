import { pinyin } from 'pinyin-pro';

const SUFFIX = /(省|市|自治区|特别行政区|自治州|地区|盟|自治县|自治旗|县|区|旗|镇|乡|街道|苏木)$/;

/** URL segment for a place name: toneless pinyin without the administrative suffix (河南省 → henan). */
export function placeSlug(name: string): string {
  const core = name.length > 2 ? name.replace(SUFFIX, '') : name;
  const s = pinyin(core, { toneType: 'none', type: 'array', nonZh: 'consecutive' })
    .join('')
    .toLowerCase()
    .replace(/ü/g, 'v')
    .replace(/[^a-z0-9]+/g, '');
  return s || 'x';
}

/** Makes ids unique within one namespace by suffixing -2, -3, … in first-come order. */
export function uniqueIds(): (id: string) => string {
  const seen = new Map<string, number>();
  return (id) => {
    const n = (seen.get(id) ?? 0) + 1;
    seen.set(id, n);
    return n === 1 ? id : `${id}-${n}`;
  };
}
