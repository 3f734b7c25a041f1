import type { ScaleLinear } from 'd3-scale';

export interface Tick {
  pos: number;
  label: string;
}

const plain = new Intl.NumberFormat('zh-CN', { maximumFractionDigits: 1 });

/** Axis label that stays short at phone width: 12,000 → 1.2万. */
export function shortNumber(v: number): string {
  const a = Math.abs(v);
  if (a >= 1e8) return `${plain.format(v / 1e8)}亿`;
  if (a >= 1e4) return `${plain.format(v / 1e4)}万`;
  return plain.format(v);
}

/** Ticks for a count axis: no 0.5 件 when every value is a whole number. */
export function linearTicks(scale: ScaleLinear<number, number>, count: number, integer = false): Tick[] {
  return scale
    .ticks(count)
    .filter((t) => !integer || Number.isInteger(t))
    .map((t) => ({ pos: round(scale(t)), label: shortNumber(t) }));
}

export function allIntegers(values: (number | null)[]): boolean {
  return values.every((v) => v === null || Number.isInteger(v));
}

export function round(v: number): number {
  return Math.round(v * 10) / 10;
}
