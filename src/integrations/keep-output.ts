import { readdir, rm, rmdir, stat } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';

/**
 * With incremental builds Astro keeps unchanged pages where they are (it skips a page whose cache
 * key is unchanged and whose file is still in the output folder), so the output folder is not
 * emptied first. What a build no longer produces must then go: HTML files that are not among this
 * build's pages (a report or region that disappeared) and client assets it did not rewrite.
 */
export function pruneStaleOutput(): AstroIntegration {
  let started = 0;
  return {
    name: 'prune-stale-output',
    hooks: {
      'astro:build:start': () => {
        started = Date.now();
      },
      'astro:build:done': async ({ dir, assets, logger }) => {
        const out = fileURLToPath(dir);
        const produced = new Set([...assets.values()].flat().map((u) => fileURLToPath(u)));
        let removed = 0;
        // Folders that may be left empty: those of removed files and their parents.
        const emptied = new Set<string>();
        for (const e of await readdir(out, { withFileTypes: true, recursive: true })) {
          if (!e.isFile()) continue;
          const file = join(e.parentPath, e.name);
          const stale =
            (e.name.endsWith('.html') && !produced.has(file)) ||
            (file.startsWith(join(out, '_astro')) && (await stat(file)).mtimeMs < started);
          if (stale) {
            await rm(file);
            removed++;
            for (let d = e.parentPath; d.length > out.length && d.startsWith(out); d = dirname(d)) emptied.add(d);
          }
        }
        // Deepest first; rmdir refuses folders that still hold something.
        for (const d of [...emptied].sort((a, b) => b.length - a.length)) await rmdir(d).catch(() => {});
        if (removed) logger.info(`removed ${removed} file(s) this build no longer produces`);
      },
    },
  };
}
