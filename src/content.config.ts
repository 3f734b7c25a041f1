import { defineCollection } from 'astro:content';
import { readFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { z } from 'zod';
import { KeyFiguresSchema } from './lib/schema/figures.ts';
import { ingestFinished, reportsDir, reportsLoader } from './lib/data/reports-loader.ts';

// One entry per ingested report, holding its key figures (validated full records stay on disk;
// see reports-loader.ts for why).
const reports = defineCollection({ loader: reportsLoader(), schema: KeyFiguresSchema });

const SummarySchema = z.object({
  rejected: z.array(z.object({ file: z.string(), reason: z.string(), codes: z.array(z.string()) })),
});

// The ingest summary as a one-entry collection: files that could not be turned into a report at
// all, listed on the data-quality page. Always one entry, so an ingest with no rejects is not "empty".
const ingest = defineCollection({
  loader: {
    name: 'ingest-summary',
    async load({ store, parseData }) {
      await ingestFinished();
      let summary: { rejected?: unknown[] } = {};
      try {
        summary = JSON.parse(await readFile(join(dirname(reportsDir()), 'ingest-summary.json'), 'utf8'));
      } catch {
        // No summary means no ingest ran (e.g. records copied in by hand): nothing was rejected.
      }
      store.clear();
      store.set({ id: 'summary', data: await parseData({ id: 'summary', data: { rejected: summary.rejected ?? [] } }) });
    },
  },
  schema: SummarySchema,
});

export const collections = { reports, ingest };
