import type { Template } from '../schema/report.ts';
import type { Table2, Table3, Table4 } from '../schema/tables.ts';
import type { Rng } from './random.ts';

type Row = number[];

/** Seven applicant columns, the last the sum of the six. */
function row(r: Rng, scale: number, zeroes = 0.6): Row {
  const six = [0, 1, 2, 3, 4, 5].map((i) => (r.chance(i === 0 ? zeroes / 2 : zeroes + 0.3) ? 0 : r.int(0, Math.max(1, Math.round(scale / (i === 0 ? 1 : 4))))));
  return [...six, six.reduce((a, b) => a + b, 0)];
}
const zero = (): Row => [0, 0, 0, 0, 0, 0, 0];
const add = (...rows: Row[]): Row => rows[0]!.map((_, c) => rows.reduce((s, x) => s + x[c]!, 0));

/**
 * Table 3 that balances: outcomes are drawn first, and new requests are what outcomes plus
 * the carried-forward minus the carried-over require (never negative).
 */
export function table3(r: Rng, template: Template, scale: number): Table3 {
  const granted = row(r, scale);
  const partiallyGranted = row(r, scale / 4);
  const denied = { stateSecret: zero(), lawForbidden: zero(), threeSafetyOneStability: zero(), thirdPartyRights: row(r, scale / 8, 0.9), internalAffairs: row(r, scale / 8, 0.9), processInformation: row(r, scale / 8, 0.9), enforcementRecords: zero(), queryMatters: zero() };
  const unableToProvide = { notHeld: row(r, scale / 2), needsCreation: row(r, scale / 8, 0.9), unclearAfterCorrection: row(r, scale / 8, 0.9) };
  const notProcessed = { petitionComplaint: row(r, scale / 8, 0.9), duplicate: row(r, scale / 8, 0.9), publication: zero(), excessive: zero(), confirmation: zero() };
  const detail = { overdueCorrection: row(r, scale / 8, 0.9), overdueFee: zero(), other: row(r, scale / 8, 0.9) };
  const otherHandling = template === '2021' ? add(detail.overdueCorrection, detail.overdueFee, detail.other) : row(r, scale / 8, 0.9);
  const totalHandled = add(granted, partiallyGranted, ...Object.values(denied), ...Object.values(unableToProvide), ...Object.values(notProcessed), otherHandling);
  const carriedOver = row(r, scale / 6, 0.85).map((v, c) => Math.min(v, totalHandled[c]!));
  carriedOver[6] = carriedOver.slice(0, 6).reduce((a, b) => a + b, 0);
  const carriedForward = row(r, scale / 6, 0.85);
  const newReceived = add(totalHandled, carriedForward).map((v, c) => v - carriedOver[c]!);
  return {
    newReceived, carriedOver, granted, partiallyGranted, denied, unableToProvide, notProcessed, otherHandling,
    ...(template === '2021' ? { otherHandlingDetail: detail } : {}),
    totalHandled, carriedForward,
  };
}

export function table2(r: Rng, template: Template, scale: number): Table2 {
  const n = (max: number, p0 = 0.4) => (r.chance(p0) ? 0 : r.int(1, Math.max(1, Math.round(max * scale))));
  if (template === '2021') {
    return {
      regulations: { issued: 0, repealed: 0, inForce: 0 },
      normativeDocs: { issued: n(5), repealed: n(3), inForce: n(40) },
      licensing: { decisions: n(3000) }, penalty: { decisions: n(500) }, coercion: { decisions: n(20, 0.7) },
      fees: { amountWan: r.chance(0.6) ? 0 : r.int(1, 50000) / 100 },
    };
  }
  const items = () => ({ previous: n(200), change: r.chance(0.7) ? 0 : r.int(-3, 5), decisions: n(3000) });
  return {
    regulations: { made: 0, published: 0, total: 0 },
    normativeDocs: { made: n(5), published: n(5), total: n(40) },
    licensing: items(), otherServices: items(), penalty: items(), coercion: items(),
    fees: { previous: n(10, 0.6), change: 0 },
    procurement: r.chance(0.6) ? { projects: 0, amountWan: 0 } : { projects: r.int(1, 40), amountWan: r.int(100, 500000) / 100 },
  };
}

export function table4(r: Rng): Table4 {
  const block = () => {
    const v = [0, 1, 2, 3].map(() => (r.chance(0.85) ? 0 : r.int(1, 3)));
    return { upheld: v[0]!, corrected: v[1]!, other: v[2]!, pending: v[3]!, total: v[0]! + v[1]! + v[2]! + v[3]! };
  };
  return { review: block(), litigationDirect: block(), litigationAfterReview: block() };
}

/** A report that doesn't add up: one number of table 3 is off, as typos in real reports are. */
export function breakTotals(r: Rng, t3: Table3): void {
  const c = r.int(0, 6);
  t3.totalHandled[c] = (t3.totalHandled[c] ?? 0) + r.int(1, 3);
}
