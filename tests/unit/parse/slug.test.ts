import { describe, expect, it } from 'vitest';
import { resolveRegion } from '../../../src/lib/parse/region.ts';
import { placeSlug, slugFor, uniqueSlugs } from '../../../src/lib/parse/slug.ts';

const slug = (agency: string | null, year: number | null = 2020, hints = {}) => slugFor({ agency, region: resolveRegion(agency, hints).region, year });

describe('slugFor', () => {
  it.each([
    ['五河县武桥镇人民政府', 'anhui-bengbu-wuhe-wuqiao-2020'],
    ['湛河区曹镇乡人民政府', 'henan-pingdingshan-zhanhe-caozhen-2020'],
    ['建塘镇人民政府', 'yunnan-diqingzangzu-xianggelila-jiantang-2020'],
    ['缑氏镇人民政府', 'henan-luoyang-yanshi-goushi-2020'],
    ['夏邑县人民政府', 'henan-shangqiu-xiayi-2020'],
    ['商丘市人民政府', 'henan-shangqiu-2020'],
    ['河南省人民政府', 'henan-2020'],
    ['经八路街道办事处', 'henan-zhengzhou-jinshui-jingbalu-2020'],
    // The county's government between two place names (its full formal name) adds nothing.
    ['金水区人民政府经八路街道办事处', 'henan-zhengzhou-jinshui-jingbalu-2020'],
    // Municipalities appear once.
    ['上海市', 'shanghai-2020'],
    ['上海市浦东新区人民政府', 'shanghai-pudong-2020'],
    ['北京市朝阳区人民政府', 'beijing-chaoyang-2020'],
    ['重庆市城口县人民政府', 'chongqing-chengkou-2020'],
    // Written with another suffix than the gazetteer's: no repeated place.
    ['偃师市人民政府', 'henan-luoyang-yanshi-2020'],
    ['峨边县人民政府', 'sichuan-leshan-ebianyizu-2020'],
    ['香格里拉人民政府', 'yunnan-diqingzangzu-xianggelila-2020'],
    // Departments: the body's own words.
    ['夏邑县教育局', 'henan-shangqiu-xiayi-jiaoyuju-2020'],
    ['夏邑县财政局', 'henan-shangqiu-xiayi-caizhengju-2020'],
    ['五河县人民政府办公室', 'anhui-bengbu-wuhe-renminzhengfubangongshi-2020'],
    ['郑州市金水区市场监督管理局', 'henan-zhengzhou-jinshui-shichangjianduguanliju-2020'],
    ['河南省发展和改革委员会', 'henan-fazhanhegaigeweiyuanhui-2020'],
    ['杨凌示范区审计局', 'shaanxi-xianyang-yangling-shenjiju-2020'],
    // A city without counties, and a county-level city directly under its province.
    ['东莞市虎门镇人民政府', 'guangdong-dongguan-humen-2020'],
    ['济源市人民政府', 'henan-jiyuan-2020'],
    ['仙桃市教育局', 'hubei-xiantao-jiaoyuju-2020'],
    // A county named after its city: the county goes whole, not as the city's stem and a remainder.
    ['郑州经济技术开发区管理委员会', 'henan-zhengzhou-zhengzhoujingjijishukaifa-guanliweiyuanhui-2020'],
    // A system named before the place stays part of the body.
    ['中共夏邑县委办公室', 'henan-shangqiu-xiayi-zhonggongweibangongshi-2020'],
    ['国家税务总局夏邑县税务局', 'henan-shangqiu-xiayi-guojiashuiwuzongjushuiwuju-2020'],
    // Unresolved or ambiguous: what is known, then the body.
    ['某某镇人民政府', 'moumou-2020'],
    ['城关镇人民政府', 'chengguan-2020'],
  ])('%s → %s', (agency, expected) => {
    expect(slug(agency)).toBe(expected);
  });

  it('is URL-safe and short', () => {
    for (const s of [slug('云南省迪庆藏族自治州香格里拉市建塘镇人民政府', null), slug('')]) expect(s).toMatch(/^[a-z0-9-]{1,80}$/);
  });

  it('keeps the departments of one place apart, and apart from its government', () => {
    const bodies = ['夏邑县人民政府', '夏邑县人民政府办公室', '夏邑县教育局', '夏邑县教育体育局', '夏邑县财政局', '夏邑县审计局', '中共夏邑县委办公室', '夏邑县城关镇人民政府', '夏邑县会亭镇人民政府'];
    const slugs = bodies.map((b) => slug(b));
    expect(new Set(slugs).size).toBe(bodies.length);
    for (const s of slugs) expect(s).toMatch(/^henan-shangqiu-xiayi-/);
  });

  it('keeps what a hint resolved', () => {
    expect(slug('城关镇人民政府', 2021, { path: '河南省/商丘市/夏邑县/x.txt' })).toBe('henan-shangqiu-xiayi-chengguan-2021');
    expect(slug('审计局', 2021, { path: '河南省/商丘市/夏邑县/x.txt' })).toBe('henan-shangqiu-xiayi-shenjiju-2021');
  });

  it('spells an unknown year and a missing agency', () => {
    expect(slug('夏邑县人民政府', null)).toBe('henan-shangqiu-xiayi-unknown');
    expect(slug(null, 2020)).toBe('unknown-2020');
    expect(slug('', null)).toBe('unknown-unknown');
  });

  it('is URL-safe, under 80 characters, and keeps the year when the body is cut', () => {
    const long = '夏邑县城市管理和综合行政执法局关于进一步推进政务公开标准化规范化工作领导小组办公室';
    const cut = slug(long);
    expect(cut.length).toBeLessThanOrEqual(80);
    expect(cut).toMatch(/^henan-shangqiu-xiayi-[a-z0-9-]+-2020$/);
    // Two bodies cut to the same prefix stay apart.
    expect(slug(long.replace(/办公室$/, '秘书处'))).not.toBe(cut);
    for (const s of [cut, slug('云南省迪庆藏族自治州香格里拉市建塘镇人民政府', null), slug('Ａ县 ＢＣ局'), slug('')]) expect(s).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
  });

  it('is stable: the same input gives the same slug', () => {
    expect(slug('夏邑县教育局')).toBe(slug('夏邑县教育局'));
  });
});

