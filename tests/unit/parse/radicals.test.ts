import { describe, expect, it } from 'vitest';
import { unifyRadicals } from '../../../src/lib/parse/read/radicals.ts';

// Radicals written as code points: in most fonts they look exactly like the ideographs.
const r = (...cps: number[]) => String.fromCharCode(...cps);

describe('unifyRadicals', () => {
  it('reads Kangxi radicals and the supplement as the ideographs they stand for, one unit for one', () => {
    const text = `湛河区曹镇乡${r(0x2f08, 0x2ea0)}政府\n${r(0x2f00)}、总体情况\n${r(0x2f2f)}作`;
    expect(unifyRadicals(text)).toEqual({ text: '湛河区曹镇乡人民政府\n一、总体情况\n工作', replaced: 4 });
    expect(unifyRadicals(text).text).toHaveLength(text.length);
  });

  it('maps every Kangxi radical (NFKC) and the supplement by Unicode’s equivalents', () => {
    for (let c = 0x2f00; c <= 0x2fd5; c++) expect(unifyRadicals(r(c)).text).toBe(r(c).normalize('NFKC'));
    expect(unifyRadicals(r(0x2ed3, 0x2ed4, 0x2ec5, 0x2ee2)).text).toBe('长门见马');
  });

  it('leaves text without radicals, and radicals without a one-unit equivalent, as they are', () => {
    const plain = '夏邑县人民政府2020年政府信息公开工作年度报告';
    expect(unifyRadicals(plain)).toEqual({ text: plain, replaced: 0 });
    // U+2E87 (CJK RADICAL TABLE) stands for U+20628, outside the BMP: kept, so offsets stay valid.
    expect(unifyRadicals(r(0x2e87))).toEqual({ text: r(0x2e87), replaced: 0 });
  });
});
