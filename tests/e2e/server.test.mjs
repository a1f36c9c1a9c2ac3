// Tests for the GitHub-Pages-like static server (tests/e2e/server.mjs) against a
// small fixture in a temp directory. Needs no build and no browser.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import net from 'node:net';
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { startServer } from './server.mjs';
import { httpRequest } from './http.mjs';

const BASE = '/site/';
let tmp, root, srv;

function write(rel, content) {
  const file = path.join(tmp, rel);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, content);
}

const get = (p, opts = {}) => httpRequest(srv.origin, p, opts);

before(async () => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'pages-server-'));
  root = path.join(tmp, 'root');
  write('secret.txt', 'TOP SECRET'); // outside root: must never be served
  write('root/index.html', '<h1>home</h1>');
  write('root/404.html', '<h1>custom 404</h1>');
  write('root/sub/index.html', '<h1>sub</h1>');
  write('root/about.html', '<h1>about</h1>');
  write('root/app.js', 'console.log("x");'.repeat(200));
  write('root/app.wasm', Buffer.concat([Buffer.from('\0asm\x01\0\0\0', 'binary'), Buffer.alloc(4096)]));
  write('root/data/a.json', '{"a":1}');
  write('root/data/t.csv', 'a,b\n1,2\n');
  write('root/icon.svg', '<svg xmlns="http://www.w3.org/2000/svg"/>');
  write('root/style.css', 'body{}');
  srv = await startServer({ root, base: BASE, port: 0 });
});

after(async () => {
  await srv?.close();
  fs.rmSync(tmp, { recursive: true, force: true });
});

test('listens on loopback and reports its url', () => {
  assert.match(srv.origin, /^http:\/\/127\.0\.0\.1:\d+$/);
  assert.equal(srv.url, srv.origin + BASE);
});

test('serves index.html for the base and for directories with a slash', async () => {
  let r = await get('/site/');
  assert.equal(r.status, 200);
  assert.equal(r.text, '<h1>home</h1>');
  assert.equal(r.headers['content-type'], 'text/html; charset=utf-8');
  assert.equal(r.headers['cache-control'], 'max-age=600');
  r = await get('/site/sub/');
  assert.equal(r.status, 200);
  assert.equal(r.text, '<h1>sub</h1>');
});

test('301 to the slash form for the base and directories, keeping the query', async () => {
  let r = await get('/site');
  assert.equal(r.status, 301);
  assert.equal(r.headers.location, '/site/');
  r = await get('/site?x=1');
  assert.equal(r.headers.location, '/site/?x=1');
  r = await get('/site/sub');
  assert.equal(r.status, 301);
  assert.equal(r.headers.location, '/site/sub/');
  r = await get('/site/sub?x=1&y=2');
  assert.equal(r.status, 301);
  assert.equal(r.headers.location, '/site/sub/?x=1&y=2');
});

test('falls back to path.html', async () => {
  const r = await get('/site/about');
  assert.equal(r.status, 200);
  assert.equal(r.text, '<h1>about</h1>');
  assert.equal(r.headers['content-type'], 'text/html; charset=utf-8');
});

test('missing files get 404 with the body of 404.html', async () => {
  for (const p of ['/site/nope', '/site/sub/deeper/nope', '/site/app.js/', '/site/about/']) {
    const r = await get(p);
    assert.equal(r.status, 404, p);
    assert.equal(r.text, '<h1>custom 404</h1>', p);
    assert.equal(r.headers['content-type'], 'text/html; charset=utf-8', p);
  }
});

test('paths outside the base are 404', async () => {
  for (const p of ['/', '/index.html', '/other/', '/sitex/']) {
    assert.equal((await get(p)).status, 404, p);
  }
});

