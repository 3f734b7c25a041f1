import type { Level, Region } from '../schema/report.ts';
import type { Warning } from '../schema/warning.ts';
import { ancestry, gazetteer, within, type Place } from './gazetteer.ts';

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
 */
export function resolveRegion(agency: string | null, hints: RegionHints = {}): RegionResult {
  const warnings: Warning[] = [];
  const name = (agency ?? '').replace(/\s+/g, '');
  const { tokens, rest } = placeTokens(name);
  const fromPath = pathPlaces(hints.path);
  let candidates = consistent(tokens);
  if (candidates.length === 0 && tokens.length === 0 && fromPath.length) candidates = [deepest(fromPath)];
  candidates = narrow(candidates, fromPath, hints.text);
  const level = levelOf(name, tokens, rest, candidates[0]);
  if (candidates.length === 0) {
    if (name) warnings.push({ code: 'REGION_UNRESOLVED', severity: 'warning', message: `无法在行政区划中找到「${name}」所在地区。`, raw: name });
    return { region: NONE, level, warnings };
  }
  if (candidates.length > 1) {
    warnings.push({
      code: 'REGION_AMBIGUOUS',
      severity: 'warning',
      message: `「${name}」可能位于 ${candidates.length} 个地区：${candidates.slice(0, 5).map(fullName).join('、')}${candidates.length > 5 ? ' 等' : ''}；仅保留共同的上级地区。`,
      raw: name,
    });
  }
  return { region: regionOfPlace(commonPlace(candidates)), level, warnings };
}

interface Token {
  places: Place[];
  text: string;
}

/** Place names at the start of a body's name, longest match first; renamed 县/市/区 are tried with the other suffixes. */
function placeTokens(name: string): { tokens: Token[]; rest: string } {
  const { byName, longest } = gazetteer();
  const tokens: Token[] = [];
  let i = 0;
  outer: while (i < name.length) {
    for (let len = Math.min(longest, name.length - i); len >= 2; len--) {
      const text = name.slice(i, i + len);
      const places = byName.get(text) ?? renamed(text);
      if (places && placesFit(places, tokens)) {
        tokens.push({ places, text });
        i += len;
        continue outer;
      }
    }
    break;
  }
  return { tokens, rest: name.slice(i) };
}

/** 偃师市 became 偃师区: a county-level name is found under its other suffix when that is unique. */
function renamed(text: string): Place[] | undefined {
  const m = /^(.{2,})(县|市|区)$/.exec(text);
  if (!m) return undefined;
  const found = ['县', '市', '区']
    .filter((s) => s !== m[2])
    .flatMap((s) => gazetteer().byName.get(m[1] + s) ?? [])
    .filter((p) => p.level === 'county');
  return found.length === 1 ? found : undefined;
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
    const outer = found.filter((p) => !found.some((q) => q !== p && within(p, q)));
    if (outer.length) return outer;
  }
  return [];
}

/** Folder names that are places: `河南省/商丘市/夏邑县/…`. */
function pathPlaces(path: string | undefined): Place[] {
  if (!path) return [];
  const { byName } = gazetteer();
  return path
    .split(/[\\/]/)
    .slice(0, -1)
    .flatMap((seg) => (byName.get(seg) ?? []).filter((p) => p.level !== 'township'));
}

function deepest(places: Place[]): Place {
  return places.reduce((a, b) => (b.code.length > a.code.length ? b : a));
}

/** Several places share the name: keep those inside the folder's places, then those whose county or city the text names. */
function narrow(candidates: Place[], fromPath: Place[], text: string | undefined): Place[] {
  if (candidates.length <= 1) return candidates;
  let out = candidates;
  for (const p of fromPath) {
    const inside = out.filter((c) => within(c, p));
    if (inside.length) out = inside;
  }
  if (out.length > 1 && text) {
    const scored = out.map((c) => ({
      c,
      score: ancestry(c)
        .filter((a) => a.code !== c.code && a.level !== 'province')
        .filter((a) => text.includes(a.name)).length,
    }));
    const best = Math.max(...scored.map((s) => s.score));
    if (best > 0) out = scored.filter((s) => s.score === best).map((s) => s.c);
  }
  return out;
}

/** The deepest place all candidates lie in (division codes nest by prefix). */
function commonPlace(candidates: Place[]): Place | null {
  if (candidates.length === 1) return candidates[0]!;
  const { byCode } = gazetteer();
  for (const len of [9, 6, 4, 2]) {
    const codes = new Set(candidates.map((c) => c.code.slice(0, len)));
    if (codes.size === 1 && candidates[0]!.code.length >= len) return byCode.get([...codes][0]!) ?? null;
  }
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
    else if (p.level === 'county') region.county = p.name;
    else region.township = p.name;
  }
  if (place.level === 'province' && /^(北京|天津|上海|重庆)市$/.test(place.name)) region.city = place.name;
  return region;
}

const DEPARTMENT = /(局|委员会|委|办公室|办|中心|厅|院|所|站|队|署|会|部|社|馆|台|处)$/;

function levelOf(name: string, tokens: Token[], rest: string, place: Place | undefined): Level | null {
  const r = rest.replace(/^(人民政府|政府)/, '');
  const last = tokens[tokens.length - 1]?.places[0] ?? null;
  if (last && (r === '' || /^(街道)?办事处$/.test(r))) return last.level;
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
    .filter((n) => n !== '市辖区' && !/直辖/.test(n))
    .join('');
}
