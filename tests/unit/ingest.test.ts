// The ingest's parse cache and worker threads, through the real script (spawned as the build runs
// it) over a few reports from content/raw, and the cache's pure parts on their own.
import { spawnSync } from 'node:child_process';
import { appendFileSync, copyFileSync, cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  cacheKey,
  decodeIndex,
  encodeIndex,
  encodeRecord,
  indexLine,
  isUnchanged,
  lazyRecord,
  packsToRewrite,
  parserVersion,
  type IndexEntry,
} from '../../src/lib/ingest/cache.ts';
import { finishCorpus } from '../../src/lib/parse/corpus.ts';
import { parseReport } from '../../src/lib/parse/index.ts';
import type { Report } from '../../src/lib/schema/report.ts';

const repo = join(import.meta.dirname, '..', '..');
const raw = join(repo, 'content', 'raw');
let tmp: string;
let corpus: string;

/**
 * Every raw report, a copy of one (the corpus pass gives it a warning and a slug of its own), a
 * report whose tables do not add up (the summary counts it from the cache index) and an empty file.
 */
beforeAll(() => {
  tmp = mkdtempSync(join(tmpdir(), 'ingest-test-'));
  corpus = join(tmp, 'raw');
  cpSync(raw, corpus, { recursive: true });
  const first = rawFiles(corpus)[0]!;
  copyFileSync(first, join(dirname(first), 'copy.txt'));
  copyFileSync(join(repo, 'tests', 'fixtures', 'tables-do-not-add-up', 'input.txt'), join(dirname(first), 'mismatch.txt'));
  mkdirSync(join(corpus, '河南省', '空'), { recursive: true });
  writeFileSync(join(corpus, '河南省', '空', 'empty.txt'), '');
});
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

function rawFiles(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => join(e.parentPath, e.name))
    .sort();
}

/** A fresh working folder: its own copy of the corpus, output and cache. */
function workspace(name: string) {
  const dir = join(tmp, name);
  cpSync(corpus, join(dir, 'raw'), { recursive: true });
  return {
    dir,
    raw: join(dir, 'raw'),
    cache: join(dir, 'cache'),
    run(env: Record<string, string> = {}) {
      const r = spawnSync(process.execPath, ['scripts/ingest.ts'], {
        cwd: repo,
        encoding: 'utf8',
        env: {
          ...process.env,
          CONTENT_DIR: join(dir, 'raw'),
          REPORTS_DIR: join(dir, 'out', 'reports'),
          INGEST_CACHE_DIR: join(dir, 'cache'),
          INGEST_WORKERS: '1',
          ...env,
        },
      });
      expect(r.status, r.stderr).toBe(0);
      const m = /files read: +\d+ \((\d+) from the cache, (\d+) parsed/.exec(r.stderr);
      expect(m, r.stderr).not.toBeNull();
      return { cached: Number(m![1]), parsed: Number(m![2]), stderr: r.stderr, output: snapshot(join(dir, 'out')) };
    },
  };
}

/** Every output file (the records and the summary), by path. */
function snapshot(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const f of rawFiles(dir)) out[relative(dir, f)] = readFileSync(f, 'base64');
  return out;
}

/** The reports of content/raw, the copy, the mismatch and the empty file. */
const FILES = rawFiles(raw).length + 3;

