import { barSvg, esc } from '../charts/bar-svg.ts';
import { formatNumber } from './format.ts';
import { METRICS } from './figures.ts';

/** What the compare view needs of a report; built from KeyFigures at build time or /data/reports.json in the browser. */
export interface CompareItem {
  slug: string;
  agency: string;
  year: number | null;
  region: string;
  proactive: number | null;
  requests: number | null;
  procurementWan: number | null;
  reviews: number | null;
  lawsuits: number | null;
}

export const MAX_COMPARE = 8;

/**
 * The comparison as HTML: a side-by-side table and one bar chart per metric. A string so the page
 * can render a default comparison at build time and the browser can redraw it for any selection.
 */
export function compareHtml(items: CompareItem[], reportUrl: (slug: string) => string): string {
  if (items.length === 0) return '<p>请至少选择两份报告。</p>';
  const name = (i: CompareItem) => `${i.agency}（${i.year ?? '?'}）`;
  const head = items.map((i) => `<th scope="col" class="num"><a href="${esc(reportUrl(i.slug))}">${esc(name(i))}</a></th>`).join('');
  const rows = [
    `<tr><th scope="row">地区</th>${items.map((i) => `<td class="num">${esc(i.region)}</td>`).join('')}</tr>`,
    ...METRICS.map(
      (m) => `<tr><th scope="row">${m.label}（${m.unit}）</th>${items.map((i) => `<td class="num">${formatNumber(i[m.key])}</td>`).join('')}</tr>`,
    ),
  ].join('');
  const table = `<div class="table-wrap"><table id="compare-table"><caption>主要数字对比</caption><thead><tr><th scope="col">指标</th>${head}</tr></thead><tbody>${rows}</tbody></table></div>`;
  const charts = METRICS.filter((m) => items.some((i) => i[m.key] !== null))
    .map((m) => {
      const id = `cmp-${m.key}`;
      const data = items.map((i) => ({ label: name(i), value: i[m.key] }));
      const desc = data.map((d) => `${d.label} ${formatNumber(d.value)} ${m.unit}`).join('；');
      return (
        `<figure class="chart" id="${id}"><figcaption id="${id}-t">${m.label}（${m.unit}）</figcaption>` +
        `<p class="chart-note sr-only" id="${id}-d">${esc(desc)}</p>` +
        barSvg(data, { labelledBy: `${id}-t ${id}-d`, unit: m.unit, valueLabel: m.label, format: formatNumber, labelWidth: 150 }) +
        `</figure>`
      );
    })
    .join('');
  return `${table}<div class="grid">${charts}</div>`;
}
