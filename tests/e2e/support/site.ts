import { spawn } from 'node:child_process';
import { mkdtemp, readdir, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Report } from '../../../src/lib/schema/report.ts';

export const BASE = '/portal/';
export const ROOT = join(import.meta.dirname, '..', '..', '..');

export interface BuiltSite {
  dist: string;
  /** What `npm run build` printed (stdout + stderr). */
  log: string;
  records: Report[];
}

/**
 * Builds the real site from content/raw exactly as a user would (`npm run build`), but under the
 * GitHub Pages sub-path /portal/ and into a scratch folder, so every check also covers base paths.
 */
export async function buildSite(): Promise<BuiltSite> {
  const dist = await mkdtemp(join(tmpdir(), 'portal-e2e-'));
  // Shards of two reports: the sample content then spans several Pagefind indexes, so every search
  // test also covers merging them in the browser.
  const log = await run('npm', ['run', 'build'], { BASE_PATH: BASE, OUT_DIR: dist, SITE: 'https://example.github.io', PAGEFIND_SHARD_SIZE: '2' });
  const dir = join(ROOT, 'content', 'reports');
  const files = (await readdir(dir)).filter((f) => f.endsWith('.json') && !f.startsWith('_'));
  const records = await Promise.all(files.map(async (f) => JSON.parse(await readFile(join(dir, f), 'utf8')) as Report));
  return { dist, log, records };
}

export function run(cmd: string, args: string[], env: Record<string, string>): Promise<string> {
  return new Promise((resolve, reject) => {
    // Vitest mirrors import.meta.env into process.env (BASE_URL=/, MODE=test…); a child Astro build
    // would inherit them and ignore its own base, so they are dropped.
    const inherited = Object.fromEntries(Object.entries(process.env).filter(([k]) => !['BASE_URL', 'MODE', 'DEV', 'PROD', 'SSR', 'NODE_ENV'].includes(k) && !k.startsWith('VITEST')));
    const child = spawn(cmd, args, { cwd: ROOT, env: { ...inherited, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    child.stdout.on('data', (d) => (out += d));
    child.stderr.on('data', (d) => (out += d));
    // Under CI=true Astro colours its log; the assertions read the words.
    child.on('close', (code) => (code === 0 ? resolve(out.replace(/\x1b\[[0-9;]*m/g, '')) : reject(new Error(`${cmd} ${args.join(' ')} exited ${code}\n${out.slice(-4000)}`))));
  });
}

/** Every file under dir, relative, with forward slashes. */
export async function listFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries.filter((e) => e.isFile()).map((e) => join(e.parentPath, e.name).slice(dir.length + 1).split('\\').join('/'));
}

/** The value at a record path such as `table3.denied.stateSecret[2]` or `table2.fees.change`. */
export function valueAt(record: unknown, path: string): unknown {
  let v: unknown = record;
  for (const part of path.replace(/\[(\d+)\]/g, '.$1').split('.')) v = (v as Record<string, unknown> | null)?.[part];
  return v;
}
