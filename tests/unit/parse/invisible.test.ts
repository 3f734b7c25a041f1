import { describe, expect, it } from 'vitest';
import { dropInvisible } from '../../../src/lib/parse/read/invisible.ts';

describe('dropInvisible', () => {
  it('drops form feeds, zero-width characters and soft hyphens, and keeps every line', () => {
    const text = '一、总体情况\n\f\t0\n主\u200b动公开\u00ad政府信息687条\ufeff\n\f';
    const out = dropInvisible(text);
    expect(out).toBe('一、总体情况\n\t0\n主动公开政府信息687条\n');
    expect(out.split('\n')).toHaveLength(text.split('\n').length);
  });

  it('returns a text without them as it is', () => {
    const text = '本年新收政府信息公开申请数量\t1\t0';
    expect(dropInvisible(text)).toBe(text);
  });
});
