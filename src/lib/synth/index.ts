import iconv from 'iconv-lite';
import { Converter } from 'opencc-js';
import type { Level, Region, Template } from '../schema/report.ts';
import type { Table2, Table3, Table4 } from '../schema/tables.ts';
import { regionOfPlace } from '../parse/region.ts';
import { pickBody } from './bodies.ts';
import { breakTotals, table2, table3, table4 } from './numbers.ts';
import { hardWrap, headline, overview, PROBLEMS } from './prose.ts';
import { rng, type Rng } from './random.ts';
import { renderRows, table2Rows, table3Rows, table4Rows, type SynthLayout, type Tables } from './render.ts';

/** What a careful reader gets out of a generated report: the corpus truth format plus region and level. */
export interface SynthTruth {
  agency: string | null;
  year: number | null;
  template: Template | null;
  proactiveTotal: number | null;
  table2: Table2 | null;
  table3: Table3 | null;
  table4: Table4 | null;
  level?: Level;
  region?: Omit<Region, 'code'>;
}

/** How a file was made, for reading benchmark and test failures. */
export interface SynthVariant {
  layout: SynthLayout;
  /** Section headings numbered 一、 (the template), （一）, or not at all (Word's numbering lost). */
  headings: 'numbered' | 'paren' | 'bare';
  /** What PDF extraction did to the characters of a PDF layout: radicals for ideographs, or a space between every two. */
  characters: 'radicals' | 'spaced' | null;
  /**
   * What else extraction left in the text: a form feed at each page break of a PDF layout, or in
   * a web page's layout, table cells padded with &nbsp; and zero-width spaces inside words.
   */
  leftovers: 'form-feeds' | 'web' | null;
  encoding: string;
  traditional: boolean;
  damage: string | null;
  /** false for the reports whose table 3 was made not to add up. */
  adds: boolean;
}

export interface SynthReport {
  path: string;
  bytes: Uint8Array;
  truth: SynthTruth;
  variant: SynthVariant;
}

const LAYOUTS: SynthLayout[] = ['docx', 'tab', 'space', 'pipe', 'html'];
let toTraditional: ((s: string) => string) | null = null;

/** N reports, the same for the same seed on every machine. */
export function* generateCorpus({ count, seed }: { count: number; seed: number }): Generator<SynthReport> {
  const r = rng(seed);
  // Variations added later draw from streams of their own, so adding one changes only the reports
  // it applies to, and the benchmarks measured on the others stay comparable.
  const later = rng(seed ^ 0x5bd1e995);
  const latest = rng(seed ^ 0x2545f491);
  for (let i = 0; i < count; i++) yield generateReport(r, later, latest, i);
}

function generateReport(r: Rng, later: Rng, latest: Rng, i: number): SynthReport {
  const body = pickBody(r);
  const year = r.int(2019, 2024);
  const template: Template = year <= 2020 ? '2019' : '2021';
  const scale = { township: 3, county: 20, department: 8, city: 60, province: 200 }[body.level];
  const tables: Tables = { template, table2: table2(r, template, scale / 3), table3: table3(r, template, scale), table4: table4(r) };
  const adds = !r.chance(0.05);
  if (!adds) breakTotals(r, tables.table3);
  const proactive = r.int(20, 400) * Math.ceil(scale / 3);
  const how = r.pick(LAYOUTS);
  const short = { township: '我镇', county: '我县', department: '我局', city: '我市', province: '我省' }[body.level];
  const truth: SynthTruth = {
    agency: body.agency,
    year,
    template,
    proactiveTotal: proactive,
    table2: tables.table2,
    table3: tables.table3,
    table4: tables.table4,
    level: body.level,
    region: (({ code: _code, ...rest }) => rest)(regionOfPlace(body.place)),
  };
  const headingRoll = later.next();
  const headings: SynthVariant['headings'] = headingRoll < 0.04 ? 'paren' : headingRoll < 0.08 ? 'bare' : 'numbered';
  const characterRoll = later.next();
  const pdf = how === 'tab' || how === 'space';
  const characters: SynthVariant['characters'] = pdf && characterRoll < 0.05 ? 'radicals' : pdf && characterRoll < 0.1 ? 'spaced' : null;
  const leftoverRoll = latest.next();
  const leftovers: SynthVariant['leftovers'] = leftoverRoll >= 0.05 ? null : pdf ? 'form-feeds' : how === 'pipe' || how === 'html' ? 'web' : null;
  const variant: SynthVariant = { layout: how, headings, characters, leftovers, encoding: 'utf-8', traditional: false, damage: null, adds };
  const rows = (cells: string[][]) => renderRows(cells, how, leftovers === 'web');
  const heading = (n: number, title: string) => (headings === 'numbered' ? `${'一二三四五六'[n - 1]}、${title}` : headings === 'paren' ? `（${'一二三四五六'[n - 1]}）${title}` : title);

  let s1 = overview(body.agency, short, year, headline(r, proactive, year), tables.table3.newReceived[6]!);
  if (how === 'space') s1 = hardWrap(s1, 38);
  const t3rows = table3Rows(tables);
  const lines = [
    `${body.agency}${year}年政府信息公开工作年度报告`,
    heading(1, '总体情况'), ...s1,
    heading(2, '主动公开政府信息情况'), ...rows(table2Rows(tables)),
    heading(3, '收到和处理政府信息公开申请情况'),
  ];
  const damage = r.next();
  if (damage < 0.01) return finish(r, i, body.folder, '', emptyTruth(truth), { ...variant, damage: 'empty' });
  if (damage < 0.02) {
    // Cut inside table 3: the rows after the cut, table 4 and the sums are unknown.
    const keep = r.int(5, 15);
    lines.push(...rows(t3rows.slice(0, keep)));
    truth.table4 = null;
    truth.table3 = truncate(tables.table3, keep - 3);
    return finish(r, i, body.folder, withLeftovers(lines, leftovers), truth, { ...variant, damage: 'truncated' });
  }
  lines.push(...rows(t3rows), heading(4, '政府信息公开行政复议、行政诉讼情况'), ...rows(table4Rows(tables)));
  lines.push(heading(5, '存在的主要问题及改进情况'), ...PROBLEMS, heading(6, '其他需要报告的事项'), '本年度无其他需要报告的事项。');
  return finish(r, i, body.folder, withLeftovers(lines, leftovers), truth, variant);
}

