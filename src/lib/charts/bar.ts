import { scaleLinear } from 'd3-scale';
import { allIntegers, linearTicks, round, type Tick } from './ticks.ts';

export interface BarDatum {
  label: string;
  value: number | null;
  highlight?: boolean;
  href?: string;
}

export interface BarLayout {
  width: number;
  height: number;
  /** Where the bars start (labels sit to the left of it). */
  plotX: number;
  plotWidth: number;
  bars: (BarDatum & { x: number; y: number; w: number; h: number; shortLabel: string; textY: number })[];
  ticks: Tick[];
  axisY: number;
}

export interface BarOptions {
  /** viewBox width; 360 reads at 1:1 on a 375 px phone and scales up on desktop. */
  width?: number;
  rowHeight?: number;
  /** Room for labels, in px; Chinese labels are cut to fit with an ellipsis. */
  labelWidth?: number;
  fontSize?: number;
}

/** Horizontal bars: long Chinese labels stay readable at 375 px, which vertical bars would not. */
export function barLayout(data: BarDatum[], opts: BarOptions = {}): BarLayout {
  const { width = 360, rowHeight = 26, labelWidth = 120, fontSize = 12 } = opts;
  const valueRoom = 56;
  const plotX = labelWidth;
  const plotWidth = Math.max(40, width - labelWidth - valueRoom);
  const max = Math.max(0, ...data.map((d) => d.value ?? 0));
  const x = scaleLinear([0, max || 1], [0, plotWidth]).nice();
  const top = 4;
  const bars = data.map((d, i) => {
    const y = top + i * rowHeight;
    const h = Math.round(rowHeight * 0.64);
    return {
      ...d,
      x: plotX,
      y,
      w: d.value === null ? 0 : Math.max(d.value > 0 ? 1 : 0, round(x(d.value))),
      h,
      shortLabel: fitLabel(d.label, Math.floor((labelWidth - 8) / fontSize)),
      textY: round(y + h / 2 + fontSize * 0.36),
    };
  });
  const axisY = top + data.length * rowHeight;
  return {
    width,
    height: axisY + 20,
    plotX,
    plotWidth,
    bars,
    ticks: linearTicks(x, plotWidth < 160 ? 3 : 4, allIntegers(data.map((d) => d.value))).map((t) => ({ ...t, pos: round(plotX + t.pos) })),
    axisY,
  };
}

/** Cuts a label to `chars` characters (CJK are ~1 em, Latin ~0.55 em), ending with an ellipsis. */
export function fitLabel(label: string, chars: number): string {
  let room = chars;
  let out = '';
  for (const ch of label) {
    const w = /[\u0000-\u00ff]/.test(ch) ? 0.55 : 1;
    if (room - w < 0) return out.slice(0, -1) + '…';
    room -= w;
    out += ch;
  }
  return out;
}
