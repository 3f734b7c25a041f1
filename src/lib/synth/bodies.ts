import { ancestry, gazetteer, type Place } from '../parse/gazetteer.ts';
import type { Level } from '../schema/report.ts';
import type { Rng } from './random.ts';

export interface Body {
  agency: string;
  level: Level;
  /** The place the body governs or sits in. */
  place: Place;
  /** Folder path of its reports: 省/市/县. */
  folder: string;
}

const DEPARTMENTS = ['教育局', '财政局', '民政局', '自然资源局', '生态环境局', '交通运输局', '卫生健康委员会', '市场监督管理局', '人力资源和社会保障局', '住房和城乡建设局'];

let places: { townships: Place[]; counties: Place[]; cities: Place[] } | null = null;

function all() {
  if (places) return places;
  const townships: Place[] = [];
  const counties: Place[] = [];
  const cities: Place[] = [];
  for (const p of gazetteer().byCode.values()) {
    // Only places whose name is unique keep the generated truth unambiguous without hints.
    if (/^(市辖区|县)$|直辖/.test(p.name)) continue;
    if (p.level === 'township' && /(镇|乡|街道)$/.test(p.name)) townships.push(p);
    // A county-level row named like its city (东莞市 under 东莞市) is the city itself.
    else if (p.level === 'county' && gazetteer().byCode.get(p.code.slice(0, 4))?.name !== p.name) counties.push(p);
    else if (p.level === 'city') cities.push(p);
  }
  places = { townships, counties, cities };
  return places;
}

/** A real body from the gazetteer: mostly townships, then counties, departments and cities. */
export function pickBody(r: Rng): Body {
  const { townships, counties, cities } = all();
  const roll = r.next();
  if (roll < 0.6) return body(r.pick(townships), 'township', '人民政府');
  if (roll < 0.8) return body(r.pick(counties), 'county', '人民政府');
  if (roll < 0.95) return body(r.pick(counties), 'department', r.pick(DEPARTMENTS));
  return body(r.pick(cities), 'city', '人民政府');
}

function body(place: Place, level: Level, suffix: string): Body {
  const chain = ancestry(place).filter((p) => !/市辖区|直辖/.test(p.name));
  const county = chain.find((p) => p.level === 'county');
  // Townships are named with their county, as most titles do: 五河县武桥镇人民政府.
  const name = place.level === 'township' && county ? county.name + place.name : place.name;
  const agency = place.name.endsWith('街道') ? `${name}办事处` : name + suffix;
  const folder = chain.filter((p) => p.level !== 'township').map((p) => p.name).join('/');
  return { agency, level, place, folder };
}