describe('placeSlug', () => {
  it.each([
    ['河南省', 'henan'],
    ['曹镇乡', 'caozhen'],
    ['浦东新区', 'pudong'],
    ['神农架林区', 'shennongjia'],
    ['经八路街道', 'jingbalu'],
    ['城区', 'chengqu'],
    ['蚌埠市', 'bengbu'],
    ['陕西省', 'shaanxi'],
    ['山西省', 'shanxi'],
  ])('%s → %s', (name, expected) => {
    expect(placeSlug(name)).toBe(expected);
  });
});

describe('uniqueSlugs', () => {
  it('suffixes later duplicates in input order without taking a slug that is already in the list', () => {
    expect(uniqueSlugs(['a', 'a', 'a-2', 'b', 'a'])).toEqual(['a', 'a-3', 'a-2', 'b', 'a-4']);
    expect(uniqueSlugs(['x-2', 'x', 'x', 'x-3'])).toEqual(['x-2', 'x', 'x-4', 'x-3']);
    expect(uniqueSlugs(['a-2', 'a', 'a', 'a-2'])).toEqual(['a-2', 'a', 'a-3', 'a-2-2']);
    const many = uniqueSlugs(['y', 'y-2', 'y', 'y', 'y-3', 'y-2', 'y']);
    expect(new Set(many).size).toBe(many.length);
  });

  it('leaves unique slugs alone', () => {
    expect(uniqueSlugs(['a', 'b'])).toEqual(['a', 'b']);
    expect(uniqueSlugs([])).toEqual([]);
  });
});
