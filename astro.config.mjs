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
    // Report pages carry a cache key (their record and their peers); unchanged pages are reused
    // from node_modules/.astro between builds.
    incrementalBuild: true,
  },
});
