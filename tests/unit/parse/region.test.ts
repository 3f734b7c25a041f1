import { describe, expect, it } from 'vitest';
import { resolveRegion } from '../../../src/lib/parse/region.ts';

const at = (agency: string, hints = {}) => {
  const r = resolveRegion(agency, hints);
  return { ...r.region, level: r.level, warnings: r.warnings.map((w) => w.code) };
};

describe('resolveRegion', () => {
  it.each([
    ['五河县武桥镇人民政府', { province: '安徽省', city: '蚌埠市', county: '五河县', township: '武桥镇', code: '340322109', level: 'township' }],
    ['湛河区曹镇乡人民政府', { province: '河南省', city: '平顶山市', county: '湛河区', township: '曹镇乡', code: '410411200', level: 'township' }],
    ['建塘镇人民政府', { province: '云南省', city: '迪庆藏族自治州', county: '香格里拉市', township: '建塘镇', code: '533401101', level: 'township' }],
    ['缑氏镇人民政府', { province: '河南省', city: '洛阳市', county: '偃师区', township: '缑氏镇', level: 'township' }],
    ['偃师市缑氏镇人民政府', { county: '偃师区', township: '缑氏镇', code: '410307106' }],
    ['夏邑县人民政府', { province: '河南省', city: '商丘市', county: '夏邑县', township: null, code: '411426', level: 'county' }],
    ['商丘市人民政府', { province: '河南省', city: '商丘市', county: null, code: '4114', level: 'city' }],
    ['河南省人民政府', { province: '河南省', city: null, code: '41', level: 'province' }],
    ['北京市朝阳区人民政府', { province: '北京市', city: '北京市', county: '朝阳区', code: '110105', level: 'county' }],
    ['金水区经八路街道办事处', { city: '郑州市', county: '金水区', township: '经八路街道', level: 'township' }],
  ])('%s', (agency, expected) => {
    expect(at(agency)).toMatchObject({ ...expected, warnings: [] });
  });

  it.each([
    ['夏邑县教育局', '夏邑县', null],
    ['商丘市生态环境局', null, '商丘市'],
    ['郑州市金水区市场监督管理局', '金水区', '郑州市'],
    ['五河县人民政府办公室', '五河县', '蚌埠市'],
  ])('%s is a department where it sits', (agency, county, city) => {
    const r = at(agency);
    expect(r.level).toBe('department');
    expect(r.township).toBeNull();
    if (county) expect(r.county).toBe(county);
    if (city) expect(r.city).toBe(city);
  });

  it('leaves a shared township name unresolved, keeping only what all places agree on', () => {
    const r = at('城关镇人民政府');
    expect(r).toMatchObject({ township: null, county: null, level: 'township', warnings: ['REGION_AMBIGUOUS'] });
  });

  it('narrows a shared name by the folder path', () => {
    expect(at('城关镇人民政府', { path: '河南省/商丘市/夏邑县/2021.txt' })).toMatchObject({ county: '夏邑县', township: '城关镇', code: '411426100', warnings: [] });
  });

  it('narrows a shared name by the places the text names', () => {
    expect(at('城关镇人民政府', { text: '我镇位于夏邑县东部。' })).toMatchObject({ county: '夏邑县', township: '城关镇' });
  });

  it('places a department without a place name by its folder', () => {
    expect(at('审计局', { path: '河南省/商丘市/夏邑县/x.txt' })).toMatchObject({ county: '夏邑县', level: 'department' });
  });

  it('says so when nothing matches, and still tells the level from the name', () => {
    expect(at('某某镇人民政府')).toMatchObject({ province: null, level: 'township', warnings: ['REGION_UNRESOLVED'] });
    expect(resolveRegion(null).warnings).toEqual([]);
  });
});
