// The ingest's parse cache, without its I/O (scripts/ingest.ts reads and writes the files).
//
// A record depends only on the file's bytes, its path (folders name the region) and the parser's
// code, so those three make the key. What is cached is the record as parsed, before the
// corpus-wide pass (finishCorpus) gives it its final slug and duplicate warnings: that pass runs
// on every ingest, over cached and fresh records alike.
//
// A record is cached twice over, because an ingest of 10,000 reports cannot afford to read 200 MB
// of records back (decoding and parsing them is seconds on its own):
//   - the whole record as JSON, read only when a report file must be (re)written or the corpus
//     pass touches a bulky field;
//   - its `light` JSON, the record with its bulky fields left out, which is all the corpus pass
//     and the summary read.
// A record built from its light JSON loads its bulky fields on first use, so code that reads them
// still sees the real values, only later. Both JSONs go into pack files, one per ingest that
// parsed anything, and a small index says where: creating 10,000 small files costs seconds of
// system time, appending to one costs nothing, and a one-file change rewrites only the index.
import { createHash } from 'node:crypto';
import { failsChecks } from '../parse/summary.ts';
import type { Report } from '../schema/report.ts';

/** Raised whenever the index or entry layout changes, so that older caches are not misread. */
export const FORMAT = 2;

/**
 * Fields that make up most of a record's size and that the corpus pass and the summary do not
 * read (should they come to, the record loads them: slower, never wrong).
 */
export const BULKY: ReadonlySet<string> = new Set(['text', 'sections', 'table2', 'table3', 'table4', 'metrics', 'checks']);
// The checks are nine tenths of a record without the other bulky fields (10,000 light JSONs parse
// in 0.4 s with them, 0.03 s without); the one thing the summary needs of them, whether one
// fails, is kept beside each entry instead.

export interface CacheEntry {
  /** The record as JSON (UTF-8), exactly as a report file holds it when the corpus pass leaves it alone. */
  full: Uint8Array;
  /** sha256 of `full`, hex: checks the cached copy, and tells whether a report file is current. */
  digest: string;
  /** The record's JSON with every bulky field replaced by 0 (the key order stays the record's). */
  light: string;
  /** `light` as stored (see encodeLight), and the start of its sha256. */
  lightBytes: Uint8Array;
  lightDigest: string;
  /** Whether a consistency check fails (see failsChecks). */
  failsChecks: boolean;
}

export function sha256(data: Uint8Array | string): string {
  return createHash('sha256').update(data).digest('hex');
}

/**
 * The parser version: a digest of every source the records depend on. Paths are included so that
 * moving code between files also counts; `extra` takes the Node version and any salt.
 */
export function parserVersion(sources: { path: string; data: Uint8Array | string }[], extra: string[] = []): string {
  const h = createHash('sha256').update(`ingest-cache ${FORMAT}\0`);
  for (const s of [...sources].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0))) {
    h.update(s.path).update('\0').update(s.data).update('\0');
  }
  for (const e of extra) h.update(e).update('\0');
  return h.digest('hex').slice(0, 16);
}

/** The cache key of one raw file: parser version, path relative to the corpus root, content. */
export function cacheKey(version: string, path: string, bytes: Uint8Array): string {
  return createHash('sha256').update(version).update('\0').update(path).update('\0').update(bytes).digest('hex').slice(0, 32);
}

export function encodeRecord(record: Report): CacheEntry {
  const full = Buffer.from(JSON.stringify(record));
  const light = lightJson(record as unknown as Record<string, unknown>);
  const lightBytes = encodeLight(light);
  return { full, digest: sha256(full), light, lightBytes, lightDigest: lightDigest(lightBytes), failsChecks: failsChecks(record) };
}

// Light JSON is stored as UTF-16: mostly Chinese, it decodes nearly three times faster than from
// UTF-8 (a copy rather than a decode), for half as many bytes again.
function encodeLight(s: string): Buffer {
  return Buffer.from(s, 'utf16le');
}

export function decodeLight(b: Uint8Array): string {
  return Buffer.from(b.buffer, b.byteOffset, b.byteLength).toString('utf16le');
}

function lightJson(r: Record<string, unknown>): string {
  const o: Record<string, unknown> = {};
  for (const k of Object.keys(r)) o[k] = BULKY.has(k) ? 0 : r[k];
  return JSON.stringify(o);
}

interface LazyState {
  light: string;
  loaded: boolean;
}
const lazy = new WeakMap<object, LazyState>();

