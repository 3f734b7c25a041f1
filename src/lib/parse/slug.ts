import { pinyin } from 'pinyin-pro';
import type { Region } from '../schema/report.ts';

const SUFFIX = /(特别行政区|新区|维吾尔自治区|壮族自治区|回族自治区|自治区|自治州|自治县|自治旗|地区|街道办事处|街道|省|市|县|区|旗|盟|镇|乡|苏木)$/;

/**
 * Stable, readable URL id: the pinyin of the region path, the body when it is not the place's
 * own government, and the year — `anhui-bengbu-wuhe-wuqiao-2020`, `henan-shangqiu-xiayi-jiaoyuju-2020`.
 */
export function slugFor(input: { agency: string | null; region: Region; year: number | null }): string {
  const { agency, region, year } = input;
  const places = [region.province, region.city === region.province ? null : region.city, region.county, region.township].filter(
    (p): p is string => p !== null,
  );
  let body = (agency ?? '').replace(/\s+/g, '');
  // The body's own words after its place names: 「夏邑县教育局」 → 教育局; a government adds nothing.
  for (const p of places) body = body.includes(p) ? body.slice(body.indexOf(p) + p.length) : body;
  body = body.replace(/^(人民政府|政府)$/, '').replace(/^(街道)?办事处$/, '');
  if (places.length === 0 && !body) body = 'unknown';
  const parts = [...places.map(placeSlug), body ? placeSlug(body.replace(/人民政府$/, '')) : null, year === null ? 'unknown' : String(year)];
  return parts.filter(Boolean).join('-').slice(0, 80).replace(/-+$/, '');
}

/** URL segment for a place name: toneless pinyin without the administrative suffix (河南省 → henan). */
export function placeSlug(name: string): string {
  const core = name.length > 2 ? name.replace(SUFFIX, '') : name;
  let s = cache.get(core);
  if (s === undefined) {
    if (cache.size > 50_000) cache.clear();
    s =
      pinyin(core, { toneType: 'none', type: 'array', nonZh: 'consecutive' })
        .join('')
        .toLowerCase()
        .replace(/ü/g, 'v')
        .replace(/[^a-z0-9]+/g, '') || 'x';
    cache.set(core, s);
  }
  return s;
}
const cache = new Map<string, string>();

/** Makes slugs unique in input order: later duplicates get -2, -3, … never reusing a slug already taken. */
export function uniqueSlugs(slugs: string[]): string[] {
  const taken = new Set(slugs);
  const seen = new Set<string>();
  return slugs.map((s) => {
    if (!seen.has(s)) {
      seen.add(s);
      return s;
    }
    let n = 2;
    while (taken.has(`${s}-${n}`) || seen.has(`${s}-${n}`)) n++;
    const out = `${s}-${n}`;
    seen.add(out);
    return out;
  });
}
