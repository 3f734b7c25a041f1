import { describe, expect, test } from 'vitest';
import { barLayout, fitLabel } from '../../src/lib/charts/bar.ts';
import { barSvg, esc } from '../../src/lib/charts/bar-svg.ts';
import { decadeBuckets } from '../../src/lib/charts/buckets.ts';
import { lineLayout } from '../../src/lib/charts/line.ts';
import { shortNumber } from '../../src/lib/charts/ticks.ts';

describe('barLayout', () => {
  const data = [
    { label: '夏邑县人民政府', value: 5863 },
    { label: '会亭镇人民政府', value: 2000, highlight: true },
    { label: '缺数据', value: null },
  ];
  test('bar lengths are proportional and the largest fits the plot', () => {
    const g = barLayout(data, { width: 360 });
    const [a, b, c] = g.bars;
    expect(a!.w).toBeLessThanOrEqual(g.plotWidth);
    expect(a!.w / b!.w).toBeCloseTo(5863 / 2000, 1);
    expect(c!.w).toBe(0);
    expect(b!.highlight).toBe(true);
  });
  test('fits a 360-wide viewBox with labels inside it', () => {
    const g = barLayout(data, { width: 360, labelWidth: 120 });
    expect(g.width).toBe(360);
    expect(g.plotX + g.plotWidth).toBeLessThanOrEqual(360);
    for (const t of g.ticks) expect(t.pos).toBeGreaterThanOrEqual(g.plotX);
    expect(g.height).toBeGreaterThan(data.length * 20);
  });
  test('all-zero data still draws a valid axis', () => {
    const g = barLayout([{ label: 'a', value: 0 }]);
    expect(g.bars[0]!.w).toBe(0);
    expect(g.ticks.length).toBeGreaterThan(1);
    expect(g.ticks.every((t) => Number.isFinite(t.pos))).toBe(true);
  });
});

describe('fitLabel', () => {
  test('cuts long Chinese names with an ellipsis', () => {
    expect(fitLabel('湛河区曹镇乡人民政府', 6)).toBe('湛河区曹镇…');
    expect(fitLabel('夏邑县', 6)).toBe('夏邑县');
  });
});

describe('barSvg', () => {
  test('emits an accessible svg with a title per bar, and escapes labels', () => {
    const svg = barSvg([{ label: 'A&B<镇>', value: 3 }], { labelledBy: 't d', unit: '件', valueLabel: '申请', format: String });
    expect(svg).toMatch(/^<svg viewBox="0 0 360 \d+(\.\d+)?" role="img" aria-labelledby="t d">/);
    expect(svg).toContain('<title>A&#38;B&#60;镇&#62;：3 件</title>');
    expect(svg).toContain('申请（件）');
    expect(svg).not.toContain('<镇>');
  });
  test('esc covers the HTML specials', () => {
    expect(esc(`<a href="x">'&'</a>`)).not.toMatch(/[<>"'&](?!#)/);
  });
});

describe('decadeBuckets', () => {
  test('counts values by order of magnitude, with units in the labels', () => {
    const b = decadeBuckets([0, 5, 42, 687, 5863, 5000, null], '条');
    expect(b.map((x) => x.value)).toEqual([1, 1, 1, 1, 2]);
    expect(b[0]!.label).toBe('0 条');
    expect(b[4]!.label).toBe('1,000–9,999 条');
  });
  test('no values, no buckets', () => {
    expect(decadeBuckets([null, null], '件')).toEqual([]);
  });
});

describe('lineLayout', () => {
  test('one dot per known year and a gap for a missing one', () => {
    const g = lineLayout([{ x: 2019, y: 10 }, { x: 2020, y: null }, { x: 2021, y: 30 }]);
    expect(g.dots.map((d) => d.label)).toEqual(['2019', '2021']);
    expect(g.path.match(/M/g)!.length).toBe(2);
    expect(g.dots[1]!.y).toBeLessThan(g.dots[0]!.y);
    expect(g.xTicks.map((t) => t.label)).toEqual(['2019', '2020', '2021']);
  });
});

describe('shortNumber', () => {
  test('uses 万 and 亿 for large axis labels', () => {
    expect(shortNumber(12000)).toBe('1.2万');
    expect(shortNumber(300000000)).toBe('3亿');
    expect(shortNumber(950)).toBe('950');
  });
});

describe('count axes', () => {
  test('no fractional ticks when every value is a whole number', () => {
    const g = barLayout([{ label: 'a', value: 1 }, { label: 'b', value: 0 }]);
    expect(g.ticks.map((t) => t.label)).toEqual(['0', '1']);
    const l = lineLayout([{ x: 2019, y: 1 }, { x: 2020, y: 1 }]);
    expect(l.yTicks.every((t) => Number.isInteger(Number(t.label)))).toBe(true);
    const m = barLayout([{ label: 'a', value: 0.8 }]);
    expect(m.ticks.some((t) => t.label.includes('.'))).toBe(true);
  });
});
