import { defineConfig } from 'astro/config';

// The baseline for bench/build.ts: the portal's layout shell, N pages, no data.
export default defineConfig({
  outDir: process.env.OUT_DIR ?? './dist',
  trailingSlash: 'always',
  build: { format: 'directory', inlineStylesheets: 'never' },
});
