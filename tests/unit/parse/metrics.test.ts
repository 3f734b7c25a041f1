import { describe, expect, it } from 'vitest';
import { readMetrics } from '../../../src/lib/parse/metrics.ts';
import type { Warning } from '../../../src/lib/schema/warning.ts';

const proactive = (text: string) => readMetrics([{ text, line: 1 }]).proactiveTotal;

describe('readMetrics', () => {
  it.each([
    ['2020年1月1日至2020年12月31日，武桥镇政府信息公开网站，主动公开信息687条。', 687],
    ['2020年共发布政务信息521条。', 521],
    ['2020年信息公开目录信息更新69条。', 69],
    ['全年共主动公开政府信息5863条。其中，通过政府网站主动公开信息4884条，县直部门公开589条。', 5863],
    ['本年度通过政府网站发布信息3,210条。', 3210],
    ['全年累计公开各类信息４５６条。', 456],
    ['截止2021年12月31日，通过网站主动公开政府信息共88条，其中包括政策解读3条，工作动态48条。', 88],
    ['2021年，我镇共发文96件，其中主动公开文件0件。另外，我镇在信息公开平台主动公开政府信息达18条，其中机构设置1条。', 18],
    ['截至2021年底，共计在区政府信息公开平台主动公开信息80条。', 80],
    ['我镇主动公开的信息共计85条，包括机构职能、乡镇文件等。', 85],
    ['全年共计公开政务信息1.2万条。', 12000],
    ['公开各类政府信息合计896条（其中网站发布801条）。', 896],
    // What follows the figure does not say what it counts.
    ['全年共主动公开政府信息5863条（含政策解读32条）。其中，通过政府网站主动公开信息4884条。', 5863],
    ['全年共主动公开政府信息5863条、政策解读32篇。其中，通过政府网站主动公开信息4884条。', 5863],
    ['全年共主动公开政府信息5863条（不含依申请公开信息）。其中，通过政府网站主动公开信息4884条。', 5863],
    ['全年共主动公开政府信息：5863条。其中，通过政府网站主动公开信息4884条。', 5863],
    ['全年共主动公开政府信息5863件。其中，通过政府网站主动公开信息4884条。', 5863],
    ['全年共主动公开政府信息5863篇。其中，通过政府网站主动公开信息4884条。', 5863],
  ])('%s → %d', (text, value) => {
    expect(proactive(text)?.value).toBe(value);
  });

  it.each([
    // A later figure in the same sentence counts what its own words say.
    ['全年主动公开政府信息456条，更新政务公开栏信息32条。', 456],
    ['全年主动公开政府信息456条，发布政策文件38条，通过政务微博发布信息1203条。', 456],
    // The topic's own figure outranks a total it is part of.
    ['全年共公开政府信息612条，其中主动公开456条。', 456],
    // Every figure of a clause counts, and in a list an item count in 条 outranks a document count.
    ['全年公开政府信息258条（其中主动公开231条，依申请公开27条）。', 231],
    ['全年共发布政府信息258条（含主动公开231条）。', 231],
    ['全年公开各类政府信息258条（主动公开231条、依申请公开27条）。', 231],
    ['全年主动公开政府文件35件、政府信息1,204条。', 1204],
    ['全年主动公开政府信息456条、图片85条。', 456],
    ['全年主动公开政府信息456条、政策解读32条。', 456],
    // Last year's figure is not this year's.
    ['全年主动公开政府信息456条，比上年度主动公开的398条增加58条。', 456],
    // A count for another channel alone (政务微博, 公众号, 新媒体) is not the headline, often as it outnumbers it.
    ['在门户网站公开信息1235条；在政务微信公众号发布信息12345条。', 1235],
    ['政府网站发布信息1235条，政务新媒体共发布信息12345条。', 1235],
    ['在区政府门户网站发布信息1235条，全年通过政务微博发布信息12345条。', 1235],
    // Named beside the website, the channels are one total.
    ['全年通过政府网站、政务微博、微信公众号等平台主动公开政府信息5863条。', 5863],
  ])('%s → %d', (text, value) => {
    expect(proactive(text)?.value).toBe(value);
  });

  it("does not take another year's figure for the report's", () => {
    const text = '我镇主动公开政府信息456条，2021年度主动公开政府信息398条。';
    expect(readMetrics([{ text, line: 1 }], 2022).proactiveTotal?.value).toBe(456);
    expect(readMetrics([{ text: '2021年度主动公开政府信息398条。', line: 1 }], 2022).proactiveTotal).toBeNull();
    // A document's title or a law's revision names a year that is not the period counted.
    for (const text of ['依据2019年修订的《条例》，全年主动公开政府信息356条。', '按照《沂南县2021年政务公开工作要点》和2022年工作安排，全年主动公开政府信息356条。', '自2019年新《条例》施行以来，我镇不断加大公开力度，2022年主动公开政府信息356条。']) {
      expect(readMetrics([{ text, line: 1 }], 2022).proactiveTotal?.value, text).toBe(356);
    }
  });

  it('reads no count from an approximate or fractional figure', () => {
    expect(proactive('累计发布信息2300余条。')).toBe(null);
    expect(proactive('全年主动公开信息1.2万余条。')).toBe(null);
    expect(proactive('平均每天主动公开信息2.5条。')).toBe(null);
  });

  it.each([
    '本年度共主动公开各类信息3000余条，更新公开栏信息120条。',
    '全年通过政府网站主动公开信息3000余条，通过政务微博发布信息800条。',
    '全年主动公开政府信息约1200条，在网站发布通知公告300条。',
    '全年主动公开政府信息1200多条，其中政策解读30条。',
    '全年主动公开政府信息超过1200条，更新公开栏信息120条。',
    '全年主动公开政府信息1200条以上，更新公开栏信息120条。',
  ])('takes no smaller figure for an approximate headline, and says so: %s', (text) => {
    const warnings: Warning[] = [];
    expect(readMetrics([{ text, line: 4 }], null, warnings).proactiveTotal).toBeNull();
    expect(warnings).toEqual([expect.objectContaining({ code: 'METRIC_MISSING', path: 'metrics.proactiveTotal', raw: text, line: 4 })]);
  });

  it.each([
    ['截至目前，累计公开各类信息12345条，其中本年度公开1234条。', 1234],
    ['网站开通以来累计发布信息12345条，今年以来发布信息1234条。', 1234],
    ['截至目前，累计公开各类信息12345条。', null],
    ['全年累计公开各类信息456条。', 456],
    ['截至2023年底，累计主动公开政府信息1234条。', 1234],
  ])('takes the year’s figure, not a running total since long before: %s', (text, value) => {
    expect(proactive(text)?.value ?? null).toBe(value);
  });

  it('takes the item count of a clause that goes on with the same verb after a document count', () => {
    expect(proactive('本年度，我局主动公开政府文件12件，公开政府信息1234条。')?.value).toBe(1234);
    expect(proactive('主动公开政府信息1234条，公开规范性文件12件。')?.value).toBe(1234);
    expect(proactive('本年度主动公开政府文件12件，其中规范性文件3件。')?.value).toBe(12);
  });

  it('counts items in 项 and 则 too, but not a list of powers (清单)', () => {
    expect(proactive('全年主动公开政府信息1234项。')?.value).toBe(1234);
    expect(proactive('全年主动公开政府信息1234则。')?.value).toBe(1234);
    expect(proactive('全年主动公开权责清单1234项。')).toBeNull();
    expect(proactive('全年主动公开政府信息2345条，主动公开权责清单事项1234项。')?.value).toBe(2345);
  });

  it('reads thousands separated by a space, and no figure from inside a number', () => {
    expect(proactive('2023年，本机关主动公开政府信息1 456条。')?.value).toBe(1456);
    expect(proactive('全年共主动公开政府信息 12 456 条。')?.value).toBe(12456);
    expect(proactive('全年主动公开政府信息1.456条。')).toBeNull();
    expect(readMetrics([{ text: '本年共收到政府信息公开申请1 234件。', line: 1 }]).requestsReceived?.value).toBe(1234);
  });

  it('prefers figures under a 主动公开 sub-heading', () => {
    const m = readMetrics([
      { text: '(一)主动公开政府信息情况', line: 1 },
      { text: '2022年，我局通过示范区管委会网站审计信息栏目公开信息20条。', line: 2 },
      { text: '(四)政府信息公开平台建设情况。', line: 3 },
      { text: '全年通过审计信息专栏公开政府信息16条。', line: 4 },
    ]);
    expect(m.proactiveTotal?.value).toBe(20);
  });

  it('takes section 2 (主动公开政府信息情况) as a 主动公开 topic, and a new section ends a sub-heading', () => {
    const m = readMetrics([
      { text: '(一)主动公开情况。通过政府网站主动公开信息4884条。', line: 1, section: '总体情况' },
      { text: '2020年，全县共主动公开政府信息5863条。', line: 9, section: '主动公开政府信息情况' },
    ]);
    expect(m.proactiveTotal).toMatchObject({ value: 5863, unit: '条', line: 9 });
    expect(readMetrics([{ text: '2020年，全县共主动公开政府信息5863件。', line: 9, section: '主动公开政府信息情况' }]).proactiveTotal?.unit).toBe('件');
  });

  it('quotes the sentence as written', () => {
    expect(proactive('一是加强领导。全年累计公开各类信息４５６条，较上年增长。')?.sentence).toBe('全年累计公开各类信息４５６条，较上年增长。');
  });

  it.each([
    '回复县长信件及咨询318条。',
    '主动公开政府信息1200余条。',
    '2020年收到政府信息公开申请12条。',
    '发布通知公告12条。',
  ])('reads no headline count from %s', (text) => {
    expect(proactive(text)).toBeNull();
  });

  it('reads the number of requests received', () => {
    expect(readMetrics([{ text: '全年共受理依申请政府信息公开14件，全部依法答复。', line: 3 }]).requestsReceived).toMatchObject({ value: 14, unit: '件', line: 3 });
  });

  it.each([
    ['全年共受理政府信息公开申请673件（含上年结转9件），其中本年新收664件。', 664],
    ['全年办理政府信息公开申请680件，其中本年新收664件，上年结转16件。', 664],
    ['全年新收政府信息公开申请44件，上年结转2件，其中予以公开23件。', 44],
    ['全年收到政府信息公开申请9件，上年结转1件，已全部办结。', 9],
  ])('reads the year\'s new requests, not a total with last year\'s: %s → %d', (text, value) => {
    expect(readMetrics([{ text, line: 1 }]).requestsReceived?.value).toBe(value);
  });
});
