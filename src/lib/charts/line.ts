import { scaleLinear, scalePoint } from 'd3-scale';
import { line } from 'd3-shape';
import { allIntegers, linearTicks, round, type Tick } from './ticks.ts';

export interface LinePoint {
  x: number;
  y: number | null;
}

export interface LineLayout {
  width: number;
  height: number;
  path: string;
  dots: { x: number; y: number; value: number; label: string }[];
  xTicks: Tick[];
  yTicks: Tick[];
  plot: { left: number; right: number; top: number; bottom: number };
}

/** A trend over years; missing years leave a gap rather than a misleading straight line. */
export function lineLayout(points: LinePoint[], opts: { width?: number; height?: number } = {}): LineLayout {
  const { width = 360, height = 180 } = opts;
  // Room at the top for the unit label above the value axis.
  const plot = { left: 44, right: width - 16, top: 24, bottom: height - 24 };
  const x = scalePoint(points.map((p) => String(p.x)), [plot.left, plot.right]).padding(0.3);
  const max = Math.max(0, ...points.map((p) => p.y ?? 0));
  const y = scaleLinear([0, max || 1], [plot.bottom, plot.top]).nice();
  const path =
    line<LinePoint>()
      .defined((p) => p.y !== null)
      .x((p) => round(x(String(p.x))!))
      .y((p) => round(y(p.y!)))(points) ?? '';
  return {
    width,
    height,
    path,
    dots: points.filter((p) => p.y !== null).map((p) => ({ x: round(x(String(p.x))!), y: round(y(p.y!)), value: p.y!, label: String(p.x) })),
    xTicks: points.map((p) => ({ pos: round(x(String(p.x))!), label: String(p.x) })),
    yTicks: linearTicks(y, 4, allIntegers(points.map((p) => p.y))),
    plot,
  };
}
