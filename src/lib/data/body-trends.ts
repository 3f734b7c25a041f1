import type { LinePoint } from '../charts/line.ts';
import type { KeyFigures } from './figures.ts';
import { formatNumber } from './format.ts';

export const TREND_METRICS = [
  { key: 'proactive', label: '主动公开信息', unit: '条' },
  { key: 'requests', label: '新收公开申请', unit: '件' },
  { key: 'procurementWan', label: '政府集中采购金额', unit: '万元' },
  { key: 'reviews', label: '行政复议', unit: '件' },
  { key: 'lawsuits', label: '行政诉讼', unit: '件' },
] as const;

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
  return TREND_METRICS.flatMap((m) => {
    const points = years.map((r) => ({ x: r.year!, y: r[m.key] }));
    if (points.every((p) => p.y === null)) return [];
    const text = points.map((p) => `${p.x}年 ${formatNumber(p.y)}`).join('，');
    return [{ key: m.key, label: m.label, unit: m.unit, desc: `历年${m.label}（${m.unit}）：${text}。`, points }];
  });
}
