import { existsSync, statSync, type Stats } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import type { Loader } from 'astro/loaders';
import { z } from 'zod';
import { isReport } from '../parse/validate.ts';
import { ReportSchema, type Report } from '../schema/report.ts';
import { keyFigures } from './figures.ts';

/** Where the ingest step wrote one record per report (`<slug>.json`). */
export function reportsDir(): string {
  return resolve(process.env.REPORTS_DIR ?? './content/reports');
}

/**
 * Resolves once the records are complete. npm run build starts Astro beside the ingest (Astro's
 * start-up needs no record) and names a file in INGEST_DONE_FILE that appears when the ingest is
 * done; the loaders wait for it. Without it (astro build on its own) the records are there already.
 */
export async function ingestFinished(): Promise<void> {
  const file = process.env.INGEST_DONE_FILE;
  while (file && !existsSync(file)) await new Promise((done) => setTimeout(done, 20));
}

/** The slug of every record in the ingest output (`<slug>.json`; `_`-prefixed and hidden files are not records). */
export async function recordSlugs(dir = reportsDir()): Promise<string[]> {
  return (await readdir(dir))
    .filter((n) => n.endsWith('.json') && !n.startsWith('_') && !n.startsWith('.'))
    .map((n) => n.slice(0, -'.json'.length))
    .sort();
}

/**
 * Identifies one version of a record file without reading it. The ingest replaces a record (a new
 * file renamed into place) only when its content changed, so its inode, size and mtime change with
 * it; reading and hashing 200 MB of records on every build of a 10,000-report site would not.
 * Not ctime: hard-linking the record into the site as its download changes that.
 */
export function fileVersion(s: Stats): string {
  return `${s.size}-${s.mtimeMs}-${s.ino}`;
}

/** The fileVersion of each record, in the order of `slugs`. (Synchronous: 10,000 stats through the thread pool take three times as long.) */
export function recordVersions(slugs: string[], dir = reportsDir()): string[] {
  return slugs.map((slug) => fileVersion(statSync(join(dir, `${slug}.json`))));
}

/** A full record, for the one page (or download) that shows all of it. The loader validated it. */
export async function readRecord(slug: string, dir = reportsDir()): Promise<Report> {
  return JSON.parse(await readFile(join(dir, `${slug}.json`), 'utf8')) as Report;
}

const PROJECTION_SOURCES = ['src/lib/data/reports-loader.ts', 'src/lib/data/figures.ts', 'src/lib/schema/figures.ts', 'src/lib/schema/report.ts'];

/**
 * The reports collection: every record is validated against the parser's schema (a record that
 * does not match fails the build instead of rendering wrong numbers), but only its key figures
 * enter the data store. Unchanged files (same fileVersion) are not read again.
 */
export function reportsLoader(): Loader {
  return {
    name: 'report-records',
    async load({ store, parseData, generateDigest, logger, config }) {
      await ingestFinished();
      const dir = reportsDir();
      // Astro clears the store only when the config files change, not when the code that derives
      // an entry does: fold that code into every digest so a changed projection re-reads all.
      const code = await Promise.all(PROJECTION_SOURCES.map((p) => readFile(new URL(p, config.root), 'utf8').catch(() => p)));
      const version = generateDigest(code.join('\0'));
      const slugs = await recordSlugs(dir).catch(() => {
        logger.warn(`${dir} does not exist: run the ingest first (npm run ingest)`);
        return [];
      });
      const seen = new Set<string>();
      let changed = 0;
      const versions = recordVersions(slugs, dir);
      for (const [i, id] of slugs.entries()) {
        const file = join(dir, `${id}.json`);
        const digest = `${version}:${versions[i]}`;
        seen.add(id);
        if (store.get(id)?.digest === digest) continue;
        // The compiled schema reads the record; zod (which copies it) only says why one is invalid.
        const record: unknown = JSON.parse(await readFile(file, 'utf8'));
        if (!isReport(record)) {
          const parsed = ReportSchema.safeParse(record);
          throw new Error(`${file} is not a valid report record:\n${parsed.success ? 'rejected by the compiled schema' : z.prettifyError(parsed.error)}`);
        }
        if (record.slug !== id) throw new Error(`${file} holds the record of ${record.slug}; re-run the ingest`);
        const data = await parseData({ id, data: keyFigures(record) });
        store.set({ id, data, digest });
        changed++;
      }
      for (const id of store.keys()) if (!seen.has(id)) store.delete(id);
      logger.info(`${slugs.length} records (${changed} new or changed)`);
    },
  };
}
