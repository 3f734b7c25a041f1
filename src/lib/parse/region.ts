import type { Level, Region } from '../schema/report.ts';
import type { Warning } from '../schema/warning.ts';
import { ancestry, gazetteer, within, type Place } from './gazetteer.ts';
import { ALIASES, stemIndex, stemOf, SYSTEM_PREFIX } from './region/names.ts';

export interface RegionHints {
  /** The input path relative to the corpus root, e.g. `河南省/商丘市/夏邑县/report.txt`. */
  path?: string;
  /** The report text (simplified), scanned for place names when the body's name is not enough. */
  text?: string;
}

export interface RegionResult {
  region: Region;
  level: Level | null;
  warnings: Warning[];
}

const NONE: Region = { province: null, city: null, county: null, township: null, code: null };

/**
 * Where a body sits: the place names at the start of its name (五河县 + 武桥镇 + 人民政府) are
 * looked up in the national gazetteer and must nest; a name shared by several places is narrowed
 * by the folder path and then by the places the report text names. What stays ambiguous is left
 * null with a warning: a wrong region would put a report among the wrong peers.
 *
 * Municipalities (北京市, 天津市, 上海市, 重庆市) are provinces whose city is themselves:
 * `{ province: '上海市', city: '上海市' }`, and their own government has level `province`.
 */
export function resolveRegion(agency: string | null, hints: RegionHints = {}): RegionResult {
  const warnings: Warning[] = [];
  const name = (agency ?? '').replace(/\s+/g, '');
  const fromPath = pathPlaces(hints.path);
  const { tokens, rest } = placeTokens(name.replace(SYSTEM_PREFIX, ''), fromPath);
  let candidates = consistent(tokens);
  if (candidates.length === 0 && tokens.length === 0) candidates = placeless(name, fromPath, hints.text);
  const { places, open, depth } = narrow(candidates, fromPath, hints.text);
  const level = levelOf(name, tokens, rest, places[0]);
  if (places.length === 0) {
    if (name) warnings.push({ code: 'REGION_UNRESOLVED', severity: 'warning', message: `无法在行政区划中找到「${name}」所在地区。`, path: 'region', raw: name });
    return { region: NONE, level, warnings };
  }
  if (open.length > 1) {
    warnings.push({
      code: 'REGION_AMBIGUOUS',
      severity: 'warning',
      message: `「${name}」可能位于 ${open.length} 个地区：${open.slice(0, 5).map(fullName).join('、')}${open.length > 5 ? ' 等' : ''}；仅保留共同的上级地区。`,
      path: 'region',
      raw: name,
    });
  }
  let place = commonPlace(places);
  if (place && place.code.length > depth) place = gazetteer().byCode.get(place.code.slice(0, depth)) ?? null;
  const region = regionOfPlace(place);
  if (level === 'township' && !region.township && open.length <= 1 && place) {
    // A township the gazetteer does not know (renamed, merged, misspelt): its county's peers still apply.
    warnings.push({ code: 'REGION_PARTIAL', severity: 'warning', message: `「${name}」的乡镇（街道）不在行政区划中，地区只确定到${fullName(place)}。`, path: 'region.township', raw: name });
  }
  return { region, level, warnings };
}

/**
 * A traditional-script report's body name after conversion to simplified script, with a place
 * name's own character put back where the conversion changed it: OpenCC simplifies 濛 to 蒙
 * everywhere, but the gazetteer (and the place) is 惠水县濛江街道. `written` is the name as the
 * report spells it, character for character. A written character is kept only when the name then
 * resolves to a deeper place; otherwise the name and its region are as converted.
 */