/**
 * A record from its light JSON whose bulky fields come from `load` (the whole record) when first
 * read or written. Key order is the record's, so JSON.stringify gives the same text as for the
 * record itself.
 */
export function lazyRecord(light: string, load: () => Report): Report {
  const r = JSON.parse(light) as Record<string, unknown>;
  if (r === null || typeof r !== 'object' || Array.isArray(r)) throw new Error('not a record');
  const state: LazyState = { light, loaded: false };
  const bulky = Object.keys(r).filter((k) => BULKY.has(k));
  const materialise = () => {
    if (state.loaded) return;
    const whole = load() as unknown as Record<string, unknown>;
    state.loaded = true;
    // Redefining a property keeps its place in the key order.
    for (const k of bulky) Object.defineProperty(r, k, { value: whole[k], writable: true, enumerable: true, configurable: true });
  };
  for (const k of bulky) {
    Object.defineProperty(r, k, {
      get() {
        materialise();
        return r[k];
      },
      set(v) {
        materialise();
        r[k] = v;
      },
      enumerable: true,
      configurable: true,
    });
  }
  lazy.set(r, state);
  return r as unknown as Report;
}

/**
 * Whether a record is still exactly what its cache entry holds: it was built by lazyRecord, its
 * bulky fields were never loaded (so cannot have been changed in place) and its other fields give
 * the same JSON. Then its report file is the entry's `full`, with no need to serialise it.
 */
export function isUnchanged(record: Report): boolean {
  const state = lazy.get(record);
  return state !== undefined && !state.loaded && lightJson(record as unknown as Record<string, unknown>) === state.light;
}

/** A byte range of one pack file. */
export interface Location {
  pack: string;
  offset: number;
  length: number;
}

/** An entry as the index has it: the record's JSON at `offset`, its light JSON right after. */
export interface IndexEntry extends Location {
  /** sha256 of the record's JSON. */
  digest: string;
  lightLength: number;
  /** Start of the light JSON's sha256: the index only holds its place, not its content. */
  lightDigest: string;
  failsChecks: boolean;
}

export function lightDigest(light: Uint8Array): string {
  return sha256(light).slice(0, 16);
}

export function lightAt(e: IndexEntry): Location {
  return { pack: e.pack, offset: e.offset + e.length, length: e.lightLength };
}

const PACK_NAME = /^[a-z0-9-]{1,40}$/;
const HEX = /^[0-9a-f]*$/;

export function indexLine(key: string, e: IndexEntry): string {
  return [key, e.digest, e.pack, e.offset, e.length, e.lightLength, e.lightDigest, e.failsChecks ? 1 : 0].join('\t');
}

/**
 * The index file: a header line (format, parser version, sha256 of the rest) and one line per
 * entry. The digest makes a torn or damaged file read as empty rather than as wrong records.
 */
export function encodeIndex(version: string, lines: string[]): Buffer {
  const body = Buffer.from(lines.join('\n'));
  const header = JSON.stringify({ format: FORMAT, parser: version, entries: lines.length, digest: sha256(body) });
  return Buffer.concat([Buffer.from(header + '\n'), body]);
}

/** The index's entries, or null when it is for another format or parser version, or damaged. */
export function decodeIndex(data: Uint8Array, version: string): Map<string, IndexEntry> | null {
  const buf = Buffer.from(data.buffer, data.byteOffset, data.byteLength);
  const nl = buf.indexOf(10);
  if (nl < 0) return null;
  let header: { format?: unknown; parser?: unknown; entries?: unknown; digest?: unknown };
  try {
    header = JSON.parse(buf.subarray(0, nl).toString('utf8'));
  } catch {
    return null;
  }
  if (header?.format !== FORMAT || header.parser !== version) return null;
  const body = buf.subarray(nl + 1);
  if (header.digest !== sha256(body)) return null;
  const out = new Map<string, IndexEntry>();
  if (body.length === 0) return header.entries === 0 ? out : null;
  for (const line of body.toString('utf8').split('\n')) {
    const [key = '', digest = '', pack = '', ...numbers] = line.split('\t');
    const [offset, length, lightLength] = numbers.slice(0, 3).map(Number) as [number, number, number];
    const entry = { digest, pack, offset, length, lightLength, lightDigest: numbers[3] ?? '', failsChecks: numbers[4] === '1' };
    const ok =
      numbers.length === 5 &&
      (numbers[4] === '0' || numbers[4] === '1') &&
      key.length === 32 &&
      HEX.test(key) &&
      digest.length === 64 &&
      HEX.test(digest) &&
      entry.lightDigest.length === 16 &&
      isLocation(entry) &&
      isLocation(lightAt(entry));
    if (!ok) return null;
    out.set(key, entry);
  }
  return out.size === header.entries ? out : null;
}