// Each case spawns the script a few times; a loaded machine can take seconds per run.
describe('scripts/ingest.ts', { timeout: 60_000 }, () => {
  it('reads the test corpus as expected', () => {
    const w = workspace('expected');
    const r = w.run();
    expect(rawFiles(w.raw)).toHaveLength(FILES);
    expect(r.parsed).toBe(FILES);
    const summary = JSON.parse(Buffer.from(r.output['ingest-summary.json']!, 'base64').toString());
    expect(summary.warningCounts.DUPLICATE_FILE).toBe(1);
    expect(summary.rejected.map((x: { codes: string[] }) => x.codes)).toEqual([['EMPTY_FILE']]);
    expect(summary.failedChecks).toBe(1);
  });

  it('parses nothing the second time, and writes the same output', () => {
    const w = workspace('twice');
    const first = w.run();
    const second = w.run();
    expect(second.parsed).toBe(0);
    expect(second.cached).toBe(first.parsed);
    expect(second.output).toEqual(first.output);
    // Without the last run's outcome the corpus pass runs over the cached records: still the
    // same output, so it did not change the cached records (duplicate warnings, slugs) for good.
    rmSync(join(w.cache, 'last-run.json'));
    const third = w.run();
    expect(third.parsed).toBe(0);
    expect(third.output).toEqual(first.output);
    rmSync(join(w.cache, 'last-run.json'));
    expect(w.run().output).toEqual(first.output);
  });

  it('reads a file whose stat changed again, and parses it only if its content did', () => {
    const w = workspace('touched');
    const first = w.run();
    const file = rawFiles(w.raw).find((f) => !f.endsWith('copy.txt') && !f.endsWith('empty.txt'))!;
    utimesSync(file, new Date(), new Date(Date.now() + 5000));
    expect(w.run().parsed).toBe(0);
    // Same size and a new mtime: read and hashed, found changed.
    const text = readFileSync(file, 'utf8');
    writeFileSync(file, text.replace('。', '，'));
    const changed = w.run();
    expect(changed.parsed).toBe(1);
    expect(changed.output).not.toEqual(first.output);
  });

  it('writes report files again from the cache when they are deleted', () => {
    const w = workspace('deleted');
    const first = w.run();
    rmSync(join(w.dir, 'out'), { recursive: true });
    const second = w.run();
    expect(second.parsed).toBe(0);
    expect(second.output).toEqual(first.output);
  });

  it('parses again exactly the file that changed, and only that', () => {
    const w = workspace('changed');
    w.run();
    appendFileSync(rawFiles(w.raw).find((f) => !f.endsWith('copy.txt') && !f.endsWith('empty.txt'))!, '\n');
    const r = w.run();
    expect(r.parsed).toBe(1);
    expect(r.cached).toBe(FILES - 1);
    // The same as an ingest without a cache.
    const fresh = workspace('changed-fresh');
    cpSync(w.raw, fresh.raw, { recursive: true });
    expect(fresh.run().output).toEqual(r.output);
    expect(w.run().parsed).toBe(0);
  });

  it('parses everything again when the parser version changes', () => {
    const w = workspace('version');
    const first = w.run();
    const r = w.run({ INGEST_CACHE_SALT: 'another parser' });
    expect(r.parsed).toBe(first.parsed);
    expect(r.output).toEqual(first.output);
    expect(w.run({ INGEST_CACHE_SALT: 'another parser' }).parsed).toBe(0);
  });

  it('ignores a damaged cache', () => {
    const w = workspace('damaged');
    const first = w.run();

    // Damaged index: the last run's outcome still holds for the same files; without it,
    // everything is parsed again.
    writeFileSync(join(w.cache, 'index'), 'not an index\n{}');
    let r = w.run();
    expect(r.parsed).toBe(0);
    expect(r.output).toEqual(first.output);
    rmSync(join(w.cache, 'last-run.json'));
    r = w.run();
    expect(r.parsed).toBe(first.parsed);
    expect(r.output).toEqual(first.output);

    // Damaged pack, torn run state: the records whose copies are damaged are parsed again.
    const packs = readdirSync(join(w.cache, 'packs'));
    const bytes = readFileSync(join(w.cache, 'packs', packs[0]!));
    bytes.fill(0x20, 100, bytes.length - 100);
    writeFileSync(join(w.cache, 'packs', packs[0]!), bytes);
    writeFileSync(join(w.cache, 'last-run.json'), '{"format":');
    rmSync(join(w.dir, 'out'), { recursive: true });
    r = w.run();
    expect(r.output).toEqual(first.output);
    expect(w.run().output).toEqual(first.output);

    // No packs at all.
    rmSync(join(w.cache, 'packs'), { recursive: true });
    rmSync(join(w.cache, 'last-run.json'));
    r = w.run();
    expect(r.parsed).toBe(first.parsed);
    expect(r.output).toEqual(first.output);
  });

  it('writes the same output on two worker threads as on one', () => {
    const one = workspace('one-thread').run({ INGEST_WORKERS: '1' });
    const w = workspace('two-threads');
    const two = w.run({ INGEST_WORKERS: '2' });
    expect(two.stderr).toContain('parsed on 2 threads');
    expect(two.output).toEqual(one.output);
    // And what the workers cached reads back the same.
    rmSync(join(w.cache, 'last-run.json'));
    expect(w.run().output).toEqual(one.output);
  });
});

