import { defineConfig } from 'astro/config';

// The baseline for bench/build.ts: the portal's layout shell, N pages, no data.
// The portal's own build settings, so the ratio compares pages, not settings: with incremental
// builds on (ASTRO_INCREMENTAL, as in the portal) Astro writes each keyed page twice, into the
// output folder and into its cache, whatever the page holds.
const incremental = process.env.ASTRO_INCREMENTAL !== '0';

export default defineConfig({
  outDir: process.env.OUT_DIR ?? './dist',
  cacheDir: process.env.ASTRO_CACHE_DIR ?? './node_modules/.astro',
  trailingSlash: 'always',
  build: { format: 'directory', inlineStylesheets: 'never', concurrency: Number(process.env.ASTRO_CONCURRENCY ?? 4) },
  experimental: { incrementalBuild: incremental },
});
