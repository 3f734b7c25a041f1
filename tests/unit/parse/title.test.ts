import { describe, expect, it } from 'vitest';
import type { Paragraph } from '../../../src/lib/parse/read/document.ts';
import { readTitle } from '../../../src/lib/parse/title.ts';
import { readText } from '../../../src/lib/parse/read/text.ts';

const paras = (...lines: string[]): Paragraph[] => lines.map((text, i) => ({ kind: 'paragraph', text, line: i + 1 }));
const read = (...lines: string[]) => readTitle(paras(...lines), lines.join('\n'), []);

describe('readTitle', () => {
  it.each([
    [['五河县武桥镇人民政府2020年度政府信息公开工作年度报告'], '五河县武桥镇人民政府', 2020],
    [['湛河区曹镇乡人民政府', '2020 年政府信息公开工作年度报告'], '湛河区曹镇乡人民政府', 2020],
    [['建塘镇人民政府2020年度政府', '信息公开工作报告'], '建塘镇人民政府', 2020],
    [['一、总体情况', '缑氏镇人民政府2020年政府信息公开工作年度报告'], '缑氏镇人民政府', 2020],
    [['2021年夏邑县人民政府政府信息公开工作年度报告'], '夏邑县人民政府', 2021],
    [['夏邑县教育局关于2022年度政府信息公开工作年度报告'], '夏邑县教育局', 2022],
    [['商丘市人民政府信息公开工作年度报告（2023年）'], '商丘市人民政府', 2023],
    [['首页 > 政务公开 > 政府信息公开年报', '标题：夏邑县人民政府2020年政府信息公开工作年度报告'], '夏邑县人民政府', 2020],
    [['夏邑县人民政府', '2021年度政府信息公开', '工作年度报告'], '夏邑县人民政府', 2021],
    [['五河县武桥镇人民政府二〇二一年度政府信息公开工作年度报告'], '五河县武桥镇人民政府', 2021],
    [['2020年政府信息公开工作年度报告（夏邑县交通运输局）'], '夏邑县交通运输局', 2020],
    [['沂南县信息公开办公室', '2022年政府信息公开工作年度报告'], '沂南县信息公开办公室', 2022],
    [['沂南县政务公开办2022年政府信息公开工作年度报告'], '沂南县政务公开办', 2022],
    [['沂南县依汶镇人民政府2022年度', '政府信息公开工作', '年度报告'], '沂南县依汶镇人民政府', 2022],
    [['《沂南县依汶镇人民政府2022年政府信息公开工作年度报告》'], '沂南县依汶镇人民政府', 2022],
    [['【沂南县依汶镇】2022年政府信息公开工作年度报告'], '沂南县依汶镇', 2022],
    // A dash or a colon between the body and the year is not part of the name.
    [['杭州市公安局——2025年政府信息公开工作年度报告'], '杭州市公安局', 2025],
    [['杭州市公安局：2025年政府信息公开工作年度报告'], '杭州市公安局', 2025],
    // A publication date or a site's name above the title is not part of it.
    [['发布时间：2023年01月20日', '沂南县依汶镇人民政府2022年政府信息公开工作年度报告'], '沂南县依汶镇人民政府', 2022],
    [['2023年01月20日', '沂南县依汶镇人民政府2022年政府信息公开工作年度报告'], '沂南县依汶镇人民政府', 2022],
    [['沂南县人民政府', '2022年沂南县依汶镇人民政府政府信息公开工作年度报告'], '沂南县依汶镇人民政府', 2022],
    [['信息名称：沂南县依汶镇人民政府2022年政府信息公开工作年度报告'], '沂南县依汶镇人民政府', 2022],
    [['沂南县依汶镇人民政府二O二二年度政府信息公开工作年度报告'], '沂南县依汶镇人民政府', 2022],
    [['沂南县依汶镇人民政府关于印发2022年政府信息公开工作年度报告的通知'], '沂南县依汶镇人民政府', 2022],
    [['夏邑县市场监督管理局（知识产权局）2022年政府信息公开工作年度报告'], '夏邑县市场监督管理局（知识产权局）', 2022],
    // A notice publishing the report: the body it names after 关于印发 is the report's.
    [['沂南县人民政府办公室关于印发沂南县依汶镇人民政府2022年政府信息公开工作年度报告的通知'], '沂南县依汶镇人民政府', 2022],
  ])('%j', (lines, agency, year) => {
    expect(read(...lines)).toMatchObject({ agency, year });
  });

  it('takes a title without a year when none with a year follows, and the year from the prose', () => {
    const lines = ['沂南县依汶镇人民政府', '政府信息公开工作年度报告', '一、总体情况', '2022年，沂南县依汶镇认真贯彻落实《条例》。', '沂南县依汶镇人民政府', '2023年1月18日'];
    expect(readTitle(paras(...lines), lines.join('\n'), [])).toMatchObject({ agency: '沂南县依汶镇人民政府', year: 2022 });
    // A closing date two years on contradicts the opening year: no year is better than a wrong one.
    const late = [...lines.slice(0, -1), '2025年1月18日'];
    expect(readTitle(paras(...late), late.join('\n'), []).year).toBeNull();
    expect(readTitle(paras('某某镇政府信息公开工作年度报告'), '统计期限为2022年1月1日至12月31日。', []).year).toBe(2022);
  });

  it('reads an indented Markdown heading as the title', () => {
    const doc = readText('\u3000\u3000# 阳朔县白沙镇人民政府2023年政府信息公开工作年度报告 \t \n一、总体情况');
    const paragraphs = doc.blocks.filter((b): b is Paragraph => b.kind === 'paragraph');
    expect(readTitle(paragraphs, '', [])).toMatchObject({ agency: '阳朔县白沙镇人民政府', year: 2023 });
  });

  it('takes the year from the statistical period when the title has none', () => {
    const w: never[] = [];
    const t = readTitle(paras('某某镇政府信息公开工作年度报告'), '本报告所列数据的统计期限自2021年1月1日起至2021年12月31日止。', w);
    expect(t).toMatchObject({ agency: '某某镇', year: 2021 });
  });

  it('takes the body from the signature when the title does not name it', () => {
    expect(read('关于2022年度政府信息公开工作年度报告', '一、总体情况', '六、其他需要报告的事项', '无。', '虞城县教育体育局', '2023年1月18日')).toMatchObject({ agency: '虞城县教育体育局', year: 2022 });
    // A closing line that is not a body's name (a telephone number) is no signature.
    expect(read('关于2022年度政府信息公开工作年度报告', '六、其他需要报告的事项', '联系电话：0370-1234567', '2023年1月18日')).toMatchObject({ agency: null });
    // The body's name on the line under the title comes before the signature.
    expect(read('2022年度政府信息公开工作年度报告', '虞城县教育体育局', '一、总体情况', '无。', '虞城县人民政府', '2023年1月18日')).toMatchObject({ agency: '虞城县教育体育局' });
    expect(read('2022年度政府信息公开工作年度报告', '发布机构 虞城县教育体育局', '一、总体情况')).toMatchObject({ agency: '虞城县教育体育局' });
    expect(read('2022年度政府信息公开工作年度报告', '（2023年1月18日）', '一、总体情况')).toMatchObject({ agency: null });
    // A title's parenthesis that is not a body's name (全文) names nobody.
    expect(read('2022年度政府信息公开工作年度报告（全文）')).toMatchObject({ agency: null });
  });

  it('warns when there is no title', () => {
    const warnings: { code: string }[] = [];
    expect(readTitle(paras('今天天气很好。'), '今天天气很好。', warnings as never)).toMatchObject({ agency: null, year: null });
    expect(warnings.map((w) => w.code)).toEqual(['AGENCY_MISSING', 'YEAR_MISSING']);
  });
});