test('content types', async () => {
  const expected = {
    '/site/app.js': 'text/javascript; charset=utf-8',
    '/site/app.wasm': 'application/wasm',
    '/site/data/a.json': 'application/json; charset=utf-8',
    '/site/data/t.csv': 'text/csv; charset=utf-8',
    '/site/icon.svg': 'image/svg+xml',
    '/site/style.css': 'text/css; charset=utf-8',
  };
  for (const [p, type] of Object.entries(expected)) {
    const r = await get(p);
    assert.equal(r.status, 200, p);
    assert.equal(r.headers['content-type'], type, p);
  }
});

test('gzip only when accepted', async () => {
  for (const p of ['/site/app.js', '/site/app.wasm', '/site/', '/site/nope']) {
    const plain = await get(p);
    assert.equal(plain.headers['content-encoding'], undefined, p);
    assert.equal(plain.headers.vary, 'Accept-Encoding', p);
    const gz = await get(p, { headers: { 'Accept-Encoding': 'gzip, deflate, br' } });
    assert.equal(gz.headers['content-encoding'], 'gzip', p);
    assert.equal(gz.headers.vary, 'Accept-Encoding', p);
    assert.equal(Number(gz.headers['content-length']), gz.body.length, p);
    assert.deepEqual(zlib.gunzipSync(gz.body), plain.body, p);
  }
  const refused = await get('/site/app.js', { headers: { 'Accept-Encoding': 'gzip;q=0, identity' } });
  assert.equal(refused.headers['content-encoding'], undefined);
});

test('path traversal is refused', async () => {
  for (const p of [
    '/site/../secret.txt',
    '/site/%2e%2e/secret.txt',
    '/site/..%2fsecret.txt',
    '/site/sub/..%2F..%2Fsecret.txt',
    '/site/%2E%2E%5Csecret.txt',
    '/site/..',
    '/site/sub/%00',
  ]) {
    const r = await get(p);
    assert.ok(r.status === 404 || r.status === 400, `${p} -> ${r.status}`);
    assert.ok(!r.text.includes('TOP SECRET'), p);
  }
  // A ".." that stays inside root is harmless and resolves normally.
  assert.equal((await get('/site/sub/..%2Fabout.html')).text, '<h1>about</h1>');
});

test('HEAD sends the headers of GET and no body', async () => {
  const g = await get('/site/app.js');
  const h = await get('/site/app.js', { method: 'HEAD' });
  assert.equal(h.status, 200);
  assert.equal(h.body.length, 0);
  assert.equal(h.headers['content-length'], g.headers['content-length']);
  assert.equal(h.headers['content-type'], g.headers['content-type']);
  assert.equal((await get('/site/nope', { method: 'HEAD' })).status, 404);
  assert.equal((await get('/site/sub', { method: 'HEAD' })).status, 301);
});

test('other methods are rejected', async () => {
  const r = await get('/site/', { method: 'POST' });
  assert.equal(r.status, 405);
  assert.equal(r.headers.allow, 'GET, HEAD');
});

test('CLI serves the same way and prints nothing without --verbose', async () => {
  const port = await new Promise((resolve) => {
    const s = net.createServer().listen(0, '127.0.0.1', () => {
      const { port } = s.address();
      s.close(() => resolve(port));
    });
  });
  const script = fileURLToPath(new URL('./server.mjs', import.meta.url));
  const child = spawn(process.execPath, [script, '--root', root, '--base', '/site', '--port', String(port)], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.on('data', (d) => (output += d));
  child.stderr.on('data', (d) => (output += d));
  try {
    const origin = `http://127.0.0.1:${port}`;
    let r;
    for (let i = 0; i < 100; i++) {
      try {
        r = await httpRequest(origin, '/site/sub');
        break;
      } catch {
        await new Promise((res) => setTimeout(res, 100));
      }
    }
    assert.ok(r, 'CLI server did not start');
    assert.equal(r.status, 301);
    assert.equal((await httpRequest(origin, '/site/')).text, '<h1>home</h1>');
    assert.equal(output, '');
  } finally {
    const exited = new Promise((res) => child.once('exit', res));
    child.kill('SIGTERM');
    await exited;
  }
});
