import type { Metric, Metrics } from '../schema/report.ts';
import type { Warning } from '../schema/warning.ts';
import { foldWidth } from './normalize.ts';

export interface ProseParagraph {
  /** Simplified text of the paragraph, as written (not width-folded: sentences are quoted). */
  text: string;
  line: number;
  /** The title of the numbered section it is in: 「主动公开政府信息情况」 is a topic too. */
  section?: string;
}

interface Rule {
  key: keyof Metrics;
  /** What the figure is, for warnings. */
  label: string;
  /** A sub-heading naming the topic (（一）主动公开情况) makes the figures under it more likely. */
  topic: RegExp;
  /**
   * The figure: groups `n` (the number), `wan` (万, optional), `unit` (as written), and `about`
   * (余, 多) or `over` (以上) when it is approximate.
   */
  figure: RegExp;
  /** A paragraph without any of these characters states no figure. */
  units: RegExp;
  /** The unit the figure is counted in; others (件 for 条) are taken when nothing better is stated. */
  unit: string;
  /** Every clause that may state the figure must contain one of these. */
  requires: RegExp;
  /** Clauses mentioning these are about something else. */
  excludes: RegExp;
  /** Words that make a clause more likely to be the headline figure, with their weight. */
  boosts: [RegExp, number][];
  /**
   * Where the figure was published: another channel alone (a 政务微博 count, often larger than
   * the website's) makes it a different figure; with the main one named too
   * (「通过政府网站、政务微博等主动公开…」) it is a total over channels. The main channel alone earns
   * nothing: 「通过政府网站主动公开信息4884条」 may be part of the year's total.
   */
  channels?: { main: RegExp; other: RegExp };
  /**
   * A running total since long before the year (「截至目前，累计公开各类信息12345条」) is not the
   * year's figure; the year's own figure inside it (「其中本年度公开1234条」) is, 其中 or not.
   */
  running?: { total: RegExp; since: RegExp; year: RegExp };
}

const SUBHEADING = /^\s*(?:[(（][一二三四五六七八九十]+[)）]|[一二三四五六七八九十]+[、.．])/;
// Thousands separated by commas or, as some reports write them, by a space (「1 456条」).
const NUM = String.raw`(?<n>\d{1,3}(?:,\d{3})+|\d{1,3}(?:[ \u00a0]\d{3})+`;

/**
 * A figure never starts inside a number: the 3456 of 「12 3456条」 is not one. (Checked here, not
 * by a lookbehind, which the regular expression would test at every character of the text.)
 */
function insideNumber(s: string, i: number): boolean {
  const numeric = (c: number) => (c >= 48 && c <= 57) || c === 46 || c === 44;
  const a = s.charCodeAt(i - 1);
  return numeric(a) || ((a === 32 || a === 0xa0) && numeric(s.charCodeAt(i - 2)));
}
/** Words before a figure that make it approximate: 「约1200条」, 「超过1200条」. */
const ABOUT_BEFORE = /(?:约|近|逾|超过|超|将近|接近)\s*$/;

const PROACTIVE: Rule = {
  key: 'proactiveTotal',
  label: '主动公开信息总数',
  topic: /主动公开/,
  // 「1.2万条」 is 12,000 as stated; 「2300余条」 is not a count (it competes, and wins as no figure).
  // Items are 条, some reports count them in 件, 篇, 项 or 则.
  figure: new RegExp(NUM + String.raw`|\d+(?:\.\d+)?)\s*(?<wan>万?)\s*(?<about>余|多)?(?<unit>[条件篇项则])(?<over>以上)?`, 'g'),
  units: /[条件篇项则]/,
  unit: '条',
  requires: /主动公开|发布|公开|更新/,
  excludes: /申请|依申请|留言|来信|咨询|回复|解读|答复|建议|提案|转载|规范性文件|清单|上年|上一年|去年|同比/,
  boosts: [
    [/主动公开/, 3],
    [/信息|政务|文件/, 1],
    [/共|全年|累计|总计|合计|本年|年度/, 1],
    [/更新|发布|公开/, 1],
    [/其中/, -3],
  ],
  channels: { main: /网站|门户/, other: /微博|微信|公众号|新媒体|头条号|抖音|快手|视频号|客户端|APP|App|短信/ },
  // 「截至2022年底，累计…」 often counts the year only: a date does not make a running total.
  running: { total: /累计/, since: /目前|至今|以来|历年|建站|上线/, year: /本年|今年|当年|年内|全年/ },
};

