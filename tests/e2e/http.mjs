// Raw HTTP client for the e2e tests: sends the request target exactly as given
// (no URL normalisation, no automatic decompression), so tests can check what
// the server really answers (status, headers, encoded body).
import http from 'node:http';

/**
 * httpRequest('http://127.0.0.1:1234', '/backend-atlas/x?y=1', { method, headers })
 * -> { status, headers, body: Buffer, text }
 */
export function httpRequest(origin, target, { method = 'GET', headers = {} } = {}) {
  const { hostname, port } = new URL(origin);
  return new Promise((resolve, reject) => {
    const req = http.request(
      { host: hostname.replace(/^\[|\]$/g, ''), port, path: target, method, headers, agent: false },
      (res) => {
        const chunks = [];
        res.on('data', (c) => chunks.push(c));
        res.on('end', () => {
          const body = Buffer.concat(chunks);
          resolve({ status: res.statusCode, headers: res.headers, body, text: body.toString('utf8') });
        });
        res.on('error', reject);
      },
    );
    req.setTimeout(30_000, () => req.destroy(new Error(`timeout: ${method} ${target}`)));
    req.on('error', reject);
    req.end();
  });
}
