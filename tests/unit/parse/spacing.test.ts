import { describe, expect, it } from 'vitest';
import { closeSpacedHan } from '../../../src/lib/parse/read/spacing.ts';

describe('closeSpacedHan', () => {
  it('closes lines spaced out character by character, keeping line breaks and other spaces', () => {
    const text = '湛 河 区 曹 镇 乡 人 民 政 府\n2020 年 政 府 信 息 公 开 工 作 年 度 报 告\n一、总 体 情 况';
    expect(closeSpacedHan(text)).toEqual({ text: '湛河区曹镇乡人民政府\n2020 年政府信息公开工作年度报告\n一、总体情况', lines: 3 });
  });

  it('leaves lines where ideographs stand together: there a space separates words or cells', () => {
    const text = '一、总 体 情 况\n信息内容 本年新制作数量 本年新公开数量\n合 计\t3\t4';
    expect(closeSpacedHan(text)).toEqual({ text: '一、总体情况\n信息内容 本年新制作数量 本年新公开数量\n合计\t3\t4', lines: 2 });
    expect(closeSpacedHan('信息内容 本年新制作数量\n合 计')).toEqual({ text: '信息内容 本年新制作数量\n合 计', lines: 0 });
  });
});
