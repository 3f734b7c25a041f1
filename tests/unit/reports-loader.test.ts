// The reports collection's loader, run against a stand-in for Astro's store: key figures of valid
// records, unchanged files skipped, and a record that does not match the schema (or is filed under
// another slug) stops the build with a message naming the file.
import { createHash } from 'node:crypto';
import { copyFileSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { reportsLoader } from '../../src/lib/data/reports-loader.ts';

const repo = join(import.meta.dirname, '..', '..');
const samples = join(repo, 'content', 'reports');
let dir: string;
let saved: string | undefined;

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'loader-test-'));
  for (const f of readdirSync(samples).filter((n) => n.endsWith('.json'))) copyFileSync(join(samples, f), join(dir, f));
  saved = process.env.REPORTS_DIR;
  process.env.REPORTS_DIR = dir;
});
afterEach(() => {
  if (saved === undefined) delete process.env.REPORTS_DIR;
  else process.env.REPORTS_DIR = saved;
  rmSync(dir, { recursive: true, force: true });
});

type Entry = { id: string; data: Record<string, unknown>; digest?: string };

function stage() {
  const entries = new Map<string, Entry>();
  const logs: string[] = [];
  let parsed = 0;
  const context = {
    store: {
      get: (id: string) => entries.get(id),
      set: (e: Entry) => entries.set(e.id, e),
      keys: () => [...entries.keys()],
      delete: (id: string) => entries.delete(id),
    },
    parseData: async ({ data }: { id: string; data: Record<string, unknown> }) => {
      parsed++;
      return data;
    },
    generateDigest: (s: string) => createHash('sha1').update(s).digest('hex'),
    logger: { info: (s: string) => logs.push(s), warn: (s: string) => logs.push(s) },
    config: { root: pathToFileURL(repo + '/') },
  };
  return {
    entries,
    logs,
    parsed: () => parsed,
    load: () => reportsLoader().load(context as never),
  };
}

describe('reportsLoader', () => {
  it('stores the key figures of every record, and reads only changed files the next time', async () => {
    const s = stage();
    await s.load();
    const slugs = readdirSync(dir).map((n) => n.slice(0, -'.json'.length));
    expect(slugs.length).toBeGreaterThan(2);
    expect([...s.entries.keys()].sort()).toEqual(slugs.sort());
    const first = s.entries.get(slugs[0]!)!.data;
    expect(first.slug).toBe(slugs[0]);
    expect(first).not.toHaveProperty('text');
    expect(s.parsed()).toBe(slugs.length);

    await s.load();
    expect(s.parsed()).toBe(slugs.length);
    // Rewritten (a new file version): read again. Removed: dropped from the store.
    const path = join(dir, `${slugs[0]}.json`);
    const text = readFileSync(path, 'utf8');
    rmSync(path);
    writeFileSync(path, text);
    rmSync(join(dir, `${slugs[1]}.json`));
    await s.load();
    expect(s.parsed()).toBe(slugs.length + 1);
    expect(s.entries.has(slugs[1]!)).toBe(false);
  });

  it('stops at a record that is not one, naming the file and the field', async () => {
    const [name] = readdirSync(dir);
    const path = join(dir, name!);
    const record = JSON.parse(readFileSync(path, 'utf8'));
    record.year = '二〇二〇';
    writeFileSync(path, JSON.stringify(record));
    await expect(stage().load()).rejects.toThrow(new RegExp(`${name!.replace('.', '\\.')} is not a valid report record:[\\s\\S]*year`));
  });

  it('stops at a record filed under another slug', async () => {
    const [a, b] = readdirSync(dir);
    copyFileSync(join(dir, a!), join(dir, b!));
    await expect(stage().load()).rejects.toThrow(/holds the record of .*; re-run the ingest/);
  });
});