/** The report's text with a form feed starting every 45th line (a PDF page), or zero-width spaces inside words (a web page). */
function withLeftovers(lines: string[], leftovers: SynthVariant['leftovers']): string {
  const text = (leftovers === 'form-feeds' ? lines.map((l, k) => (k > 0 && k % 45 === 0 ? `\f${l}` : l)) : lines).join('\n') + (leftovers === 'form-feeds' ? '\n\f' : '\n');
  return leftovers === 'web' ? text.replace(/主动公开|申请人|行政复议/g, (w) => `${w[0]}\u200b${w.slice(1)}`) : text;
}

/** Rows after the first `kept` data rows of table 3 are gone. */
function truncate(t3: Table3, kept: number): Table3 {
  const none = () => [null, null, null, null, null, null, null] as (number | null)[];
  const order = ['newReceived', 'carriedOver', 'granted', 'partiallyGranted', 'denied', 'unableToProvide', 'notProcessed'] as const;
  const out = structuredClone(t3) as any;
  let n = 0;
  for (const key of order) {
    const v = out[key];
    if (Array.isArray(v)) {
      if (n++ >= kept) out[key] = none();
    } else for (const k of Object.keys(v)) if (n++ >= kept) v[k] = none();
  }
  out.otherHandling = none();
  if (out.otherHandlingDetail) for (const k of Object.keys(out.otherHandlingDetail)) out.otherHandlingDetail[k] = none();
  out.totalHandled = none();
  out.carriedForward = none();
  return out;
}

function emptyTruth(t: SynthTruth): SynthTruth {
  return { ...t, agency: null, year: null, template: null, proactiveTotal: null, table2: null, table3: null, table4: null, level: undefined, region: undefined };
}

/** Encodes the text as real files come: mostly UTF-8, some with BOM and CRLF, some GBK, some traditional. */
function finish(r: Rng, i: number, folder: string, text: string, truth: SynthTruth, variant: SynthVariant): SynthReport {
  const path = `${folder}/${String(i).padStart(6, '0')}.txt`;
  const roll = r.next();
  let bytes: Uint8Array;
  // PDF character artefacts only in plain UTF-8 files: the other encodings keep their own variation.
  if (!text || roll < 0.24) variant.characters = null;
  if (text && roll < 0.08) {
    toTraditional ??= Converter({ from: 'cn', to: 'tw' });
    bytes = new TextEncoder().encode(toTraditional(text));
    variant.traditional = true;
  } else if (text && roll < 0.16) {
    bytes = new Uint8Array(iconv.encode(text, 'gb18030'));
    variant.encoding = 'gb18030';
  } else if (text && roll < 0.24) {
    bytes = new Uint8Array([0xef, 0xbb, 0xbf, ...new TextEncoder().encode(text.replace(/\n/g, '\r\n'))]);
    variant.encoding = 'utf-8-bom-crlf';
  } else bytes = new TextEncoder().encode(pdfCharacters(text, variant));
  return { path, bytes, truth, variant };
}

let asRadicals: Map<string, string> | null = null;

/** The text as PDF extraction returns it for some fonts. */
function pdfCharacters(text: string, variant: SynthVariant): string {
  if (variant.characters === 'spaced') return text.replace(/(?<=[\u3400-\u9fff])(?=[\u3400-\u9fff])/g, ' ');
  if (variant.characters !== 'radicals') return text;
  if (!asRadicals) {
    asRadicals = new Map([['民', '\u2ea0']]);
    for (let c = 0x2f00; c <= 0x2fd5; c++) asRadicals.set(String.fromCharCode(c).normalize('NFKC'), String.fromCharCode(c));
  }
  return text.replace(/[\u3400-\u9fff]/g, (c) => asRadicals!.get(c) ?? c);
}