describe('the ingest cache', () => {
  const records = () => {
    const files = rawFiles(raw);
    return files.map((f) => {
      const rel = relative(raw, f);
      return parseReport({ bytes: new Uint8Array(readFileSync(f)), file: rel, path: rel });
    });
  };

  it('keys a file by parser version, path and content', () => {
    const bytes = new TextEncoder().encode('报告');
    const k = cacheKey('v1', 'a/b.txt', bytes);
    expect(cacheKey('v1', 'a/b.txt', new TextEncoder().encode('报告'))).toBe(k);
    expect(cacheKey('v2', 'a/b.txt', bytes)).not.toBe(k);
    expect(cacheKey('v1', 'a/c.txt', bytes)).not.toBe(k);
    expect(cacheKey('v1', 'a/b.txt', new TextEncoder().encode('报告\n'))).not.toBe(k);
  });

  it('changes the parser version with any source', () => {
    const sources = [
      { path: 'src/lib/parse/a.ts', data: 'export const a = 1;' },
      { path: 'package-lock.json', data: '{}' },
    ];
    const v = parserVersion(sources, ['v22']);
    expect(parserVersion([...sources].reverse(), ['v22'])).toBe(v);
    expect(parserVersion([{ ...sources[0]!, data: 'export const a = 2;' }, sources[1]!], ['v22'])).not.toBe(v);
    expect(parserVersion([{ ...sources[0]!, path: 'src/lib/parse/b.ts' }, sources[1]!], ['v22'])).not.toBe(v);
    expect(parserVersion(sources, ['v24'])).not.toBe(v);
  });

  it('builds records from their light JSON that serialise as the records do', () => {
    for (const record of records()) {
      const entry = encodeRecord(record);
      let loads = 0;
      const lazy = lazyRecord(entry.light, () => (loads++, JSON.parse(Buffer.from(entry.full).toString())));
      expect(lazy.file).toBe(record.file);
      expect(loads).toBe(0);
      expect(isUnchanged(lazy)).toBe(true);
      expect(JSON.stringify(lazy)).toBe(JSON.stringify(record));
      expect(loads).toBe(1);
      expect(isUnchanged(lazy)).toBe(false);
    }
  });

  it('tells a record the corpus pass changed from one it left alone', () => {
    const rs = records();
    const twin = { ...rs[0]!, file: 'copy.txt' } as Report;
    const lazy = [...rs, twin].map((r) => {
      const e = encodeRecord(r);
      return lazyRecord(e.light, () => JSON.parse(Buffer.from(e.full).toString()));
    });
    finishCorpus(lazy);
    // The copy gets a warning and a slug of its own; the first record stays as it was.
    expect(lazy.map(isUnchanged)).toEqual([...rs.map(() => true), false]);
    expect(lazy.at(-1)!.warnings.map((w) => w.code)).toContain('DUPLICATE_FILE');
    // The plain records get the same from the corpus pass.
    const plain = finishCorpus([...rs, twin].map((r) => JSON.parse(JSON.stringify(r))));
    expect(lazy.map((r) => JSON.stringify(r))).toEqual(plain.map((r) => JSON.stringify(r)));
  });

  it('reads back its index, and nothing from a damaged one', () => {
    const e = (n: number): IndexEntry => ({ digest: 'a'.repeat(64), pack: 'p1', offset: n * 10, length: 5, lightLength: 5, lightDigest: 'b'.repeat(16), failsChecks: n % 2 === 1 });
    const keys = ['0'.repeat(32), '1'.repeat(32)];
    const data = encodeIndex('v', keys.map((k, i) => indexLine(k, e(i))));
    expect([...decodeIndex(data, 'v')!]).toEqual(keys.map((k, i) => [k, e(i)]));
    expect(decodeIndex(data, 'w')).toBeNull();
    expect(decodeIndex(data.subarray(0, data.length - 3), 'v')).toBeNull();
    const flipped = Buffer.from(data);
    flipped[flipped.length - 1] ^= 1;
    expect(decodeIndex(flipped, 'v')).toBeNull();
    expect(decodeIndex(Buffer.from('garbage'), 'v')).toBeNull();
    expect(decodeIndex(encodeIndex('v', []), 'v')!.size).toBe(0);
  });

  it('rewrites packs that are mostly dead or small, keeps the rest', () => {
    const MB = 1 << 20;
    const sizes = new Map([
      ['big-live', 100 * MB],
      ['big-dead', 100 * MB],
      ['small', 1 * MB],
      ['unused', 50 * MB],
    ]);
    const live = new Map([
      ['big-live', 90 * MB],
      ['big-dead', 30 * MB],
      ['small', 1 * MB],
    ]);
    expect([...packsToRewrite(sizes, live)].sort()).toEqual(['big-dead', 'small']);
  });
});
