import { describe, expect, it } from 'vitest';
import { readText } from '../../../src/lib/parse/read/text.ts';
import { joinParagraphs, splitSections } from '../../../src/lib/parse/sections.ts';

describe('splitSections', () => {
  it('finds the six headings in order and ignores table rows that share their numbering', () => {
    const doc = readText(
      ['一、总体情况', '正文。', '二、主动公开政府信息情况', '三、收到和处理政府信息公开申请情况', '一、本年新收政府信息公开申请数量\t1\t0\t0\t0\t0\t0\t1', '三、本年度办理结果', '四、政府信息公开行政复议、行政诉讼情况', '五、存在的主要问题及改进情况', '问题。', '六、其他需要报告的事项', '无。'].join('\n'),
    );
    const { sections } = splitSections(doc.blocks);
    expect(sections.map((s) => s.number)).toEqual([1, 2, 3, 4, 5, 6]);
    expect(sections[2]!.blocks).toHaveLength(2);
  });

  it('takes a section 4 heading wrapped at the page width', () => {
    const doc = readText(['三、收到和处理政府信息公开申请情况', '四、政府信息公开行政复', '议、行政诉讼情况', '五、存在的主要问题及改进情况'].join('\n'));
    expect(splitSections(doc.blocks).sections.map((s) => s.number)).toEqual([3, 4, 5]);
  });

  it('keeps a repeated heading inside its section and allows missing sections', () => {
    const doc = readText(['一、总体情况', '副标题', '一、总体情况', '正文。', '五、存在问题及改进情况', '问题。'].join('\n'));
    const { sections } = splitSections(doc.blocks);
    expect(sections.map((s) => [s.number, s.blocks.length])).toEqual([
      [1, 3],
      [5, 1],
    ]);
  });
});

describe('splitSections: headings numbered （一） or not numbered at all', () => {
  it('takes a standard title whole, with its own number or none', () => {
    const doc = readText(
      ['（一）总体情况', '（一）主动公开情况', '（二）依申请公开情况', '主动公开政府信息的情况', '收到和处理政府信息公开申请情况', '（六）其他处理\t0\t0\t0\t0\t0\t0\t0', '（四）政府信息公开行政复议、行政诉讼情况', '存在的主要问题及改进情况', '（六）其他需要报告的事项', '无。'].join('\n'),
    );
    expect(splitSections(doc.blocks).sections.map((s) => [s.number, s.title])).toEqual([
      [1, '(一)总体情况'],
      [2, '主动公开政府信息的情况'],
      [3, '收到和处理政府信息公开申请情况'],
      [4, '(四)政府信息公开行政复议、行政诉讼情况'],
      [5, '存在的主要问题及改进情况'],
      [6, '(六)其他需要报告的事项'],
    ]);
  });

  it('takes a standard title numbered 1、 to 6、', () => {
    const doc = readText(['1、总体情况', '正文。', '2.主动公开政府信息情况', '3、收到和处理政府信息公开申请情况', '4、政府信息公开行政复议、行政诉讼情况', '5、存在的主要问题及改进情况', '６、其他需要报告的事项', '无。'].join('\n'));
    expect(splitSections(doc.blocks).sections.map((s) => s.number)).toEqual([1, 2, 3, 4, 5, 6]);
  });

  it('does not take a sub-heading, a table row or a title under another number for a section', () => {
    for (const line of ['（二）依申请公开情况', '（六）其他处理', '（三）总体情况', '依申请公开情况', '其他处理', '2、主动公开情况', '3、总体情况', '1.属于国家秘密']) {
      expect(splitSections(readText(line).blocks).sections, line).toEqual([]);
    }
  });
});

describe('joinParagraphs', () => {
  it('rejoins lines wrapped at the page width and keeps list items apart', () => {
    const w = '这是一行被排版软件在固定宽度处折断的长句子，后半句在下一行继续写完了';
    expect(joinParagraphs([w, '才结束。', '（一）主动公开。', '短行。'])).toEqual([w + '才结束。', '（一）主动公开。', '短行。']);
  });
});
