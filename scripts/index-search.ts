#!/usr/bin/env node
// The Pagefind search index, built from the ingested records (src/lib/data/search.ts says why not
// from the pages) in shards of PAGEFIND_SHARD_SIZE reports. Each shard is written to the build
// cache under a digest of its records, so a rebuild re-indexes only the shards whose reports changed.
//   --prepare  build the shards into the cache (npm run build runs this while Astro renders)
//   --place    put the current shards into <outDir>/pagefind/ (after astro build)
//   neither    both
import { createHash } from 'node:crypto';
import { mkdir, readdir, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import * as pagefind from 'pagefind';
import { readRecord, recordSlugs, recordVersions, reportsDir } from '../src/lib/data/reports-loader.ts';
import { searchRecord, shardCount, shardOf, shardPath, type SearchRecord } from '../src/lib/data/search.ts';
import { cacheDir, codeDigest, corpusKey, linkTree, outDir, phases, seconds } from './lib/build-cache.ts';

const started = performance.now();
const log = (s: string) => process.stderr.write(`index-search: ${s}\n`);
const dir = reportsDir();
const shardsDir = cacheDir('search');
// One manifest per record folder: builds of different corpora (tests, benchmarks) can share the cache.
const manifest = join(shardsDir, `${corpusKey(dir)}.json`);
const { prepare, place } = phases();

if (prepare) await prepareShards();
if (place) await placeShards();

async function prepareShards(): Promise<void> {
  const slugs = await recordSlugs(dir).catch(() => fail(`${dir} does not exist; run the ingest first`));
  if (slugs.length === 0) fail(`no records in ${dir}`);
  const shards = shardCount(slugs.length);
  const groups: string[][] = Array.from({ length: shards }, () => []);
  for (const slug of slugs) groups[shardOf(slug, shards)]!.push(slug);
  const code = await codeDigest(['src/lib/data/search.ts', 'src/lib/data/report-view.ts', 'src/lib/data/format.ts', 'package-lock.json']);
  // A shard is named by a digest of what it indexes. Reading 10,000 records to find that nothing
  // changed takes longer than the rest of a rebuild, so a shard whose record files are the same
  // versions as last time (sizes, times, inodes) keeps last time's digest without being read.
  const versions = new Map(recordVersions(slugs, dir).map((v, i) => [slugs[i]!, v]));
  const previous = await readManifest();
  await mkdir(shardsDir, { recursive: true });
  const next: Manifest = [];
  let built = 0;
  for (const [i, group] of groups.entries()) {
    const files = createHash('sha1').update(code).update(group.map((slug) => `${slug}:${versions.get(slug)}`).join('\n')).digest('hex').slice(0, 20);
    let content = previous.find((p) => p.files === files)?.content;
    if (!content || !(await exists(join(shardsDir, content)))) {
      const records = await searchRecords(group, versions, code, previous[i]?.files, files);
      content = createHash('sha1').update(code).update(JSON.stringify(records)).digest('hex').slice(0, 20);
      if (!(await exists(join(shardsDir, content)))) {
        const t = performance.now();
        await buildShard(records, join(shardsDir, content));
        built++;
        log(`shard ${i + 1}/${shards}: ${records.length} reports indexed in ${seconds(t)} s`);
      }
    }
    next.push({ files, content });
  }
  await writeFile(manifest, JSON.stringify(next));
  await prune();
  log(`${slugs.length} reports in ${shards} shard(s), ${built} rebuilt, ${shards - built} unchanged, ${seconds(started)} s`);
}

/**
 * A shard's search records, each made again only if its record file is not the version it was
 * made from last time. Splitting the prose into words (ICU) is most of the cost: 0.8 s of the
 * 1.5 s it takes to make 2,500 search records, which a rebuild after one edit would otherwise
 * spend on the edited report's whole shard. Saved as `<files digest>.records` for the next time.
 */
async function searchRecords(group: string[], versions: Map<string, string>, code: string, before: string | undefined, files: string): Promise<SearchRecord[]> {
  const saved = new Map<string, { version: string; record: SearchRecord }>();
  if (before) {
    try {
      const last = JSON.parse(await readFile(join(shardsDir, `${before}.records`), 'utf8')) as SavedRecords;
      if (last.code === code) for (const [slug, version, record] of last.entries) saved.set(slug, { version, record });
    } catch {
      // None saved, or unreadable: all are made again.
    }
  }
  const entries: SavedRecords['entries'] = await Promise.all(
    group.map(async (slug) => {
      const version = versions.get(slug)!;
      const last = saved.get(slug);
      return [slug, version, last?.version === version ? last.record : searchRecord(await readRecord(slug, dir))] as const;
    }),
  );
  const tmp = join(shardsDir, `${files}.records.${process.pid}.tmp`);
  await writeFile(tmp, JSON.stringify({ code, entries } satisfies SavedRecords));
  await rename(tmp, join(shardsDir, `${files}.records`));
  return entries.map((e) => e[2]);
}

interface SavedRecords {
  code: string;
  entries: (readonly [slug: string, version: string, record: SearchRecord])[];
}

/** Per shard: the digest of its record files' versions, and of the search records built from them (its folder). */
type Manifest = { files: string; content: string }[];

/** A manifest file's entries; a missing or unreadable one has none. */
async function readManifest(file = manifest): Promise<Manifest> {
  const parsed: unknown = JSON.parse(await readFile(file, 'utf8').catch(() => '[]'));
  return Array.isArray(parsed) ? parsed.filter((e): e is Manifest[number] => typeof e?.files === 'string' && typeof e?.content === 'string') : [];
}

function exists(path: string): Promise<boolean> {
  return stat(path).then(() => true, () => false);
}

async function buildShard(records: SearchRecord[], target: string): Promise<void> {
  // A fresh Pagefind process per shard: its memory is returned when the shard is written.
  const { index, errors } = await pagefind.createIndex({
    // One file per fragment would mean 10,000+ tiny files on Pages; grouping keeps the deploy small.
    maxFragments: Number(process.env.PAGEFIND_MAX_FRAGMENTS ?? 500),
  });
  if (!index) fail(`cannot start Pagefind: ${errors.join('; ')}`);
  for (let i = 0; i < records.length; i += 200) {
    const added = await Promise.all(records.slice(i, i + 200).map((r) => index.addCustomRecord(r)));
    const failed = added.flatMap((a) => a.errors);
    if (failed.length) fail(`indexing failed: ${failed.join('; ')}`);
  }
  const tmp = `${target}.${process.pid}.tmp`;
  const written = await index.writeFiles({ outputPath: tmp });
  if (written.errors.length) fail(`writing the index failed: ${written.errors.join('; ')}`);
  await pagefind.close();
  await rename(tmp, target);
}

/** Shards and saved search records no manifest refers to any more. */
async function prune(): Promise<void> {
  const keep = new Set<string>();
  const entries = await readdir(shardsDir);
  for (const m of entries.filter((e) => e.endsWith('.json'))) {
    for (const { files, content } of await readManifest(join(shardsDir, m))) keep.add(content).add(`${files}.records`);
  }
  for (const e of entries) if (!e.endsWith('.json') && !keep.has(e) && !e.endsWith('.tmp')) await rm(join(shardsDir, e), { recursive: true, force: true });
}

async function placeShards(): Promise<void> {
  const t = performance.now();
  const digests = (await readManifest()).map((m) => m.content);
  if (digests.length === 0) fail('no index prepared; run with --prepare first');
  const out = outDir();
  await stat(out).catch(() => fail(`${out} does not exist; run astro build first`));
  await rm(join(out, 'pagefind'), { recursive: true, force: true });
  let files = 0;
  for (const [i, d] of digests.entries()) files += linkTree(join(shardsDir, d), join(out, shardPath(i)));
  log(`${digests.length} shard(s), ${files} files → ${join(out, 'pagefind')} in ${seconds(t)} s`);
}

function fail(message: string): never {
  log(message);
  process.exit(1);
}
