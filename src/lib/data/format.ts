import type { Level } from '../schema/report.ts';

const integer = new Intl.NumberFormat('zh-CN', { maximumFractionDigits: 0 });
const decimal = new Intl.NumberFormat('zh-CN', { maximumFractionDigits: 2 });

/** A figure for display: grouped digits, up to two decimals, "—" when unknown. */
export function formatNumber(value: number | null | undefined): string {
  if (value === null || value === undefined || Number.isNaN(value)) return '—';
  // Counts are nearly all small integers and a 10,000-report build formats millions of them:
  // grouping the digits by hand is ~20× faster than Intl and gives the same string.
  if (Number.isSafeInteger(value)) return groupDigits(value);
  return Number.isInteger(value) ? integer.format(value) : decimal.format(value);
}

function groupDigits(n: number): string {
  const digits = String(Math.abs(n));
  let out = digits.length > 3 ? digits.replace(/\B(?=(\d{3})+$)/g, ',') : digits;
  if (n < 0) out = `-${out}`;
  return out;
}

/** A signed difference, e.g. for a failed check: "+3" / "−1". */
export function formatDifference(value: number | null): string {
  if (value === null) return '—';
  return value > 0 ? `+${formatNumber(value)}` : value < 0 ? `−${formatNumber(-value)}` : '0';
}

export const LEVEL_LABELS: Record<Level, string> = {
  province: '省级',
  city: '市级',
  county: '县级',
  township: '乡镇级',
  department: '部门',
};

export function levelLabel(level: Level | null): string {
  return level ? LEVEL_LABELS[level] : '未定级';
}

export const TEMPLATE_LABELS = {
  '2019': '2019 版模板（国办公开办函〔2019〕60号）',
  '2021': '2021 版模板（国办公开办函〔2021〕30号）',
} as const;
