// The same report must parse to the same record whatever layout text extraction gave it: each
// seed is re-laid out (HTML one-cell-per-line, `|` rows, full-width digits, BOM + CRLF,
// traditional characters) and compared with its truth file.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Converter } from 'opencc-js';
import { describe, expect, it } from 'vitest';
import { parseReport } from '../../../src/lib/parse/index.ts';

const fixtures = join(import.meta.dirname, '..', '..', 'fixtures');
const seeds = ['000', '001', '002', '003', '004'].map((n) => ({
  name: `seed-${n}`,
  text: readFileSync(join(fixtures, `seed-${n}`, 'input.txt'), 'utf8'),
  truth: JSON.parse(readFileSync(join(fixtures, `seed-${n}`, 'expected.json'), 'utf8')),
}));
const toTraditional = Converter({ from: 'cn', to: 'tw' });

const layouts: Record<string, (t: string) => Uint8Array> = {
  'html-one-cell-per-line': (t) => utf8(t.split('\n').flatMap((l) => l.split('\t').map((c) => c.trim()).filter(Boolean)).join('\n')),
  'html-pipe-lines': (t) => utf8(t.split('\n').flatMap((l) => l.split('\t').map((c) => c.trim()).filter(Boolean).flatMap((c) => [c, '|'])).join('\n')),
  'no-blank-lines': (t) => utf8(t.replace(/\n[ \t]*\n/g, (m) => (m.includes('\t') ? m : '\n'))),
  'pipe-rows': (t) => utf8(t.split('\n').map((l) => (l.includes('\t') ? `| ${l.split('\t').map((c) => c.trim()).join(' | ')} |` : l)).join('\n')),
  'labels-wrapped-before-numbers': (t) =>
    utf8(t.replace(/^(.*?)(部分公开.{0,12}?情形，?)(.*?(?:\t| )0)/m, (_m, a: string, b: string, c: string) => `${a}${b}\n${c.trimStart()}`)),
  'full-width-digits': (t) => utf8(t.replace(/\d/g, (d) => String.fromCharCode(d.charCodeAt(0) + 0xfee0))),
  'bom-crlf': (t) => new Uint8Array([0xef, 0xbb, 0xbf, ...utf8(t.replace(/\n/g, '\r\n'))]),
  traditional: (t) => utf8(toTraditional(t)),
};

describe.each(Object.entries(layouts))('%s', (layout, transform) => {
  it.each(seeds)('$name', ({ text, truth }) => {
    const r = parseReport({ bytes: transform(text), file: `${layout}.txt` });
    expect({ agency: r.agency, year: r.year, template: r.template, proactiveTotal: r.proactiveTotal }).toEqual({
      agency: truth.agency,
      year: truth.year,
      template: truth.template,
      proactiveTotal: truth.proactiveTotal,
    });
    expect(r.table2).toEqual(truth.table2);
    expect(r.table3).toEqual(truth.table3);
    expect(r.table4).toEqual(truth.table4);
  });
});

function utf8(s: string): Uint8Array {
  return new TextEncoder().encode(s);
}
