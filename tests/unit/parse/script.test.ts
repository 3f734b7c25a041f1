// simplify() converts line by line (memoised); it must give exactly what OpenCC gives for the whole text.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Converter } from 'opencc-js';
import { Converter as ToSimplified } from 'opencc-js/t2cn';
import { describe, expect, it } from 'vitest';
import { simplify } from '../../../src/lib/parse/script.ts';

const whole = ToSimplified({ from: 'tw', to: 'cn' });
const toTraditional = Converter({ from: 'cn', to: 'tw' });
const seeds = ['000', '001', '002', '003', '004'].map((n) =>
  readFileSync(join(import.meta.dirname, '..', '..', 'fixtures', `seed-${n}`, 'input.txt'), 'utf8'),
);

describe('simplify', () => {
  it('keeps phrase conversions', () => {
    expect(simplify('反覆檢查')).toBe('反复检查');
    expect(simplify('乾隆年間\n天氣乾燥')).toBe('乾隆年间\n天气干燥');
  });

  it('equals whole-text conversion, with any line breaks', () => {
    for (const seed of seeds) {
      const t = toTraditional(seed);
      for (const text of [t, t.replace(/\n/g, '\r\n'), t.replace(/\n/g, '\r'), t.replace(/\n/g, '\n\n'), `${t}\n`]) {
        expect(simplify(text)).toBe(whole(text));
      }
    }
  });

  it('keeps an ideographic description sequence that runs across a line break whole', () => {
    const text = '機關⿰\n報告\n處理';
    expect(simplify(text)).toBe(whole(text));
  });
});
