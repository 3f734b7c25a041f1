import { createServer, type Server } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize } from 'node:path';
import { gzipSync } from 'node:zlib';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.csv': 'text/csv; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.wasm': 'application/wasm',
  '.png': 'image/png',
};

/** What GitHub Pages compresses; Pagefind's index files are gzip already and go as they are. */
const COMPRESSED = new Set(['.html', '.css', '.js', '.mjs', '.json', '.csv', '.svg']);

/**
 * Serves a built site under `base` the way GitHub Pages does: /base/x/ → x/index.html,
 * /base/x → 301 to /base/x/ when x is a folder, anything outside base → 404, text gzipped for
 * browsers that accept it (so the bytes the benchmarks count are the bytes a reader downloads).
 */
export async function serve(root: string, base: string): Promise<{ origin: string; close: () => Promise<void>; server: Server }> {
  const server = createServer(async (req, res) => {
    const path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
    if (!path.startsWith(base)) return notFound(res);
    const rel = normalize(path.slice(base.length)).replace(/^(\.\.[/\\])+/, '');
    let file = join(root, rel);
    try {
      const s = await stat(file);
      if (s.isDirectory()) {
        if (!path.endsWith('/')) {
          res.writeHead(301, { Location: path + '/' });
          return res.end();
        }
        file = join(file, 'index.html');
      }
      const body = await readFile(file);
      const type = TYPES[extname(file)] ?? 'application/octet-stream';
      if (COMPRESSED.has(extname(file)) && /\bgzip\b/.test(String(req.headers['accept-encoding']))) {
        res.writeHead(200, { 'Content-Type': type, 'Content-Encoding': 'gzip', Vary: 'Accept-Encoding' });
        return res.end(gzipSync(body));
      }
      res.writeHead(200, { 'Content-Type': type });
      res.end(body);
    } catch {
      notFound(res);
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return {
    origin: `http://127.0.0.1:${port}`,
    server,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

function notFound(res: import('node:http').ServerResponse): void {
  res.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8' });
  res.end('not found');
}