const REQUESTS: Rule = {
  key: 'requestsReceived',
  label: '收到申请数',
  topic: /依申请|申请公开/,
  figure: new RegExp(NUM + String.raw`|\d+)\s*(?<about>余|多)?(?<unit>件)(?<over>以上)?`, 'g'),
  units: /件/,
  unit: '件',
  requires: /申请|新收/,
  excludes: /复议|诉讼|答复率|办结率|上年|上一年|去年|同比/,
  boosts: [
    // 本年新收 is the figure itself, even as the part of a total that includes last year's
    // (「共受理申请673件（含上年结转9件），其中本年新收664件」).
    [/新收/, 6],
    [/收到|受理|办理/, 2],
    [/共|全年|累计|本年|年度/, 1],
    [/其中|予以公开|不予公开|部分公开/, -3],
  ],
};

/**
 * Headline figures stated in the prose. Each clause (text between 。；) that contains the figure
 * and the required words is scored; the best clause wins, the earliest on ties. A clause with
 * 其中 is a breakdown of a total, not the total.
 */
export function readMetrics(paragraphs: ProseParagraph[], year: number | null = null, warnings?: Warning[]): Metrics {
  // Both figures read the same sentences: each paragraph is folded and split once, when first needed.
  const split: (Sentence[] | undefined)[] = new Array(paragraphs.length);
  const sentencesOf = (i: number) => (split[i] ??= sentences(paragraphs[i]!.text));
  return {
    proactiveTotal: best(paragraphs, sentencesOf, PROACTIVE, 2, year, warnings),
    requestsReceived: best(paragraphs, sentencesOf, REQUESTS, 3, year, warnings),
  };
}

interface Sentence {
  /** The sentence as written. */
  quoted: string;
  /** Its width-folded clauses. */
  clauses: string[];
}

function sentences(text: string): Sentence[] {
  // Match on the width-folded text (same length), quote the sentence as written.
  const folded = foldWidth(text);
  let start = 0;
  return folded.split(/(?<=[。；;！!？?])/).map((sentence) => ({
    quoted: text.slice(start, (start += sentence.length)),
    // A comma before three digits may be a thousands separator; a colon is never one, and the
    // figure after it (「主动公开政府信息：5863条」) belongs with the words before it.
    clauses: sentence.split(/(?<=[，,])(?!\d{3}\D)|(?<=[：:])(?!\d)/),
  }));
}

/** 「5,863」 → 5863, 「1.2」 with 万 → 12000; a fraction without 万 is not a count. */
function figureValue(digits: string, wan: string | undefined): number | null {
  const n = Number(digits.replace(/[, \u00a0]/g, ''));
  if (wan) return Math.round(n * 10000);
  return Number.isInteger(n) ? n : null;
}

/** The figure before, in the same sentence, when it was a candidate. */
interface Previous {
  score: number;
  topical: boolean;
  unit: string;
}

/**
 * A year other than the report's, naming the period a figure's words count (「2021年度主动公开…398条」
 * in a 2022 report); not a year in a document's title (《…2021年政务公开工作要点》) or the year a
 * law was revised (2019年修订的《条例》, 自2019年新《条例》施行以来).
 */
function otherYear(words: string, year: number | null): boolean {
  if (year === null) return false;
  for (const m of words.replace(/《[^《》]*》/g, '').matchAll(/(\d{4})\s*年(?!.{0,4}(?:修订|修正|施行|颁布|印发|新))/g)) if (Number(m[1]) !== year) return true;
  return false;
}

