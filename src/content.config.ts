import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
import { readFile } from 'node:fs/promises';
import { z } from 'zod';
import { ReportSchema } from './lib/schema/report.ts';

// The ingest step writes one record per report; the parser's schema is the collection schema,
// so a record that does not match fails the build instead of rendering wrong numbers.
const reports = defineCollection({
  loader: glob({
    pattern: ['*.json', '!_*.json'],
    base: process.env.REPORTS_DIR ?? './content/reports',
    generateId: ({ data }) => String(data.slug),
    // Records already hold the full text; keeping the raw JSON body as well would double the store.
    retainBody: false,
  }),
  schema: ReportSchema,
});

const SummarySchema = z.object({
  rejected: z.array(z.object({ file: z.string(), reason: z.string(), codes: z.array(z.string()) })),
});

// The ingest summary as a one-entry collection: files that could not be turned into a report at
// all, listed on the data-quality page. Always one entry, so an ingest with no rejects is not "empty".
const ingest = defineCollection({
  loader: {
    name: 'ingest-summary',
    async load({ store, parseData }) {
      let summary: { rejected?: unknown[] } = {};
      try {
        summary = JSON.parse(await readFile(process.env.INGEST_SUMMARY ?? './content/ingest-summary.json', 'utf8'));
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
