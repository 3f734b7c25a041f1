import { describe, expect, it } from 'vitest';
import { resolveRegion } from '../../../src/lib/parse/region.ts';
import { placeSlug, slugFor, uniqueSlugs } from '../../../src/lib/parse/slug.ts';

const slug = (agency: string, year: number | null = 2020) => slugFor({ agency, region: resolveRegion(agency).region, year });

describe('slugFor', () => {
  it.each([
    ['五河县武桥镇人民政府', 'anhui-bengbu-wuhe-wuqiao-2020'],
    ['夏邑县人民政府', 'henan-shangqiu-xiayi-2020'],
    ['夏邑县教育局', 'henan-shangqiu-xiayi-jiaoyuju-2020'],
    ['夏邑县财政局', 'henan-shangqiu-xiayi-caizhengju-2020'],
    ['北京市朝阳区人民政府', 'beijing-chaoyang-2020'],
    ['某某镇人民政府', 'moumou-2020'],
  ])('%s → %s', (agency, expected) => {
    expect(slug(agency)).toBe(expected);
  });

  it('is URL-safe and short', () => {
    for (const s of [slug('云南省迪庆藏族自治州香格里拉市建塘镇人民政府', null), slug('')]) expect(s).toMatch(/^[a-z0-9-]{1,80}$/);
  });
});

describe('placeSlug', () => {
  it('drops the administrative suffix', () => {
    expect(placeSlug('河南省')).toBe('henan');
    expect(placeSlug('曹镇乡')).toBe('caozhen');
    expect(placeSlug('浦东新区')).toBe('pudong');
  });
});

describe('uniqueSlugs', () => {
  it('suffixes later duplicates without taking a slug that is already in the list', () => {
    expect(uniqueSlugs(['a', 'a', 'a-2', 'b', 'a'])).toEqual(['a', 'a-3', 'a-2', 'b', 'a-4']);
  });
});
