// Static file server that behaves like GitHub Pages serving a project site
// (https://<user>.github.io/<repo>/), so the e2e tests exercise the release
// build under the same URL rules it meets in production. Dependency-free.
//
// CLI:    node tests/e2e/server.mjs --root dist --base /backend-atlas/ --port 4173 [--host 127.0.0.1] [--verbose]
// Import: const srv = await startServer({ root, base, port: 0 }); ... await srv.close();
import http from 'node:http';
import zlib from 'node:zlib';
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { pathToFileURL } from 'node:url';

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.wasm': 'application/wasm',
  '.txt': 'text/plain; charset=utf-8',
  '.csv': 'text/csv; charset=utf-8',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.webmanifest': 'application/manifest+json',
  '.xml': 'application/xml',
  '.woff2': 'font/woff2',
};
const COMPRESSIBLE = new Set(['.html', '.css', '.js', '.mjs', '.json', '.svg', '.wasm', '.txt', '.csv', '.xml', '.webmanifest']);

/** "/backend-atlas" or "backend-atlas/" -> "/backend-atlas/"; "" -> "/". */
function normalizeBase(base) {
  let b = base || '/';
  if (!b.startsWith('/')) b = '/' + b;
  if (!b.endsWith('/')) b += '/';
  return b;
}

function acceptsGzip(req) {
  const ae = String(req.headers['accept-encoding'] || '');
  // "gzip" listed and not explicitly refused with q=0.
  return ae.split(',').some((part) => {
    const [name, ...params] = part.trim().toLowerCase().split(';').map((s) => s.trim());
    return (name === 'gzip' || name === '*') && !params.some((p) => /^q=0(\.0*)?$/.test(p));
  });
}

/** Resolve `p` to an existing entry: {kind: 'file'|'dir', file, stat} or null. */
function statOrNull(p) {
  try {
    const stat = fs.statSync(p);
    return { stat, kind: stat.isDirectory() ? 'dir' : stat.isFile() ? 'file' : null };
  } catch {
    return null;
  }
}

/**
 * Start the server. `port: 0` picks a free port.
 * Resolves to { origin, url, port, close() } where `url` = origin + base.
 */
export async function startServer({ root, base = '/', port = 0, host = '127.0.0.1', verbose = false } = {}) {
  const rootDir = path.resolve(root);
  const basePath = normalizeBase(base);
  // Gzipped bodies keyed by file + mtime + size, so a rebuilt dist is picked up.
  const gzCache = new Map();

  function gzipped(file, stat, body) {
    const key = `${file}|${stat.mtimeMs}|${stat.size}`;
    let gz = gzCache.get(key);
    if (!gz) {
      gz = zlib.gzipSync(body, { level: 6 });
      gzCache.set(key, gz);
    }
    return gz;
  }

  function send(req, res, status, file, extraHeaders = {}) {
    const stat = fs.statSync(file);
    let body = fs.readFileSync(file);
    const ext = path.extname(file).toLowerCase();
    const headers = {
      'Content-Type': TYPES[ext] || 'application/octet-stream',
      'Cache-Control': 'max-age=600',
      ...extraHeaders,
    };
    if (COMPRESSIBLE.has(ext)) {
      headers['Vary'] = 'Accept-Encoding';
      if (acceptsGzip(req)) {
        body = gzipped(file, stat, body);
        headers['Content-Encoding'] = 'gzip';
      }
    }
    headers['Content-Length'] = body.length;
    res.writeHead(status, headers);
    res.end(req.method === 'HEAD' ? undefined : body);
  }

  function plain(req, res, status, text, extraHeaders = {}) {
    res.writeHead(status, {
      'Content-Type': 'text/plain; charset=utf-8',
      'Content-Length': Buffer.byteLength(text),
      ...extraHeaders,
    });
    res.end(req.method === 'HEAD' ? undefined : text);
  }

  function notFound(req, res) {
    const page = path.join(rootDir, '404.html');
    if (statOrNull(page)?.kind === 'file') send(req, res, 404, page);
    else plain(req, res, 404, 'Not found\n');
  }

  function handle(req, res) {
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      return plain(req, res, 405, 'Method not allowed\n', { Allow: 'GET, HEAD' });
    }
    // Work on the raw request target: no URL normalisation, so "/x/../y" reaches
    // the traversal check below exactly as the client sent it.
    const raw = req.url || '/';
    const q = raw.indexOf('?');
    const rawPath = q === -1 ? raw : raw.slice(0, q);
    const query = q === -1 ? '' : raw.slice(q);

    if (basePath !== '/' && rawPath === basePath.slice(0, -1)) {
      return redirect(req, res, basePath + query);
    }
    if (!rawPath.startsWith(basePath)) return plain(req, res, 404, 'Not found\n');

    let rel;
    try {
      rel = decodeURIComponent(rawPath.slice(basePath.length));
    } catch {
      return plain(req, res, 400, 'Bad request\n');
    }
    if (rel.includes('\0')) return notFound(req, res);
    const target = path.resolve(rootDir, '.' + path.sep + rel);
    // Refuse anything that resolves outside root (decoded "..", "%2e%2e", "..%2f").
    if (target !== rootDir && !target.startsWith(rootDir + path.sep)) return notFound(req, res);

    const entry = statOrNull(target);
    if (entry?.kind === 'dir') {
      if (!rawPath.endsWith('/')) return redirect(req, res, rawPath + '/' + query);
      const index = path.join(target, 'index.html');
      return statOrNull(index)?.kind === 'file' ? send(req, res, 200, index) : notFound(req, res);
    }
    if (entry?.kind === 'file' && !rawPath.endsWith('/')) return send(req, res, 200, target);
    // GitHub Pages serves "/about" from "about.html".
    if (!rawPath.endsWith('/') && statOrNull(target + '.html')?.kind === 'file') {
      return send(req, res, 200, target + '.html');
    }
    return notFound(req, res);
  }

  function redirect(req, res, location) {
    plain(req, res, 301, `Moved to ${location}\n`, { Location: location, 'Cache-Control': 'max-age=600' });
  }

  const server = http.createServer((req, res) => {
    if (verbose) res.on('finish', () => console.log(`${res.statusCode} ${req.method} ${req.url}`));
    try {
      handle(req, res);
    } catch (err) {
      if (verbose) console.error(err);
      if (!res.headersSent) plain(req, res, 500, 'Internal error\n');
      else res.destroy();
    }
  });

  await new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, resolve);
  });
  const actualPort = server.address().port;
  const hostForUrl = host.includes(':') ? `[${host}]` : host;
  const origin = `http://${hostForUrl}:${actualPort}`;
  if (verbose) console.log(`Serving ${rootDir} at ${origin}${basePath}`);

  return {
    origin,
    url: origin + basePath,
    port: actualPort,
    close: () =>
      new Promise((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections(); // don't wait for idle keep-alive sockets
      }),
  };
}

// CLI entry point (only when run directly, not when imported).
if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  const { values } = parseArgs({
    options: {
      root: { type: 'string', default: 'dist' },
      base: { type: 'string', default: '/' },
      port: { type: 'string', default: '4173' },
      host: { type: 'string', default: '127.0.0.1' },
      verbose: { type: 'boolean', default: false },
    },
  });
  const port = Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    console.error(`invalid --port ${values.port}`);
    process.exit(2);
  }
  const srv = await startServer({ ...values, port });
  const stop = () => srv.close().then(() => process.exit(0));
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}
