import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';

// SITE and BASE_PATH let the same build run at a domain root or under a GitHub Pages sub-path.
export default defineConfig({
  site: process.env.SITE ?? 'https://example.github.io',
  base: process.env.BASE_PATH ?? '/',
  trailingSlash: 'always',
  build: { format: 'directory' },
  integrations: [mdx()],
});
