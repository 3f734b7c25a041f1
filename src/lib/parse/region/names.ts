import { gazetteer, type Place } from '../gazetteer.ts';

// The 56 recognised ethnic groups (without 族): autonomous places carry one or more of them
// between the place name and 自治县/自治州/自治旗, and people routinely leave them out.
const ETHNIC =
  '蒙古|回|藏|维吾尔|苗|彝|壮|布依|朝鲜|满|侗|瑶|白|土家|哈尼|哈萨克|傣|黎|傈僳|佤|畲|高山|拉祜|水|东乡|纳西|景颇|柯尔克孜|土|达斡尔|仫佬|羌|布朗|撒拉|毛南|仡佬|锡伯|阿昌|普米|塔吉克|怒|乌孜别克|俄罗斯|鄂温克|德昂|保安|裕固|京|塔塔尔|独龙|鄂伦春|赫哲|门巴|珞巴|基诺|汉|各';
const AUTONOMOUS = new RegExp(`^(.{2,}?)(?:(?:${ETHNIC})族)*自治(?:县|旗|州|区)$`);
const DIVISION = /^(.{2,}?)(?:特别行政区|新区|林区|矿区|地区|省|市|县|区|旗|盟|州)$/;
const TOWNSHIP = new RegExp(`^(.{2,}?)(?:(?:(?:${ETHNIC})族)+|民族)?(?:镇|乡|苏木)$`);
const STREET = /^(.{2,}?)(?:街道办事处|街道|办事处)$/;
/** What may follow a place's stem when a name is written with another suffix than the gazetteer's. */
export const SUFFIX_AFTER_STEM = new RegExp(
  `^(?:(?:(?:${ETHNIC})族)*自治(?:县|旗|州|区)|(?:(?:${ETHNIC})族)+(?:乡|镇)|民族乡|特别行政区|新区|林区|矿区|地区|街道办事处|街道|办事处|苏木|省|市|县|区|旗|盟|州|镇|乡)?`,
);

/** A system named before the place in a body's name (中共夏邑县委办公室, 国家税务总局夏邑县税务局). */
export const SYSTEM_PREFIX = /^(中共|中国共产党|国家税务总局)/;

export type NameKind = 'division' | 'township' | 'street';

/** A place name without its administrative suffix, and what kind of suffix it had; null when it has none (or the rest is a single character, like 城区). */
export function stemOf(name: string): { stem: string; kind: NameKind } | null {
  // The tests on the last character spare the long ethnic alternations for most of the 36,000 names.
  const last = name[name.length - 1];
  let m = name.includes('自治') ? AUTONOMOUS.exec(name) : null;
  if (m) return { stem: m[1]!, kind: 'division' };
  m = last === '道' || last === '处' ? STREET.exec(name) : null;
  if (m) return { stem: m[1]!, kind: 'street' };
  m = last === '镇' || last === '乡' || last === '木' ? TOWNSHIP.exec(name) : null;
  if (m) return { stem: m[1]!, kind: 'township' };
  m = DIVISION.exec(name);
  if (m) return { stem: m[1]!, kind: 'division' };
  return null;
}

/**
 * Bodies named after a zone the gazetteer does not list, mapped to the division that zone
 * administers. Kept explicit and short: anything not here stays unresolved rather than guessed.
 */
export const ALIASES: ReadonlyMap<string, string> = new Map([
  // 杨凌农业高新技术产业示范区 administers 杨陵区 (咸阳市) and is known by the zone's name.
  ['杨凌示范区', '610403'],
  ['杨凌农业高新技术产业示范区', '610403'],
  ['杨凌区', '610403'],
]);

interface StemIndex {
  /** Provinces, cities and counties by stem (偃师 → 偃师区, 峨边 → 峨边彝族自治县). */
  division: Map<string, Place[]>;
  /** Townships by stem, whatever their suffix (曹镇 → 曹镇乡). */
  township: Map<string, Place[]>;
  /** 街道 and 街道办事处 are two names of one body: the same stem, listed under either form. */
  street: Map<string, Place[]>;
}

let stems: StemIndex | null = null;

/** The stem indexes, built once per process from the gazetteer. */
export function stemIndex(): StemIndex {
  if (stems) return stems;
  const index: StemIndex = { division: new Map(), township: new Map(), street: new Map() };
  const push = (map: Map<string, Place[]>, key: string, p: Place) => {
    const list = map.get(key);
    if (list) list.push(p);
    else map.set(key, [p]);
  };
  for (const [name, list] of gazetteer().byName) {
    const s = stemOf(name);
    if (!s) continue;
    for (const p of list) {
      if (p.level !== 'township') {
        if (s.kind === 'division') push(index.division, s.stem, p);
        continue;
      }
      push(index.township, s.stem, p);
      if (s.kind === 'street') push(index.street, s.stem, p);
    }
  }
  stems = index;
  return index;
}
