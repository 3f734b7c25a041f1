import { pinyin } from 'pinyin-pro';
import type { Region } from '../schema/report.ts';
import { ALIASES, stemOf, SUFFIX_AFTER_STEM, SYSTEM_PREFIX } from './region/names.ts';

const MAX = 80;

/**
 * Stable, readable URL id: the pinyin of the region path, the body when it is not the place's
 * own government, and the year — `anhui-bengbu-wuhe-wuqiao-2020`, `henan-shangqiu-xiayi-jiaoyuju-2020`.
 * Municipalities appear once (`shanghai-pudong-2020`); an unresolved body is spelled out whole.
 */
export function slugFor(input: { agency: string | null; region: Region; year: number | null }): string {
  const { agency, region, year } = input;
  const places = [region.province, region.city === region.province ? null : region.city, region.county, region.township].filter(
    (p): p is string => p !== null,
  );
  const body = bodyWords((agency ?? '').replace(/\s+/g, ''), places, region.code);
  const head = places.map(placeSlug);
  const tail = year === null ? 'unknown' : String(year);
  let own = body ? placeSlug(body) : places.length ? '' : 'unknown';
  const fixed = [...head, tail].join('-').length + 1;
  // A long body is cut, and told apart from other bodies cut the same way by a hash of its full name.
  if (own && fixed + own.length > MAX) own = `${own.slice(0, Math.max(1, MAX - fixed - 8))}-${hash(body)}`;
  return [...head, own, tail]
    .filter(Boolean)
    .join('-')
    .slice(0, MAX)
    .replace(/-+$/, '');
}

/** The body's own words after its place names: 「夏邑县教育局」 → 教育局; a government adds nothing. */
function bodyWords(agency: string, places: string[], code: string | null): string {
  // The system stays: 中共夏邑县委 and 夏邑县委员会 are different bodies.
  const system = SYSTEM_PREFIX.exec(agency)?.[0] ?? '';
  let body = agency.slice(system.length);
  for (const [alias, aliasCode] of ALIASES) if (code?.startsWith(aliasCode) && body.startsWith(alias)) body = body.slice(alias.length);
  // Longest first, and each place once: 郑州经济技术开发区 must go whole, not as 郑州 (the city's stem) and a remainder.
  const left = places.slice();
  for (;;) {
    let best = 0;
    let which = -1;
    for (let k = 0; k < left.length; k++) {
      const len = placePrefix(body, left[k]!);
      if (len > best) [best, which] = [len, k];
    }
    if (which < 0) {
      // 「宁波市江北区人民政府庄桥街道办事处」: the county's government between two place names.
      const after = body.startsWith('人民政府') ? body.slice(4) : '';
      if (after && left.some((p) => placePrefix(after, p) > 0)) {
        body = after;
        continue;
      }
      break;
    }
    body = body.slice(best);
    left.splice(which, 1);
  }
  body = body.replace(/^(人民政府|政府)$/, '').replace(/^(街道)?办事处$/, '');
  return body && system + body;
}

/** Length of the place name at the start of `body`, as the gazetteer writes it or with another suffix (偃师市 for 偃师区) or none. */
function placePrefix(body: string, place: string): number {
  if (body.startsWith(place)) return place.length;
  const stem = stemOf(place)?.stem;
  if (!stem || !body.startsWith(stem)) return 0;
  return stem.length + (SUFFIX_AFTER_STEM.exec(body.slice(stem.length))?.[0].length ?? 0);
}

// Only the suffix goes: the ethnic part of an autonomous place stays (迪庆藏族自治州 → diqingzangzu),
// as published region URLs already spell it.
const SUFFIX = /(特别行政区|新区|林区|维吾尔自治区|壮族自治区|回族自治区|自治区|自治州|自治县|自治旗|地区|街道办事处|街道|办事处|省|市|县|区|旗|盟|镇|乡|苏木)$/;

/** URL segment for a place name: toneless pinyin without the administrative suffix (河南省 → henan). */
export function placeSlug(name: string): string {
  const bare = name.replace(/(人民政府|政府)$/, '') || name;
  const core = bare.length > 2 ? bare.replace(SUFFIX, '') : bare;
  let s = cache.get(core);
  if (s === undefined) {
    if (cache.size > 50_000) cache.clear();
    s =
      SPELLED.get(core) ??
      (pinyin(core, { toneType: 'none', type: 'array', nonZh: 'consecutive' })
        .join('')
        .toLowerCase()
        .replace(/ü/g, 'v')
        .replace(/[^a-z0-9]+/g, '') ||
        'x');
    cache.set(core, s);
  }
  return s;
}
const cache = new Map<string, string>();
// 陕西 and 山西 are both "shanxi" without tones; the official romanisation tells them apart.
const SPELLED = new Map([['陕西', 'shaanxi']]);

/** FNV-1a 32-bit, base 36: a short, stable tag for a cut name. */
function hash(s: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193);
  return (h >>> 0).toString(36).padStart(7, '0').slice(0, 7);
}

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