export function restorePlaceSpelling(agency: string, written: string, hints: RegionHints, resolved: RegionResult): { agency: string; resolved: RegionResult } {
  let best = { agency, resolved, depth: depthOf(resolved.region) };
  if (written.length !== agency.length || best.depth === 4) return best;
  for (let i = 0; i < agency.length; i++) {
    if (written[i] === agency[i]) continue;
    const candidate = best.agency.slice(0, i) + written[i] + best.agency.slice(i + 1);
    const r = resolveRegion(candidate, hints);
    const depth = depthOf(r.region);
    if (depth > best.depth) best = { agency: candidate, resolved: r, depth };
  }
  return best;
}

function depthOf(r: Region): number {
  return (r.province ? 1 : 0) + (r.city ? 1 : 0) + (r.county ? 1 : 0) + (r.township ? 1 : 0);
}

interface Token {
  places: Place[];
  text: string;
}

const GOVERNMENT = /^(人民政府|政府|$)/;
const COUNTY_ONLY = /(?<!地|自治)(县|旗|区)$/;

/**
 * Place names at the start of a body's name, longest match first. A name as the gazetteer
 * writes it may be shared by many places (城关镇); a name written differently (偃师市 for
 * 偃师区, 峨边县 for 峨边彝族自治县, 香格里拉 for 香格里拉市) is taken only when one place fits.
 */
function placeTokens(name: string, fromPath: Place[][]): { tokens: Token[]; rest: string } {
  const { longest } = gazetteer();
  const tokens: Token[] = [];
  let i = 0;
  outer: while (i < name.length) {
    const max = Math.min(longest, name.length - i);
    const found = exactToken(name, i, tokens, longest);
    if (found) {
      tokens.push(found);
      i += found.text.length;
      continue;
    }
    // 「郑州市金水区人民政府经八路街道办事处」: the formal name runs through the county's government.
    if (tokens.length > 0 && name.startsWith('人民政府', i)) {
      const next = exactToken(name, i + 4, tokens, longest);
      if (next) {
        tokens.push(next);
        i += 4 + next.text.length;
        continue;
      }
    }
    for (let len = max; len >= 2; len--) {
      const text = name.slice(i, i + len);
      const place = byStem(text, tokens, fromPath, GOVERNMENT.test(name.slice(i + len)));
      if (place) {
        tokens.push({ places: [place], text });
        i += len;
        continue outer;
      }
    }
    break;
  }
  return { tokens, rest: name.slice(i) };
}

/** The longest place name written exactly so at `i` that fits the places before it. */
function exactToken(name: string, i: number, tokens: Token[], longest: number): Token | null {
  const lengths = exactLengths(name.charCodeAt(i));
  for (let len = Math.min(longest, name.length - i); len >= 2; len--) {
    if (len < 31 && ((lengths & (1 << len)) === 0 || (endingLengths(name.charCodeAt(i + len - 1)) & (1 << len)) === 0)) continue;
    // 乡 before 村 is the word 乡村 (古县乡村振兴局 is 古县's), not a 乡.
    if (name.charCodeAt(i + len - 1) === 0x4e61 && name.charCodeAt(i + len) === 0x6751) continue;
    const text = name.slice(i, i + len);
    const last = tokens[tokens.length - 1];
    if (last && ZONE.test(text) && last.places.every((p) => p.level === 'city')) {
      // 「保定市高新技术产业开发区」 is the city's zone, which the gazetteer names 保定高新技术产业开发区;
      // a township of that generic name in one of its counties (涿州市) is another zone.
      const zone = exact(last.text.replace(/市$/, '') + text)?.filter((p) => p.level === 'county');
      if (zone?.length && placesFit(zone, tokens)) return { places: zone, text };
      continue;
    }
    const places = exact(text);
    if (places && placesFit(places, tokens)) return { places, text };
  }
  return null;
}

/** Development zones and the like, whose names repeat across counties. */
const ZONE = /^(?:国家)?(?:高新技术产业开发区|经济技术开发区|经济开发区|高新区|开发区|工业园区|产业园区|新区)$/;

