import { barLayout, type BarDatum, type BarOptions } from './bar.ts';

export interface BarSvgOptions extends BarOptions {
  /** ids of the elements that title and describe the chart (aria-labelledby). */
  labelledBy: string;
  unit: string;
  valueLabel: string;
  format: (v: number | null) => string;
}

/**
 * The SVG markup of a horizontal bar chart. A string, so the same function draws the chart at
 * build time (Astro) and in the browser (compare page) without a DOM library.
 */
export function barSvg(data: BarDatum[], o: BarSvgOptions): string {
  const g = barLayout(data, o);
  const grid = g.ticks.map((t) => `<line x1="${t.pos}" x2="${t.pos}" y1="0" y2="${g.axisY}"/>`).join('');
  const bars = g.bars
    .map(
      (b) =>
        `<g class="bar${b.highlight ? ' hi' : ''}"><title>${esc(`${b.label}：${o.format(b.value)} ${o.unit}`)}</title>` +
        `<text x="${g.plotX - 6}" y="${b.textY}" text-anchor="end">${esc(b.shortLabel)}</text>` +
        `<rect x="${b.x}" y="${b.y}" width="${b.w}" height="${b.h}" rx="2"/>` +
        `<text x="${b.x + b.w + 4}" y="${b.textY}">${esc(o.format(b.value))}</text></g>`,
    )
    .join('');
  const axis =
    `<line x1="${g.plotX}" x2="${g.plotX + g.plotWidth}" y1="${g.axisY}" y2="${g.axisY}"/>` +
    g.ticks.map((t) => `<text x="${t.pos}" y="${g.axisY + 14}" text-anchor="middle">${esc(t.label)}</text>`).join('') +
    `<text x="${g.plotX + g.plotWidth}" y="${g.axisY + 30}" text-anchor="end">${esc(`${o.valueLabel}（${o.unit}）`)}</text>`;
  return (
    `<svg viewBox="0 0 ${g.width} ${g.height + 14}" role="img" aria-labelledby="${esc(o.labelledBy)}">` +
    `<g class="grid" aria-hidden="true">${grid}</g>${bars}<g class="axis" aria-hidden="true">${axis}</g></svg>`
  );
}

export function esc(s: string): string {
  return s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}
