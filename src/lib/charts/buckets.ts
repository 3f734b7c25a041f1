import type { BarDatum } from './bar.ts';

/**
 * Counts values in powers-of-ten ranges (0, 1–9, 10–99, …). Disclosure counts span five orders of
 * magnitude across bodies, so equal-width bins would put almost every report in the first bin.
 */
export function decadeBuckets(values: (number | null)[], unit: string): BarDatum[] {
  const known = values.filter((v): v is number => v !== null && v >= 0);
  if (!known.length) return [];
  const maxExp = Math.max(0, Math.floor(Math.log10(Math.max(...known, 1))));
  const counts = new Array<number>(maxExp + 2).fill(0);
  for (const v of known) counts[v < 1 ? 0 : Math.floor(Math.log10(v)) + 1]!++;
  const fmt = new Intl.NumberFormat('zh-CN');
  return counts.map((n, i) => ({
    label: i === 0 ? `0 ${unit}` : i === 1 ? `1–9 ${unit}` : `${fmt.format(10 ** (i - 1))}–${fmt.format(10 ** i - 1)} ${unit}`,
    value: n,
  }));
}