/** Places written exactly so, counting 街道 and 街道办事处 as one name. */
function exact(text: string): Place[] | undefined {
  const alias = ALIASES.get(text);
  if (alias) return [gazetteer().byCode.get(alias)!];
  const found = gazetteer().byName.get(text);
  const s = text.endsWith('街道') || text.endsWith('办事处') ? stemOf(text) : null;
  if (s?.kind !== 'street') return found;
  const streets = stemIndex().street.get(s.stem);
  if (!streets || !found) return found ?? streets;
  let both = merged.get(text);
  if (!both) merged.set(text, (both = [...new Set([...found, ...streets])]));
  return both;
}
// One list per name, so that what is derived from a candidate list can be cached on it.
const merged = new Map<string, Place[]>();

/**
 * The lengths (bit n for length n, below 31) of the texts starting, and of those ending, with
 * this character that exact() can find: names, aliases, street stems with 街道/办事处/街道办事处.
 * Spares placeTokens a gazetteer lookup for every length at every position: a slice is looked up
 * only when both its first and its last character allow its length.
 */
function exactLengths(first: number): number {
  return lengthMasks().byFirst.get(first) ?? 0;
}
function endingLengths(last: number): number {
  return lengthMasks().byLast.get(last) ?? 0;
}
function lengthMasks(): { byFirst: Map<number, number>; byLast: Map<number, number> } {
  if (!masks) {
    const byFirst = new Map<number, number>();
    const byLast = new Map<number, number>();
    const add = (s: string) => {
      if (s.length >= 31) return;
      const first = s.charCodeAt(0);
      const last = s.charCodeAt(s.length - 1);
      byFirst.set(first, (byFirst.get(first) ?? 0) | (1 << s.length));
      byLast.set(last, (byLast.get(last) ?? 0) | (1 << s.length));
    };
    for (const name of gazetteer().byName.keys()) add(name);
    for (const alias of ALIASES.keys()) add(alias);
    for (const stem of stemIndex().street.keys()) for (const suffix of ['街道', '办事处', '街道办事处']) add(stem + suffix);
    masks = { byFirst, byLast };
  }
  return masks;
}
let masks: { byFirst: Map<number, number>; byLast: Map<number, number> } | null = null;

/** The one place a differently written name can mean: same stem, same kind, inside the earlier names (and the folders, if that decides). */
function byStem(text: string, tokens: Token[], fromPath: Place[][], governmentFollows: boolean): Place | null {
  const s = stemOf(text);
  const index = stemIndex();
  let found: Place[] | undefined;
  // A bare stem (香格里拉) is read as a place only where its government is meant: 公安局 is not 公安县's bureau.
  if (!s) found = governmentFollows ? index.division.get(text) : undefined;
  // A 县, 旗 or 区 is a county whatever it became; only 市/州/地区/盟 may stand for a city.
  else if (s.kind === 'division') found = index.division.get(s.stem)?.filter((p) => p.level === 'county' || (p.level === 'city' && !COUNTY_ONLY.test(text)));
  else found = index.township.get(s.stem);
  if (!found) return null;
  let fits = found.filter((p) => p.name !== text && placesFit([p], tokens));
  if (fits.length > 1) {
    for (const seg of fromPath) {
      const inside = fits.filter((c) => seg.some((p) => within(c, p)));
      if (inside.length) fits = inside;
    }
  }
  return fits.length === 1 ? fits[0]! : null;
}

/** A later token must name a place inside an earlier one (五河县 then 武桥镇), never its parent. */
function placesFit(places: Place[], tokens: Token[]): boolean {
  const last = tokens[tokens.length - 1];
  return !last || places.some((p) => last.places.some((q) => within(p, q) && p.code !== q.code));
}

