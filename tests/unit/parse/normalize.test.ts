import { describe, expect, it } from 'vitest';
import { foldWidth, labelKey, readCell } from '../../../src/lib/parse/normalize.ts';

describe('readCell', () => {
  it.each([
    ['0', 0],
    [' 0 ', 0],
    ['１２３', 123],
    ['3,020.782', 3020.782],
    ['1,234,500', 1234500],
    ['0万元', 0],
    ['12件', 12],
    ['-3', -3],
    ['－2', -2],
    ['+1', 1],
    ['增3', 3],
    ['减1', -1],
    ['新增3', 3],
    ['↑3', 3],
    ['↓2', -2],
    ['3（增）', 3],
    ['2(减)', -2],
    ['﹣2', -2],
    ['‐1', -1],
    ['￥12.5', 12.5],
    ['1 234', 1234],
  ])('%j → %d', (raw, value) => {
    expect(readCell(raw)).toMatchObject({ kind: 'number', value });
  });

  it.each(['增', '（增）', '新增', '↑', '—', '/', '无', '3,02', '1.2.3', '二', '+3/-0'])('%j is not a number', (raw) => {
    expect(readCell(raw).kind).toBe('text');
  });

  it('keeps the unit of an amount', () => {
    expect(readCell('1234500元')).toEqual({ kind: 'number', value: 1234500, unit: '元' });
    expect(readCell('111.1（万元）')).toEqual({ kind: 'number', value: 111.1, unit: '万元' });
  });

  it('multiplies a bare 万 (an amount column divides it back into 万元)', () => {
    expect(readCell('1.2万')).toEqual({ kind: 'number', value: 12000, unit: '万' });
    expect(readCell('111.1万')).toEqual({ kind: 'number', value: 1111000, unit: '万' });
  });

  it('tells a blank cell from a zero', () => {
    expect(readCell('  ').kind).toBe('empty');
    expect(readCell('\u3000').kind).toBe('empty');
  });
});

describe('labelKey', () => {
  it('ignores numbering, spaces, widths and punctuation', () => {
    expect(labelKey('（二）部分公开（区分处理的，只计这一情形，不计其他情形）')).toBe(labelKey('(二) 部分公开 (区分处理的, 只计这一情形, 不计其他情形)'));
    expect(labelKey('3.危及“三安全一稳定”')).toBe('危及三安全一稳定');
    expect(labelKey('一、本年新收政府信息公开申请数量')).toBe('本年新收政府信息公开申请数量');
    expect(labelKey('规章(设区的市、自治州人民政府应提供相关数据)')).toBe('规章');
    expect(labelKey('（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）')).toMatch(/^本列数据的勾稽关系/);
  });
});

describe('foldWidth', () => {
  it('keeps length so offsets stay valid, except for zero-width characters', () => {
    expect(foldWidth('（１２）　ａ')).toBe('(12) a');
    expect(foldWidth('a\u200bb')).toBe('ab');
  });
});
