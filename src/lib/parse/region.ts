import type { Level, Region } from '../schema/report.ts';
import type { Warning } from '../schema/warning.ts';

export interface RegionHints {
  /** The input path relative to the corpus root, e.g. `河南省/商丘市/夏邑县/report.txt`. */
  path?: string;
  /** The report text (simplified), scanned for place names when the body's name is not enough. */
  text?: string;
}

export interface RegionResult {
  region: Region;
  level: Level | null;
  warnings: Warning[];
}

/** CONTRACT STUB — implemented by the region work package. */
export function resolveRegion(agency: string | null, hints: RegionHints = {}): RegionResult {
  void agency;
  void hints;
  return {
    region: { province: null, city: null, county: null, township: null, code: null },
    level: null,
    warnings: [],
  };
}