/** A fresh pack file name: a run's new entries go into a pack of their own. */
export function packName(now = Date.now(), pid = process.pid): string {
  return `${now.toString(36)}-${pid.toString(36)}`;
}

/**
 * Packs whose live entries are to be copied into this run's new pack, so that the pack files stay
 * within twice the size of what the index uses: those less than half live, and small ones (each
 * run that parses a few files makes a small pack; this folds them into one).
 */
export function packsToRewrite(sizes: Map<string, number>, live: Map<string, number>, small = 8 << 20): Set<string> {
  const out = new Set<string>();
  for (const [pack, size] of sizes) {
    const used = live.get(pack) ?? 0;
    if (used > 0 && (used * 2 < size || size < small)) out.add(pack);
  }
  return out;
}

/**
 * What an ingest leaves for the next one besides the cache: the report files it wrote or found
 * current (digest, size, mtime: a file whose size and mtime still match need not be read back),
 * and, keyed by everything the corpus pass depends on, that pass's outcome (the summary text and
 * which report files). The next ingest over the same files then does not even read the index.
 */
export interface RunState {
  format: number;
  /** The reports folder it describes (a cache may serve several). */
  dir: string;
  /** corpusKey of the run. */
  corpus: string;
  /** ingest-summary.json as written. */
  summary: string;
  files: Record<string, ReportFile>;
  /**
   * Each raw file's cache key as last computed, with the size, mtime and inode it had then: a file
   * whose stat still matches is not read and hashed again (0.3 s at 10,000 reports). Keys are for
   * `parser` only.
   */
  raw?: { parser: string; files: Record<string, RawFile> };
}

/** A raw file as stat saw it, and its cache key: [size, mtimeMs, ino, key]. */
export type RawFile = [number, number, number, string];

/** The cache key a run state knows for a raw file whose stat is unchanged, if any. */
export function knownKey(state: RunState | null, version: string, rel: string, st: { size: number; mtimeMs: number; ino: number }): string | null {
  if (state?.raw?.parser !== version) return null;
  const f = state.raw.files[rel];
  return Array.isArray(f) && f[0] === st.size && f[1] === st.mtimeMs && f[2] === st.ino && typeof f[3] === 'string' ? f[3] : null;
}

export interface ReportFile {
  digest: string;
  size: number;
  mtimeMs: number;
  /** Where the same bytes are cached, when the corpus pass left the record as parsed. */
  at?: Location;
}

/**
 * The key of the corpus pass's input: the parser version and, in order, each file's cache key or
 * why it could not be read. Equal keys mean equal records in equal order, hence the same outcome.
 */
export function corpusKey(version: string, inputs: ({ key: string } | { file: string; reason: string })[]): string {
  const h = createHash('sha256').update(version);
  for (const i of inputs) h.update('key' in i ? `\0${i.key}` : `\0!${i.file}\0${i.reason}`);
  return h.digest('hex');
}

/** The run state if it describes `dir` and reads as one; otherwise nothing is known. */
export function decodeRunState(text: string | null, dir: string): RunState | null {
  if (text === null) return null;
  try {
    const s = JSON.parse(text) as RunState;
    if (s?.format === FORMAT && s.dir === dir && typeof s.corpus === 'string' && typeof s.summary === 'string' && s.files && typeof s.files === 'object') return s;
  } catch {
    // A damaged state only means reading the index and the report files back.
  }
  return null;
}

/** Whether a run state's record of a report file still describes it (size and mtime as stat gives them). */
export function isCurrent(known: ReportFile | undefined, digest: string, st: { size: number; mtimeMs: number } | undefined): boolean {
  return known !== undefined && known.digest === digest && st !== undefined && st.size === known.size && st.mtimeMs === known.mtimeMs;
}

export function isLocation(v: unknown): v is Location {
  const l = v as Location;
  return !!l && typeof l.pack === 'string' && PACK_NAME.test(l.pack) && Number.isSafeInteger(l.offset) && l.offset >= 0 && Number.isSafeInteger(l.length) && l.length > 0;
}
