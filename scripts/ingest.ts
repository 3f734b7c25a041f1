#!/usr/bin/env node
// npm run ingest: content/raw/** (any depth) → content/reports/<slug>.json, one record per report,
// plus content/ingest-summary.json.
//
// Parsing 10,000 reports is ~15 s of CPU, so a file is parsed only when its bytes, its path or the
// parser changed since its record was cached (src/lib/ingest/cache.ts has the key, the layout and
// why it is in two parts), and files to parse are spread over worker threads, one per core. A file
// whose size, mtime and inode are those the last ingest saw keeps its key without being read (as
// make and git do; INGEST_CACHE_SALT sets that aside too). The
// corpus pass (duplicates, unique slugs) and the summary run over cached and fresh records alike,
// unless the files are exactly those of the last ingest: then its outcome is replayed. A report
// file is rewritten only when its content changed (atomically), so the site's content layer and
// incremental builds see only real changes; the report files' size and mtime as last written
// spare reading them back.
//
// CONTENT_DIR and REPORTS_DIR override the input and output folders (benchmarks use them).
// INGEST_CACHE_DIR overrides the cache folder (default node_modules/.cache/gov-portal/ingest);
// INGEST_WORKERS the number of worker threads (default one per core; 1 parses in this thread);
// INGEST_CACHE_SALT is mixed into the parser version, to set the cache aside by hand.
import { closeSync, mkdirSync, openSync, readdirSync, readFileSync, readSync, renameSync, rmSync, statSync, writeFileSync, writeSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { setImmediate as yieldToEvents } from 'node:timers/promises';
import { isMainThread, parentPort, Worker } from 'node:worker_threads';
import {
  cacheKey,
  corpusKey,
  decodeIndex,
  decodeLight,
  decodeRunState,
  encodeIndex,
  encodeRecord,
  FORMAT,
  indexLine,
  isCurrent,
  isLocation,
  isUnchanged,
  knownKey,
  lazyRecord,
  lightAt,
  lightDigest,
  packName,
  packsToRewrite,
  parserVersion,
  sha256,
  type CacheEntry,
  type IndexEntry,
  type Location,
  type RawFile,
  type ReportFile,
  type RunState,
} from '../src/lib/ingest/cache.ts';
import { finishCorpus } from '../src/lib/parse/corpus.ts';
import { parseReport } from '../src/lib/parse/index.ts';
import { summarise, type IngestSummary } from '../src/lib/parse/summary.ts';
import type { Report } from '../src/lib/schema/report.ts';
import { cacheDir, contentDir, root } from './lib/build-cache.ts';

/** Sources whose change may change what a file's record is: the parser, its data, and this script, which says what the parser is given. */
const PARSER_SOURCES = ['src/lib/parse', 'src/lib/schema', 'src/lib/ingest', 'scripts/ingest.ts', 'package-lock.json'];
/** Below this many files to parse, starting workers (each loads the parser) costs more than it saves. */
const MIN_FOR_WORKERS = 200;

interface Input {
  rel: string;
  abs: string;
  /** Null when the file could not be read. */
  key: string | null;
  reason?: string;
  /** The file's bytes, until it is found in the cache or handed to a parser. */
  bytes?: Uint8Array;
}

interface Task {
  id: number;
  rel: string;
  bytes: Uint8Array;
}
type Result = ({ id: number; ok: true } & CacheEntry) | { id: number; ok: false; error: string };

/** A file's record and where the cache keeps it (`pack` is empty when it could not be stored). */
interface Slot extends IndexEntry {
  rel: string;
  abs: string;
  key: string;
  record: Report;
  /** The record's JSON, kept in memory only when the cache could not take it. */
  full?: Uint8Array;
}

interface Outcome {
  summary: IngestSummary;
  changed: number;
  removed: number;
  parsed: number;
  threads: number;
}

if (isMainThread) await main();
else serveWorker();

async function main(): Promise<void> {
  const rawDir = contentDir();
  const outDir = resolve(process.env.REPORTS_DIR ?? join(root, 'content', 'reports'));
  const cacheRoot = resolve(process.env.INGEST_CACHE_DIR ?? cacheDir('ingest'));
  const summaryFile = join(dirname(outDir), 'ingest-summary.json');
  const indexFile = join(cacheRoot, 'index');
  const stateFile = join(cacheRoot, 'last-run.json');
  const started = performance.now();
  const log = (s: string) => process.stderr.write(s + '\n');
  let troubled = false;
  // Once: a cache that cannot be written fails the same way for every record.
  const cacheTrouble = (err: unknown) => {
    if (!troubled) log(`ingest: cannot use the cache: ${(err as Error).message}`);
    troubled = true;
  };

  const version = parserVersion(readSources(), [process.version, process.env.INGEST_CACHE_SALT ?? '']);
  const files = listFiles(rawDir, log);
  log(`ingest: ${files.length} files under ${relative(process.cwd(), rawDir) || '.'}`);
  const stateText = readText(stateFile);
  const state = decodeRunState(stateText, outDir);
  const packs = openPacks(join(cacheRoot, 'packs'));

  const slots: (Slot | undefined)[] = new Array(files.length);
  const failed: ({ file: string; reason: string } | undefined)[] = new Array(files.length);
  const tasks: Task[] = [];
  /** For each task, the file it is for. */
  const taskInputs: { id: number; input: Input }[] = [];
  let done = 0;
  let lastProgress = performance.now();

  /** Stores a record's JSONs in this run's pack; the whole one is kept in memory if the cache cannot take it. */
  const store = (slot: Slot, e: Omit<CacheEntry, 'light'>) => {
    slot.digest = e.digest;
    slot.lightDigest = e.lightDigest;
    slot.failsChecks = e.failsChecks;
    slot.lightLength = e.lightBytes.byteLength;
    try {
      Object.assign(slot, packs.append(e.full, e.lightBytes));
      slot.full = undefined;
    } catch (err) {
      cacheTrouble(err);
      Object.assign(slot, { pack: '', offset: 0, length: e.full.byteLength, full: e.full });
    }
  };
  /** A record's JSON from the cache, or made again when its pack is missing or damaged. */
  const entryBytes = (slot: Slot): Buffer => {
    if (slot.full) return Buffer.from(slot.full.buffer, slot.full.byteOffset, slot.full.byteLength);
    try {
      const data = packs.read(slot);
      if (packs.isNew(slot.pack) || sha256(data) === slot.digest) return data;
    } catch {
      // Parsed again below.
    }
    const bytes = readFileSync(slot.abs);
    if (cacheKey(version, slot.rel, bytes) !== slot.key) throw new Error(`${slot.rel} changed during the ingest; run it again`);
    const entry = encodeRecord(parseReport({ bytes, file: slot.rel, path: slot.rel }));
    store(slot, entry);
    return Buffer.from(entry.full.buffer, entry.full.byteOffset, entry.full.byteLength);
  };
  const slotFor = (input: Input, e: IndexEntry, light: string): Slot => {
    const slot: Slot = { rel: input.rel, abs: input.abs, key: input.key!, ...e, record: undefined as unknown as Report };
    slot.record = lazyRecord(light, () => JSON.parse(entryBytes(slot).toString('utf8')));
    return slot;
  };
  /** A cached record, unless its light JSON cannot be read back as it was stored. */
  const cachedSlot = (input: Input, e: IndexEntry): Slot | null => {
    try {
      const light = packs.read(lightAt(e));
      if (lightDigest(light) !== e.lightDigest) return null;
      const slot = slotFor(input, e, decodeLight(light));
      return slot.record.file === input.rel ? slot : null;
    } catch {
      return null;
    }
  };
  const onResult = (r: Result) => {
    const { id, input } = taskInputs[r.id]!;
    if (r.ok) {
      const slot = slotFor(input, { digest: r.digest, pack: '', offset: 0, length: 0, lightLength: 0, lightDigest: r.lightDigest, failsChecks: r.failsChecks }, r.light);
      store(slot, r);
      slots[id] = slot;
    } else {
      failed[id] = { file: input.rel, reason: r.error };
      log(`ingest: ${input.rel}: cannot read: ${r.error}`);
    }
    done++;
    if (performance.now() - lastProgress > 2000) {
      lastProgress = performance.now();
      log(`ingest: ${done}/${tasks.length} files parsed`);
    }
  };
  const requested = Number(process.env.INGEST_WORKERS) || 0;
  const threadsFor = (n: number) => Math.min(n, requested > 0 ? requested : n >= MIN_FOR_WORKERS ? availableParallelism() : 1);
  let pool: ReturnType<typeof startPool> | null = null;
  /** An input's bytes, read now if its key came from the last run's stat of it. */
  const withBytes = (input: Input): Input => {
    if (input.bytes) return input;
    const bytes = readFileSync(input.abs);
    if (cacheKey(version, input.rel, bytes) !== input.key) throw new Error(`${input.rel} changed during the ingest; run it again`);
    input.bytes = bytes;
    return input;
  };
  const parse = (id: number, input: Input) => {
    tasks.push({ id: tasks.length, rel: input.rel, bytes: input.bytes! });
    taskInputs.push({ id, input });
    input.bytes = undefined;
    if (pool) pool.submit(tasks[tasks.length - 1]!);
  };

  // Nothing cached for this parser version: every file is parsed, so the workers start now and
  // parse while the rest of the files are read.
  const cached = indexVersion(indexFile);
  const cold = cached !== version;
  if (cached && cold) log('ingest: the cache is for another parser version: every file is parsed');
  if (cold && threadsFor(files.length) > 1) pool = startPool(threadsFor(files.length), onResult);

  const inputs: Input[] = [];
  const rawFiles: Record<string, RawFile> = {};
  for (const [id, abs] of files.entries()) {
    const rel = relative(rawDir, abs).split(sep).join('/');
    try {
      // Stat before reading: a file that changes in between is read again next time.
      const st = statSync(abs);
      const known = pool ? null : knownKey(state, version, rel, st);
      if (known) inputs.push({ rel, abs, key: known });
      else {
        const bytes = readFileSync(abs);
        inputs.push({ rel, abs, key: cacheKey(version, rel, bytes), bytes });
      }
      rawFiles[rel] = [st.size, st.mtimeMs, st.ino, inputs[id]!.key!];
      if (pool) {
        parse(id, inputs[id]!);
        if (id % 64 === 63) await yieldToEvents();
      }
    } catch (err) {
      inputs.push({ rel, abs, key: null, reason: (err as Error).message });
      failed[id] = { file: rel, reason: (err as Error).message };
      log(`ingest: ${rel}: cannot read: ${(err as Error).message}`);
    }
  }
  const raw: RunState['raw'] = { parser: version, files: rawFiles };
  const corpus = corpusKey(version, inputs.map((i) => (i.key ? { key: i.key } : { file: i.rel, reason: i.reason! })));
  const readable = inputs.filter((i) => i.key).length;

  let outcome: Outcome | null = null;
  try {
    if (!pool && state?.corpus === corpus) outcome = replay(state, raw, outDir, summaryFile, stateText, packs, stateFile, cacheTrouble);
    if (outcome) log(`ingest: ${readable} of ${files.length} files from the cache, 0 to parse; same files as the last ingest`);
    else outcome = await ingest();
  } finally {
    packs.close();
  }

  const s = outcome.summary;
  log(
    [
      `ingest: done in ${((performance.now() - started) / 1000).toFixed(1)} s`,
      `  files read:            ${s.files} (${readable - outcome.parsed} from the cache, ${outcome.parsed} parsed${outcome.threads > 1 ? ` on ${outcome.threads} threads` : ''})`,
      `  records written:       ${s.reports} (${outcome.changed} new or changed, ${outcome.removed} stale removed)`,
      `  rejected files:        ${s.rejected.length}${s.rejected.length ? ' — ' + s.rejected.slice(0, 5).map((r) => `${r.file} (${r.reason})`).join('; ') : ''}`,
      `  reports failing checks: ${s.failedChecks}`,
      `  reports with warnings: ${s.withWarnings} (of severity warning or error)`,
      // Every code, informational ones too (DECODED_GB18030, TRADITIONAL_SCRIPT): most frequent first.
      `  codes over all records: ${
        Object.entries(s.warningCounts)
          .sort((a, b) => b[1] - a[1])
          .map(([k, v]) => `${k} ${v}`)
          .join(', ') || 'none'
      }`,
      `  errors:                ${s.errors}`,
    ].join('\n'),
  );
  if (s.reports === 0) {
    log('ingest: nothing could be ingested');
    process.exit(1);
  }

  async function ingest(): Promise<Outcome> {
    // With workers already started, every readable file was handed to them as it was read.
    const index = pool ? null : readIndex(indexFile, version, log);
    for (const [id, input] of pool ? [] : inputs.entries()) {
      if (!input.key) continue;
      const hit = index?.get(input.key);
      const slot = hit ? cachedSlot(input, hit) : null;
      if (slot) {
        slots[id] = slot;
        input.bytes = undefined;
      } else parse(id, withBytes(input));
    }
    log(`ingest: ${readable - tasks.length} of ${files.length} files from the cache, ${tasks.length} to parse`);
    const threads = pool ? pool.size : threadsFor(tasks.length);
    if (!pool && threads > 1) {
      pool = startPool(threads, onResult);
      for (const t of tasks) pool.submit(t);
    }
    if (pool) await pool.drain();
    else {
      for (const t of tasks) {
        onResult(parseTask(t));
        t.bytes = new Uint8Array(0);
      }
    }

    const order = slots.filter((s): s is Slot => s !== undefined);
    const records = order.map((s) => s.record);
    finishCorpus(records);
    // From the index rather than from the checks, which a cached record would have to load.
    const failing = new Map(order.map((s) => [s.record, s.failsChecks]));
    const summary: IngestSummary = summarise(
      records,
      failed.filter((f) => f !== undefined),
      files.length,
      (r) => failing.get(r)!,
    );
    const rejected = new Set(summary.rejected.map((r) => r.file));
    const written = writeRecords(
      outDir,
      order.filter((s) => !rejected.has(s.record.file)),
      state?.files ?? {},
      entryBytes,
    );
    const summaryText = JSON.stringify(summary, null, 1);
    writeAtomic(summaryFile, summaryText);

    try {
      // The index keeps exactly the entries this run used: an edited file's older entry goes.
      const stale = !index || index.size !== order.length || order.some((s) => !index.has(s.key));
      if (stale || packs.wrote()) {
        // Live entries of packs that are mostly dead (or small) move to this run's pack, and packs
        // nothing uses any more go: the packs stay within about twice what the index needs.
        const live = new Map<string, number>();
        for (const s of order) live.set(s.pack, (live.get(s.pack) ?? 0) + s.length);
        const move = packsToRewrite(packs.sizes(), live);
        for (const s of order) {
          if (!move.has(s.pack)) continue;
          const full = entryBytes(s); // stores it anew itself when the old copy is damaged
          if (move.has(s.pack)) store(s, { full, digest: s.digest, lightBytes: packs.read(lightAt(s)), lightDigest: s.lightDigest, failsChecks: s.failsChecks });
        }
        packs.close();
        mkdirSync(cacheRoot, { recursive: true });
        writeAtomic(indexFile, encodeIndex(version, order.filter((s) => s.pack).map((s) => indexLine(s.key, s))));
        packs.prune(new Set(order.map((s) => s.pack)));
      }
      const reportFiles: RunState['files'] = {};
      for (const [name, { slot, ...f }] of Object.entries(written.files)) {
        const at = slot?.pack ? { pack: slot.pack, offset: slot.offset, length: slot.length } : undefined;
        reportFiles[name] = { ...f, at };
      }
      const text = JSON.stringify({ format: FORMAT, dir: outDir, corpus, summary: summaryText, files: reportFiles, raw } satisfies RunState);
      if (text !== stateText) writeAtomic(stateFile, text);
    } catch (err) {
      cacheTrouble(err);
    }
    return { summary, changed: written.changed, removed: written.removed, parsed: tasks.length, threads };
  }
}

/**
 * The last ingest's outcome, for the same files: its summary, and its report files, each checked
 * by size and mtime and written again from the cache if it changed. Null when that cannot be done
 * (a report file changed whose record the corpus pass had altered, or the cache is damaged).
 */
function replay(
  state: RunState,
  raw: RunState['raw'],
  outDir: string,
  summaryFile: string,
  stateText: string | null,
  packs: ReturnType<typeof openPacks>,
  stateFile: string,
  cacheTrouble: (err: unknown) => void,
): Outcome | null {
  let summary: IngestSummary;
  try {
    summary = JSON.parse(state.summary);
  } catch {
    return null;
  }
  mkdirSync(outDir, { recursive: true });
  let changed = 0;
  const files: RunState['files'] = {};
  for (const [name, f] of Object.entries(state.files)) {
    const path = join(outDir, name);
    if (isCurrent(f, f.digest, statSync(path, { throwIfNoEntry: false }))) {
      files[name] = f;
      continue;
    }
    if (!isLocation(f.at)) return null;
    let data: Buffer;
    try {
      data = packs.read(f.at);
    } catch {
      return null;
    }
    if (sha256(data) !== f.digest) return null;
    if (!readOrNull(path)?.equals(data)) {
      writeAtomic(path, data);
      changed++;
    }
    const st = statSync(path);
    files[name] = { ...f, size: st.size, mtimeMs: st.mtimeMs };
  }
  const removed = removeStale(outDir, files);
  writeAtomic(summaryFile, state.summary);
  const text = JSON.stringify({ ...state, files, raw } satisfies RunState);
  try {
    if (text !== stateText) writeAtomic(stateFile, text);
  } catch (err) {
    cacheTrouble(err);
  }
  return { summary, changed, removed, parsed: 0, threads: 0 };
}

/**
 * Writes each report file whose content changed. A file the last run recorded with the same
 * digest, size and mtime is current without reading it; any other is read back and compared.
 */
function writeRecords(
  outDir: string,
  slots: Slot[],
  known: RunState['files'],
  entryBytes: (s: Slot) => Uint8Array,
): { changed: number; removed: number; files: Record<string, Omit<ReportFile, 'at'> & { slot?: Slot }> } {
  mkdirSync(outDir, { recursive: true });
  // `slot` only for a file that is its cached record's JSON as is.
  const files: Record<string, Omit<ReportFile, 'at'> & { slot?: Slot }> = {};
  let changed = 0;
  for (const slot of slots) {
    const name = `${slot.record.slug}.json`;
    const path = join(outDir, name);
    // A record the corpus pass left as cached is its entry's JSON, whose digest is known: no need
    // to serialise it, nor to read it unless the report file must be checked or written.
    const unchanged = isUnchanged(slot.record);
    let data: Uint8Array | null = unchanged ? null : Buffer.from(JSON.stringify(slot.record));
    let digest = data ? sha256(data) : slot.digest;
    if (isCurrent(known[name], digest, statSync(path, { throwIfNoEntry: false }))) {
      const { digest, size, mtimeMs } = known[name]!;
      files[name] = { digest, size, mtimeMs, slot: unchanged ? slot : undefined };
      continue;
    }
    if (!data) {
      data = entryBytes(slot);
      digest = slot.digest; // made again if the cached copy was damaged
    }
    if (!readOrNull(path)?.equals(data)) {
      writeAtomic(path, data);
      changed++;
    }
    const st = statSync(path);
    files[name] = { digest, size: st.size, mtimeMs: st.mtimeMs, slot: unchanged ? slot : undefined };
  }
  return { changed, removed: removeStale(outDir, files), files };
}

/** Deletes report files that are no longer any record's. */
function removeStale(outDir: string, keep: Record<string, unknown>): number {
  let removed = 0;
  for (const name of readdirSync(outDir)) {
    if (name.endsWith('.json') && !name.startsWith('.') && !(name in keep)) {
      rmSync(join(outDir, name));
      removed++;
    }
  }
  return removed;
}

function parseTask(t: Task): Result {
  try {
    const entry = encodeRecord(parseReport({ bytes: t.bytes, file: t.rel, path: t.rel }));
    return { id: t.id, ok: true, ...entry };
  } catch (err) {
    return { id: t.id, ok: false, error: (err as Error).message };
  }
}

function serveWorker(): void {
  parentPort!.on('message', (t: Task) => {
    const r = parseTask(t);
    if (!r.ok) return parentPort!.postMessage(r);
    // A small buffer is a slice of Node's shared pool, which must not be transferred.
    const own = (b: Uint8Array) => (b.byteLength === b.buffer.byteLength ? b : new Uint8Array(b));
    r.full = own(r.full);
    r.lightBytes = own(r.lightBytes);
    parentPort!.postMessage(r, [r.full.buffer as ArrayBuffer, r.lightBytes.buffer as ArrayBuffer]);
  });
}

/**
 * `n` parser workers fed from one queue, a few files queued on each so none waits for the next.
 * Results arrive in any order; `Task.id` says whose they are.
 */
function startPool(n: number, onResult: (r: Result) => void) {
  const queue: Task[] = [];
  let failure: Error | null = null;
  let wake = () => {};
  const workers = Array.from({ length: n }, () => {
    const w = { worker: new Worker(new URL(import.meta.url)), inFlight: 0 };
    w.worker.on('message', (r: Result) => {
      w.inFlight--;
      onResult(r);
      feed();
    });
    w.worker.on('error', (err) => {
      failure = err;
      wake();
    });
    w.worker.on('exit', (code) => {
      if (w.inFlight > 0) failure ??= new Error(`a parser worker stopped (exit code ${code})`);
      wake();
    });
    return w;
  });
  const feed = () => {
    for (const w of workers) {
      while (w.inFlight < 4 && queue.length) {
        const t = queue.shift()!;
        // The worker gets the bytes without a copy; a pooled small buffer is copied first.
        const bytes = t.bytes.byteLength === t.bytes.buffer.byteLength ? t.bytes : new Uint8Array(t.bytes);
        w.worker.postMessage({ id: t.id, rel: t.rel, bytes }, [bytes.buffer as ArrayBuffer]);
        t.bytes = new Uint8Array(0);
        w.inFlight++;
      }
    }
    wake();
  };
  return {
    size: n,
    submit(t: Task): void {
      queue.push(t);
      feed();
    },
    async drain(): Promise<void> {
      while (!failure && (queue.length || workers.some((w) => w.inFlight > 0))) await new Promise<void>((r) => (wake = r));
      await Promise.all(workers.map((w) => w.worker.terminate()));
      if (failure) throw failure;
    },
  };
}

/**
 * The pack files: read by byte range, one descriptor per pack; this run's new entries are
 * appended to a pack of its own, created on the first append.
 */
function openPacks(dir: string) {
  const fds = new Map<string, number>();
  let out: { name: string; fd: number; size: number } | null = null;
  const fdOf = (pack: string) => {
    let fd = fds.get(pack);
    if (fd === undefined) fds.set(pack, (fd = openSync(join(dir, `${pack}.pack`), 'r')));
    return fd;
  };
  return {
    read(loc: Location): Buffer {
      const buf = Buffer.allocUnsafeSlow(loc.length);
      if (readSync(fdOf(loc.pack), buf, 0, loc.length, loc.offset) !== loc.length) throw new Error('short read');
      return buf;
    },
    /** Appends the parts one after the other; the location is that of the first. */
    append(...parts: Uint8Array[]): Location {
      if (!out) {
        mkdirSync(dir, { recursive: true });
        const name = packName();
        const fd = openSync(join(dir, `${name}.pack`), 'w+');
        out = { name, fd, size: 0 };
        fds.set(name, fd);
      }
      const loc = { pack: out.name, offset: out.size, length: parts[0]!.byteLength };
      for (const data of parts) {
        let at = 0;
        while (at < data.byteLength) at += writeSync(out.fd, data, at, data.byteLength - at, out.size + at);
        out.size += data.byteLength;
      }
      return loc;
    },
    isNew: (pack: string) => out?.name === pack,
    wrote: () => out !== null,
    /** Every pack's size but this run's. */
    sizes(): Map<string, number> {
      const sizes = new Map<string, number>();
      for (const name of readdirSafe(dir)) if (name.endsWith('.pack')) sizes.set(name.slice(0, -5), statSync(join(dir, name)).size);
      if (out) sizes.delete(out.name);
      return sizes;
    },
    /** Deletes every pack not in `keep`, and anything else a killed run left in the folder. */
    prune(keep: Set<string>): void {
      for (const name of readdirSafe(dir)) if (!(name.endsWith('.pack') && keep.has(name.slice(0, -5)))) rmSync(join(dir, name), { force: true });
    },
    close(): void {
      for (const fd of fds.values()) closeSync(fd);
      fds.clear();
    },
  };
}

function readIndex(file: string, version: string, log: (s: string) => void): Map<string, IndexEntry> | null {
  let data: Buffer;
  try {
    data = readFileSync(file);
  } catch {
    return null;
  }
  const index = decodeIndex(data, version);
  if (!index) log('ingest: the cache is from another parser version, or damaged: not used');
  return index;
}

/** The parser version the index was written for, from its first line alone. */
function indexVersion(file: string): string | null {
  try {
    const fd = openSync(file, 'r');
    const head = Buffer.alloc(512);
    const n = readSync(fd, head, 0, head.length, 0);
    closeSync(fd);
    const header = JSON.parse(head.subarray(0, head.subarray(0, n).indexOf(10)).toString('utf8'));
    return header.format === FORMAT && typeof header.parser === 'string' ? header.parser : null;
  } catch {
    return null;
  }
}

/** Every file the parser version covers, relative to the repo root. */
function readSources(): { path: string; data: Uint8Array }[] {
  const out: { path: string; data: Uint8Array }[] = [];
  for (const src of PARSER_SOURCES) {
    const abs = join(root, src);
    const st = statSync(abs, { throwIfNoEntry: false });
    if (!st) continue;
    const paths = st.isDirectory()
      ? readdirSync(abs, { withFileTypes: true, recursive: true })
          .filter((e) => e.isFile())
          .map((e) => join(e.parentPath, e.name))
      : [abs];
    for (const p of paths) out.push({ path: relative(root, p).split(sep).join('/'), data: readFileSync(p) });
  }
  return out;
}

function listFiles(dir: string, log: (s: string) => void): string[] {
  let entries;
  try {
    entries = readdirSync(dir, { withFileTypes: true, recursive: true });
  } catch {
    log(`ingest: input folder ${dir} does not exist`);
    process.exit(1);
  }
  const out: string[] = [];
  for (const e of entries) if (e.isFile() && !e.name.startsWith('.')) out.push(join(e.parentPath, e.name));
  // One collator rather than localeCompare's one per comparison; the order is the same.
  return out.sort(new Intl.Collator('zh-CN').compare);
}

function readdirSafe(dir: string): string[] {
  try {
    return readdirSync(dir);
  } catch {
    return [];
  }
}

function readOrNull(path: string): Buffer | null {
  try {
    return readFileSync(path);
  } catch {
    return null;
  }
}

function readText(path: string): string | null {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return null;
  }
}

function writeAtomic(path: string, data: string | Uint8Array): void {
  const tmp = `${path}.${process.pid}.tmp`;
  writeFileSync(tmp, data);
  renameSync(tmp, path);
}