/** The deepest token's places that nest inside every earlier token. */
function consistent(tokens: Token[]): Place[] {
  for (let k = tokens.length; k > 0; k--) {
    const upper = tokens.slice(0, k - 1);
    const found = tokens[k - 1]!.places.filter((p) => upper.every((t) => t.places.some((q) => within(p, q))));
    // A name held by a place and by a division inside it (嘉峪关市 the city and its one
    // district) means the larger place.
    // Places of one level never nest, and 城关镇 alone has 88: compare only across levels.
    const mixed = found.some((p) => p.level !== found[0]!.level);
    const outer = mixed ? found.filter((p) => !found.some((q) => q.code.length < p.code.length && within(p, q))) : found;
    // The token's own list when nothing was dropped, so that what byText derives from it is cached.
    if (outer.length === tokens[k - 1]!.places.length) return tokens[k - 1]!.places;
    if (outer.length) return outer;
  }
  return [];
}

/**
 * A name without a place (审计局) is where the text writes it after one (夏邑县审计局), if that
 * agrees with the folders, else where the deepest folder is.
 */
function placeless(name: string, fromPath: Place[][], text: string | undefined): Place[] {
  const written = text && name.length >= 2 ? placesBefore(name, text.length > TEXT_LIMIT ? text.slice(0, TEXT_LIMIT) : text) : [];
  const related = (a: Place, b: Place) => within(a, b) || within(b, a);
  const fits = written.filter((p) => fromPath.every((seg) => seg.some((q) => related(p, q))));
  if (fits.length) return fits;
  return fromPath.length ? fromPath[fromPath.length - 1]! : [];
}

/** The places written right before `name` in the text, the longest name at each mention. */
function placesBefore(name: string, text: string): Place[] {
  const { longest } = gazetteer();
  const found = new Set<Place>();
  for (let at = text.indexOf(name); at >= 0; at = text.indexOf(name, at + name.length)) {
    for (let len = Math.min(longest, at); len >= 2; len--) {
      const places = exact(text.slice(at - len, at));
      if (!places) continue;
      for (const p of places) found.add(p);
      break;
    }
  }
  return [...found];
}

/**
 * Folder names that are places (`河南省/商丘市/夏邑县/…`), top first, each as the places it can
 * mean given the other folders: 朝阳区 under 吉林省 is 长春's. Folders that name no place, or
 * a place that contradicts the others, are ignored.
 */
function pathPlaces(path: string | undefined): Place[][] {
  if (!path) return [];
  const segs: Place[][] = [];
  for (const seg of path.split(/[\\/]/).slice(0, -1)) {
    const places = exact(seg)?.filter((p) => p.level !== 'township');
    if (places?.length) segs.push(places);
  }
  const related = (a: Place, b: Place) => within(a, b) || within(b, a);
  const out: Place[][] = [];
  for (const seg of segs) {
    const fit = seg.filter((p) => out.every((upper) => upper.some((q) => related(p, q))));
    if (!fit.length) continue;
    for (let k = 0; k < out.length; k++) out[k] = out[k]!.filter((q) => fit.some((p) => related(p, q)));
    out.push(fit);
  }
  return out;
}

/**
 * Several places share the name: keep those inside the folders' places, then those the text
 * locates. `open` is what is still undecided (for the warning); `depth` the code length the
 * evidence supports.
 */
function narrow(candidates: Place[], fromPath: Place[][], text: string | undefined): { places: Place[]; open: Place[]; depth: number } {
  let out = candidates;
  if (out.length > 1) {
    for (const seg of fromPath) {
      const inside = out.filter((c) => seg.some((p) => within(c, p)));
      if (inside.length) out = inside;
    }
  }
  if (out.length > 1 && text) return byText(out, text.length > TEXT_LIMIT ? text.slice(0, TEXT_LIMIT) : text);
  return { places: out, open: out, depth: 9 };
}

// The title, the opening paragraph and the first sections name the body's place; the whole of
// a long report only adds mentions of other places and time.
const TEXT_LIMIT = 20_000;