function best(paragraphs: ProseParagraph[], sentencesOf: (i: number) => Sentence[], rule: Rule, threshold: number, year: number | null, warnings?: Warning[]): Metric | null {
  let top: (Metric & { score: number; approximate: boolean }) | null = null;
  let underTopic = false;
  let section: string | undefined;
  for (let i = 0; i < paragraphs.length; i++) {
    const p = paragraphs[i]!;
    if (p.section !== section) underTopic = rule.topic.test((section = p.section) ?? '');
    const heading = SUBHEADING.exec(p.text);
    if (heading) underTopic = rule.topic.test(p.text.slice(heading[0].length, heading[0].length + 16));
    if (!rule.units.test(p.text)) continue;
    for (const { quoted, clauses } of sentencesOf(i)) {
      // The sentence so far (a 其中 anywhere before a figure makes it a breakdown), the words since
      // the previous figure (what this figure counts: in 「主动公开信息456条，更新公开栏信息32条」 the
      // 32 is not 主动公开), and the previous figure if it was a candidate.
      let context = '';
      let words = '';
      let previous: Previous | null = null;
      let running = false;
      for (const clause of clauses) {
        // Every figure of the clause: 「258条（其中主动公开231条）」 and 「文件35件、政府信息1,204条」 hold two.
        let from = 0;
        for (const m of clause.matchAll(rule.figure)) {
          if (insideNumber(clause, m.index)) continue;
          const own = words + clause.slice(from, m.index);
          // Only the words before the figure, since the previous one, say what it counts:
          // 「5863条（含政策解读32条）」 is the total.
          const lead = clause.slice(from, m.index);
          const before = context + clause.slice(0, m.index);
          words = '';
          from = m.index + m[0].length;
          const candidate = previous as Previous | null;
          previous = null;
          const unit = m.groups!.unit!;
          // 「主动公开文件35件、政府信息1,204条」: a listed figure shares the list's words; so does a
          // clause that goes on with the same verb after a document count (「主动公开政府文件12件，公开政府信息1234条」).
          const listed: boolean =
            candidate !== null && (own.startsWith('、') || (candidate.unit !== rule.unit && unit === rule.unit && /^[，,]\s*(?:并|同时)?(?:主动)?(?:公开|发布)/.test(own)));
          if (!(listed || rule.requires.test(lead)) || rule.excludes.test(lead) || otherYear(own, year)) continue;
          const value = figureValue(m.groups!.n!, m.groups!.wan);
          if (value === null) continue;
          const approximate = Boolean(m.groups!.about || m.groups!.over) || ABOUT_BEFORE.test(lead);
          let gain = 0;
          let loss = 0;
          const yearly = rule.running?.year.test(own) ?? false;
          const inRunning = running && yearly;
          if (rule.running && !yearly && rule.running.total.test(own) && rule.running.since.test(before)) {
            running = true;
            loss -= 3;
          }
          for (const [re, w] of rule.boosts) {
            if (w > 0 && re.test(own)) gain += w;
            else if (w < 0 && !inRunning && re.test(before)) loss += w;
          }
          // Items are counted in 条; other units count documents as often.
          if (unit !== rule.unit) gain -= 1;
          if (rule.channels && rule.channels.other.test(own) && !rule.channels.main.test(own)) loss -= 3;
          const topical: boolean = rule.topic.test(own) || (listed && candidate !== null && candidate.topical);
          // 「共公开政府信息612条，其中主动公开456条」: the topic's own figure outranks the total it is
          // part of; in a list, an item count in 条 outranks a document count before it.
          const promoted = unit === rule.unit && candidate?.unit !== rule.unit ? 1 : 0;
          const base: number =
            candidate && !candidate.topical && topical ? Math.max(gain, candidate.score + 1) : listed && candidate ? Math.max(gain + loss, candidate.score + promoted) : gain + loss;
          previous = { score: base, topical, unit };
          const score = underTopic ? base + 2 : base;
          if (score < threshold || (top && score <= top.score)) continue;
          top = { value, unit, sentence: quoted.trim(), line: p.line, score, approximate };
        }
        context += clause;
        words += clause.slice(from);
      }
    }
  }
  if (!top) return null;
  const { score: _score, approximate, ...metric } = top;
  if (approximate) {
    // The headline is a round figure: no count, and not the smaller one stated beside it either.
    warnings?.push({ code: 'METRIC_MISSING', severity: 'warning', message: `${rule.label}只给出约数（${metric.sentence}），未取值。`, path: `metrics.${rule.key}`, raw: metric.sentence, line: metric.line });
    return null;
  }
  return metric;
}
