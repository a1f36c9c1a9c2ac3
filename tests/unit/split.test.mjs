// The pure helpers of scripts/split.mjs, which packs the release build's split wasm (see that
// file): what they write and read back, and the checks that stop a build. They need no build, no
// server and no browser, so `make test` runs them (`make js-unit`) before the release build; the
// tests of the built site's packs stay in tests/e2e/split.test.mjs.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { packModule, packIndex, minifyImports, shortName, checkNoFloatText, checkNoStreamClasses, pagePoint } from '../../scripts/split.mjs';

test('a pack lists its chunks itself: packIndex reads back what packModule wrote', () => {
  const files = [
    ['split_page_roadmap', Buffer.alloc(70_000, 1)],
    ['chunk_12', Buffer.from([0, 97, 115, 109])],
    ['chunk_9', Buffer.alloc(0)],
  ];
  const { bytes, index } = packModule(files);
  const read = packIndex(new Uint8Array(bytes));
  assert.deepEqual(Object.fromEntries(read), index);
  for (const [name, body] of files) {
    const [at, length] = read.get(name);
    assert.ok(Buffer.from(bytes.subarray(at, at + length)).equals(body), name);
  }
});

// A module importing two functions from the glue's module and one from the split loader, with an
// export `run` that calls the glue's two in order.
function moduleWithImports() {
  const text = (s) => [s.length, ...Buffer.from(s)];
  const imp = (module, name) => [...text(module), ...text(name), 0x00, 0x00];
  const section = (id, body) => [id, body.length, ...body];
  return new Uint8Array([
    0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00,
    ...section(1, [1, 0x60, 0, 0]),
    ...section(2, [3, ...imp('./x_bg.js', '__wbg_first_0123456789abcdef'),
      ...imp('./__wasm_split.js', '__wasm_split_load_page'), ...imp('./x_bg.js', '__wbg_second_fedcba9876543210')]),
    ...section(3, [1, 0]),
    ...section(7, [1, ...text('run'), 0x00, 3]),
    ...section(10, [1, 6, 0, 0x10, 0, 0x10, 2, 0x0b]),
  ]);
}
const glueFor = (calls) => `const import0 = { __proto__: null,
  __wbg_first_0123456789abcdef: function() { calls.push('first'); },
  __wbg_second_fedcba9876543210: function() { calls.push('second'); },
};
return { "./x_bg.js": import0, "./__wasm_split.js": { __wasm_split_load_page() { calls.push('load'); } } };`;

test('minifyImports renames the glue module and its imports in the wasm and the glue together', async () => {
  const { wasm, glue } = minifyImports(moduleWithImports(), glueFor(), './x_bg.js');
  const module = new WebAssembly.Module(wasm);
  assert.deepEqual(WebAssembly.Module.imports(module).map((i) => `${i.module} ${i.name}`),
    ['a a', './__wasm_split.js __wasm_split_load_page', 'a b']);
  assert.ok(!glue.includes('__wbg_') && !glue.includes('x_bg'), glue);
  const calls = [];
  // eslint-disable-next-line no-new-func
  const imports = new Function('calls', glue)(calls);
  const instance = await WebAssembly.instantiate(module, imports);
  instance.exports.run();
  assert.deepEqual(calls, ['first', 'second']);
});

test('minifyImports refuses a glue that does not name each import exactly once', () => {
  const twice = glueFor().replace('return {', 'const again = { __wbg_first_0123456789abcdef: 1 };\nreturn {');
  assert.throws(() => minifyImports(moduleWithImports(), twice, './x_bg.js'), /__wbg_first_0123456789abcdef 2 times/);
  const missing = glueFor().replace('__wbg_second_fedcba9876543210:', 'other:');
  assert.throws(() => minifyImports(moduleWithImports(), missing, './x_bg.js'), /__wbg_second_fedcba9876543210 0 times/);
  const used = glueFor().replace("calls.push('first');", "calls.push('first'); import0.__wbg_second_fedcba9876543210();");
  assert.throws(() => minifyImports(moduleWithImports(), used, './x_bg.js'), /other than as a key/);
});

test('checkNoFloatText stops a build whose modules link core\'s float formatting or parsing', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'float-text-'));
  try {
    // A module's name section holds its functions' mangled names; only the bytes matter here.
    const module = (name) => Buffer.concat([Buffer.from([0, 97, 115, 109, 1, 0, 0, 0]), Buffer.from(name)]);
    fs.writeFileSync(path.join(dir, 'chunk_1.wasm'), module('_RNvNtCs1_4core3num6bignum'));
    assert.doesNotThrow(() => checkNoFloatText(dir));
    fs.writeFileSync(path.join(dir, 'split_page_x.wasm'), module('_RINvNtNtCs2_4core3fmt5float29float_to_decimal_common_exact'));
    assert.throws(() => checkNoFloatText(dir), /split_page_x\.wasm links core::fmt::float; write figures with format::fixed/);
    fs.rmSync(path.join(dir, 'split_page_x.wasm'));
    fs.writeFileSync(path.join(dir, 'chunk_2.wasm'), module('_RNvNtNtCs2_4core3num7dec2flt5parse'));
    assert.throws(() => checkNoFloatText(dir), /chunk_2\.wasm links core::num::dec2flt; read amounts with number::parse_decimal/);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});

test('checkNoStreamClasses stops a build whose glue exports wasm-streams\' classes', () => {
  assert.doesNotThrow(() => checkNoStreamClasses('export class Chart {} export function start() {}'));
  for (const name of ['IntoUnderlyingSource', 'IntoUnderlyingByteSource', 'IntoUnderlyingSink']) {
    assert.throws(
      () => checkNoStreamClasses(`export class ${name}{free(){}}`),
      new RegExp(`exports wasm-streams' ${name}; keep the \\[patch\\.crates-io\\] line for vendor/wasm-streams`),
    );
  }
});

test('shortName gives distinct identifiers', () => {
  const names = Array.from({ length: 5000 }, (_, i) => shortName(i));
  assert.equal(new Set(names).size, names.length);
  assert.deepEqual(names.slice(0, 3), ['a', 'b', 'c']);
  for (const n of names) assert.match(n, /^[A-Za-z][\w$]*$/);
});

test('pagePoint names the split point src/app.rs gives each route in src/routes.json', () => {
  const root = path.join(import.meta.dirname, '..', '..');
  const routes = JSON.parse(fs.readFileSync(path.join(root, 'src', 'routes.json'), 'utf8'));
  const app = fs.readFileSync(path.join(root, 'src', 'app.rs'), 'utf8');
  const points = new Set([...app.matchAll(/=> (page_\w+) \{/g)].map((m) => m[1]));
  assert.equal(pagePoint('/'), 'page_overview');
  assert.equal(points.size, routes.length);
  for (const { path: route } of routes) assert.ok(points.has(pagePoint(route)), `${route}: ${pagePoint(route)}`);
});
