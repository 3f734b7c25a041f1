import { defineConfig } from 'astro/config';

// The baseline for bench/build.ts: the portal's layout shell, N pages, no data.
export default defineConfig({
  outDir: process.env.OUT_DIR ?? './dist',
  trailingSlash: 'always',
  // The portal's own build settings, so the ratio compares pages, not settings.
  build: { format: 'directory', inlineStylesheets: 'never', concurrency: Number(process.env.ASTRO_CONCURRENCY ?? 4) },
});
