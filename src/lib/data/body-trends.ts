import type { LinePoint } from '../charts/line.ts';
import { METRICS, type KeyFigures } from './figures.ts';
import { formatNumber } from './format.ts';

export interface Trend {
  key: string;
  label: string;
  unit: string;
  desc: string;
  points: LinePoint[];
}

/** One series per metric over the body's years; a metric no year reports is left out. */
export function bodyTrends(reports: KeyFigures[]): Trend[] {
  const years = reports.filter((r) => r.year !== null);
  return METRICS.flatMap((m) => {
    const points = years.map((r) => ({ x: r.year!, y: r[m.key] }));
    if (points.every((p) => p.y === null)) return [];
    const text = points.map((p) => `${p.x}年 ${formatNumber(p.y)}`).join('，');
    return [{ key: m.key, label: m.label, unit: m.unit, desc: `历年${m.label}（${m.unit}）：${text}。`, points }];
  });
}