/**
 * The text places a shared name only through the candidates' own parents, deepest level first,
 * so places that hold no candidate never count. Naming the parent right above the body (城关镇's
 * county, 朝阳区's city) settles it; naming only a higher level (the city above a 城关镇, as
 * in 在郑州市的领导下 or 学习郑州市经验) narrows to that level and no deeper. When the text
 * names several of the candidates' parents (与夏邑县、虞城县接壤), it decides nothing below them,
 * unless just one of those is written together with the body's name (夏邑县城关镇).
 */
function byText(candidates: Place[], text: string): { places: Place[]; open: Place[]; depth: number } {
  const index = parentIndex(candidates);
  const named = namedIn(text, index.byLast);
  if (named.size === 0) return { places: candidates, open: candidates, depth: 9 };
  for (const len of [6, 4, 2]) {
    if (candidates.some((c) => c.code.length <= len)) continue;
    const inside = candidates.filter((c) => named.has(parentAt(c, len)!));
    if (inside.length === 0) continue;
    if (inside.length > 1) {
      const written = inside.filter((c) => text.includes(parentAt(c, len)!.name + c.name));
      if (written.length === 1) return { places: written, open: written, depth: 9 };
    }
    // A province is named for many reasons (根据河南省…); it settles only a choice it makes alone.
    if (len === 2 && inside.length > 1) break;
    if (inside.length === 1 && parentLength(inside[0]!) === len) return { places: inside, open: inside, depth: 9 };
    return { places: inside, open: inside.length > 1 ? inside : candidates, depth: len };
  }
  return { places: candidates, open: candidates, depth: 9 };
}

/** A place's province, city and county (by code length 2, 4, 6), looked up once per place. */
function parentAt(p: Place, len: number): Place | undefined {
  let up = parents.get(p);
  if (!up) {
    const { byCode } = gazetteer();
    up = [2, 4, 6].map((l) => (p.code.length > l ? byCode.get(p.code.slice(0, l)) : undefined));
    parents.set(p, up);
  }
  return up[len / 2 - 1];
}
const parents = new WeakMap<Place, (Place | undefined)[]>();

type ByLast = Map<string, { names: Map<string, Place[]>; lengths: number[] }>;

/** The candidates' parents a text could name, by the last character of their names; cached per candidate list. */
function parentIndex(candidates: Place[]): { byLast: ByLast } {
  const cached = parentIndexes.get(candidates);
  if (cached) return cached;
  const byLast: ByLast = new Map();
  const seen = new Set<Place>();
  for (const c of candidates) {
    for (const len of [2, 4, 6]) {
      const p = parentAt(c, len);
      if (!p || seen.has(p) || COMMON.has(p.name)) continue;
      seen.add(p);
      const last = p.name[p.name.length - 1]!;
      let group = byLast.get(last);
      if (!group) byLast.set(last, (group = { names: new Map(), lengths: [] }));
      const list = group.names.get(p.name);
      if (list) list.push(p);
      else group.names.set(p.name, [p]);
      if (!group.lengths.includes(p.name.length)) group.lengths.push(p.name.length);
    }
  }
  const index = { byLast };
  parentIndexes.set(candidates, index);
  return index;
}
const parentIndexes = new WeakMap<Place[], { byLast: ByLast }>();

/** Code length of the nearest parent a report would name: a 市辖区 or 县 row is skipped for the province. */
function parentLength(p: Place): number {
  const { byCode } = gazetteer();
  for (const len of [6, 4, 2]) {
    if (len >= p.code.length) continue;
    const parent = byCode.get(p.code.slice(0, len));
    if (parent && !GROUPING.has(parent.name)) return len;
  }
  return 0;
}

const GROUPING = new Set(['市辖区', '县', '省直辖县级行政区划', '自治区直辖县级行政区划']);

// Names that are also everyday words in a report (城区 as in 城区面积, 新县城).
const COMMON = new Set(['城区', '郊区', '矿区', '东区', '西区', '新区', '新县', ...GROUPING]);

