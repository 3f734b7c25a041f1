import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';

// SITE and BASE_PATH let the same build run at a domain root or under a GitHub Pages sub-path;
// OUT_DIR lets tests build into a scratch folder without touching dist/.
export default defineConfig({
  site: process.env.SITE ?? 'https://example.github.io',
  base: process.env.BASE_PATH ?? '/',
  outDir: process.env.OUT_DIR ?? './dist',
  trailingSlash: 'always',
  build: { format: 'directory', inlineStylesheets: 'never' },
  integrations: [mdx()],
  experimental: {
    // Report, body and region pages carry cache keys (src/lib/data/cache-keys.ts), so with
    // ASTRO_INCREMENTAL=1 a rebuild reuses unchanged pages from node_modules/.astro. Off by
    // default: keeping the cache copies costs a fresh build ~40 % more (bench/build.ts).
    incrementalBuild: process.env.ASTRO_INCREMENTAL === '1',
  },
});
