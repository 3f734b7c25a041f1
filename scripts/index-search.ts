#!/usr/bin/env node
// After `astro build`: builds the Pagefind search index into <outDir>/pagefind/ with the Node API.
// Only report pages carry data-pagefind-body, so listings and data pages stay out of the index.
// OUT_DIR must match astro.config.mjs (tests build into a scratch folder).
import { join, resolve } from 'node:path';
import { stat } from 'node:fs/promises';
import * as pagefind from 'pagefind';

const outDir = resolve(process.env.OUT_DIR ?? 'dist');
const started = performance.now();
const log = (s: string) => process.stderr.write(s + '\n');

await stat(outDir).catch(() => fail(`${outDir} does not exist; run astro build first`));
log(`index-search: indexing ${outDir}`);

const { index, errors } = await pagefind.createIndex({
  // Indexing every fragment as its own file would mean 10,000+ tiny files on Pages; grouping keeps
  // the deploy small without changing results.
  maxFragments: Number(process.env.PAGEFIND_MAX_FRAGMENTS ?? 2000),
});
if (!index) fail(`cannot start Pagefind: ${errors.join('; ')}`);

const added = await index.addDirectory({ path: outDir });
if (added.errors.length) fail(`indexing failed: ${added.errors.join('; ')}`);
if (added.page_count === 0) fail('no pages were indexed (is data-pagefind-body on the report pages?)');

const written = await index.writeFiles({ outputPath: join(outDir, 'pagefind') });
if (written.errors.length) fail(`writing the index failed: ${written.errors.join('; ')}`);
await pagefind.close();

log(`index-search: ${added.page_count} pages indexed in ${((performance.now() - started) / 1000).toFixed(1)} s → ${written.outputPath}`);

function fail(message: string): never {
  log(`index-search: ${message}`);
  process.exit(1);
}