/**
 * The places the text names, and not merely as the end of a longer place's name (长沙县 ⊃ 沙县).
 * Place names end in a handful of characters (县, 区, 市, 州…): the text is scanned for those
 * and the few lengths ending there looked up, rather than once per place, since a 城关镇 brings
 * some 170 parents to look for.
 */
function namedIn(text: string, byLast: ByLast): Set<Place> {
  const { byName } = gazetteer();
  const found = new Set<Place>();
  for (const [last, { names, lengths }] of byLast) {
    for (let end = text.indexOf(last); end >= 0; end = text.indexOf(last, end + 1)) {
      for (const len of lengths) {
        const start = end + 1 - len;
        if (start < 0) continue;
        const hit = names.get(text.slice(start, end + 1));
        if (!hit || (len === 2 && start > 0 && byName.has(text.slice(start - 1, end + 1)))) continue;
        for (const p of hit) found.add(p);
      }
    }
  }
  return found;
}

/** The deepest place all candidates lie in (division codes nest by prefix). */
function commonPlace(candidates: Place[]): Place | null {
  if (candidates.length === 1) return candidates[0]!;
  const first = candidates[0]!.code;
  let shared = first.length;
  for (const c of candidates) {
    let i = 0;
    while (i < shared && i < c.code.length && c.code.charCodeAt(i) === first.charCodeAt(i)) i++;
    shared = i;
  }
  for (const len of [9, 6, 4, 2]) if (len <= shared) return gazetteer().byCode.get(first.slice(0, len)) ?? null;
  return null;
}

/** The region record of a gazetteer place: its province, city, county and township names. */
export function regionOfPlace(place: Place | null): Region {
  if (!place) return NONE;
  const region: Region = { ...NONE, code: place.code };
  for (const p of ancestry(place)) {
    if (p.level === 'province') region.province = p.name;
    // Municipalities list their districts under a 市辖区 row: the city is the municipality itself.
    else if (p.level === 'city') region.city = p.name === '市辖区' || p.name === '县' ? region.province : /直辖/.test(p.name) ? null : p.name;
    // Cities without counties (东莞市, 中山市, 嘉峪关市) hold their townships under a county row
    // named like themselves: there is no county between them.
    else if (p.level === 'county') region.county = p.name === region.city ? null : p.name;
    else region.township = p.name;
  }
  if (place.level === 'province' && /^(北京|天津|上海|重庆)市$/.test(place.name)) region.city = place.name;
  return region;
}

const DEPARTMENT = /(局|委员会|委|办公室|办|中心|厅|院|所|站|队|署|会|部|社|馆|台|处)$/;
const BRACKETED_END = /[（(][^（）()]*[）)]$/;

function levelOf(full: string, tokens: Token[], rest: string, place: Place | undefined): Level | null {
  // A merged body names its second title in brackets: 「…市场监督管理局（知识产权局）」 is a 局.
  const name = full.replace(BRACKETED_END, '');
  const r = rest.replace(BRACKETED_END, '').replace(/^(人民政府|政府)/, '');
  const last = tokens[tokens.length - 1]?.places[0] ?? null;
  if (last && (r === '' || /^(街道)?办事处$/.test(r))) return last.level;
  // 街道办事处 is the street's government, not an office of something.
  if (/街道(办事处)?$/.test(name)) return 'township';
  if (r && DEPARTMENT.test(r)) return 'department';
  if (/(镇|乡|街道|街道办事处|苏木)(人民政府)?$/.test(name)) return 'township';
  if (/(县|旗|区)(人民政府)?$/.test(name)) return 'county';
  if (/(省|自治区)(人民政府)?$/.test(name)) return 'province';
  if (/市(人民政府)?$/.test(name)) return place?.level === 'county' ? 'county' : 'city';
  return DEPARTMENT.test(name) ? 'department' : null;
}

function fullName(p: Place): string {
  return ancestry(p)
    .map((a) => a.name)
    .filter((n) => n !== '市辖区' && n !== '县' && !/直辖/.test(n))
    .join('');
}
