// Splits the release wasm into one pack per split point, for scripts/postbuild.mjs.
//
// `make build` compiles with `--cfg wasm_split -Clink-args=--emit-relocs`, which turns each page
// in src/app.rs (and each `split_view!` elsewhere: search, the Salaries import, the Frameworks
// comparison and chooser) into a split point. Trunk then runs wasm-bindgen and wasm-opt on the
// whole module as usual; this step redoes the tail of that pipeline on cargo's output so that
// each split point's code becomes its own file, fetched when it is first needed:
//
//   wasm-split-cli    cargo's wasm -> main module + split_<point>.wasm + shared chunk_*.wasm
//                     + __wasm_split.js (the loader the main module imports)
//   wasm-bindgen      the main module (--keep-lld-exports: the chunks link against it)
//   wasm-opt -Oz -Oz  every module
//   packModule        per split point, its chunks in one pack_<point>-<hash>.wasm
//
// The results replace Trunk's glue and wasm in the staging directory under content-hashed names.
// Returns, per page chunk (`page_salaries`, ...), the files that page needs, and the main module's
// file name, for preload hints; returns null (and changes nothing) when the build was not
// compiled for splitting.
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

// ATLAS_WASM_NAMES=1 keeps the function names (wasm-opt -g), for profiling a release build.
// The `producers` and `target_features` sections are for tools, not engines; every chunk carried
// both (1.0 – 1.4 KB gzipped a page pack; tests/e2e/budget.test.mjs checks they are gone).
// -Oz twice: the second pass finds what the first one's inlining opened up (0.2 – 0.3 KB gzipped
// a route, BENCHMARKS.md run Z: the room /locations needed); a third gains nothing.
const WASM_OPT_ARGS = [
  '-Oz', '-Oz', '--enable-bulk-memory', '--enable-nontrapping-float-to-int', '--strip-producers', '--strip-target-features',
].concat(
  process.env.ATLAS_WASM_NAMES ? ['-g'] : [],
);
const STEM = 'backend-atlas';

const hash = (bytes) => createHash('sha256').update(bytes).digest('hex').slice(0, 16);
// Quiet unless the tool fails (wasm-opt warns about every chunk's name section).
function run(cmd, args) {
  try {
    execFileSync(cmd, args, { stdio: ['ignore', 'pipe', 'pipe'] });
  } catch (err) {
    process.stderr.write(`split: ${cmd} failed\n${err.stderr ?? ''}${err.stdout ?? ''}`);
    throw err;
  }
}

// Core's float formatting and parsing (Grisu/Dragon, the Eisel-Lemire tables) cost a chart
// page 5 – 15 KB gzipped, and one `{}` of an f64 or one `str::parse::<f64>` brings them back
// (ARCHITECTURE.md, "What keeps bytes out"). cargo's wasm still has its function names here,
// so a module that links them says so by name.
const FLOAT_TEXT = [
  ['3fmt5float', 'core::fmt::float', 'write figures with format::fixed or format::trimmed'],
  ['3num7dec2flt', 'core::num::dec2flt', 'read amounts with number::parse_decimal'],
];
export function checkNoFloatText(dir) {
  for (const f of readdirSync(dir).filter((name) => name.endsWith('.wasm'))) {
    const bytes = readFileSync(join(dir, f));
    for (const [needle, code, fix] of FLOAT_TEXT) {
      if (bytes.includes(needle)) throw new Error(`split: ${f} links ${code}; ${fix}`);
    }
  }
}

// leptos always brings server_fn's browser client, and with it wasm-streams, whose three
// exported stream classes wasm-bindgen keeps in the main module of every route (4.5 KB gzipped)
// although this static app has no server functions. `vendor/wasm-streams` stands in for the
// crate; if the patch comes undone, the classes are back in the glue, and the build says so.
export function checkNoStreamClasses(glue) {
  const found = glue.match(/\bIntoUnderlying(?:Byte)?(?:Source|Sink)\b/);
  if (found) {
    throw new Error(`split: the main module exports wasm-streams' ${found[0]}; keep the [patch.crates-io] line for vendor/wasm-streams in Cargo.toml`);
  }
}

/** The split point of a route's page (`page_overview` for `/`, `page_salaries` for `/salaries`),
 *  as src/app.rs names them. */
export const pagePoint = (path) => `page_${path === '/' ? 'overview' : path.slice(1)}`;

export function splitWasm({ root, staging, html }) {
  const glueName = readdirSync(staging).find((f) => new RegExp(`^${STEM}-[0-9a-f]+\\.js$`).test(f));
  if (!glueName) throw new Error(`split: no ${STEM}-<hash>.js in ${staging}`);
  const glue = readFileSync(join(staging, glueName), 'utf8');
  if (!glue.includes('__wasm_split_placeholder__')) return null; // not compiled with --cfg wasm_split

  const wasmName = glueName.replace(/\.js$/, '_bg.wasm');
  const targetDir = process.env.CARGO_TARGET_DIR || join(root, 'target');
  const source = join(targetDir, 'wasm32-unknown-unknown', 'release', `${STEM}.wasm`);
  if (!existsSync(source)) throw new Error(`split: cargo's output ${source} is missing`);
  const localOpt = join(root, 'node_modules', '.bin', 'wasm-opt');
  const wasmOpt = existsSync(localOpt) ? localOpt : 'wasm-opt';

  const work = mkdtempSync(join(tmpdir(), 'backend-atlas-split-'));
  try {
    const splitDir = join(work, 'split');
    const bindgenDir = join(work, 'bindgen');
    run('wasm-split-cli', [source, splitDir, '--out-name', STEM]);
    checkNoFloatText(splitDir);
    run('wasm-bindgen', [
      '--target', 'web', '--keep-lld-exports', '--no-demangle', '--no-typescript',
      '--out-dir', bindgenDir, '--out-name', STEM, join(splitDir, `${STEM}.wasm`),
    ]);

    checkNoStreamClasses(readFileSync(join(bindgenDir, `${STEM}.js`), 'utf8'));

    // Optimise every module. The chunks are not files of their own: they travel in packs
    // (below), under their wasm-split names ("chunk_7"), and a pack's name is content-hashed.
    const modules = [[join(bindgenDir, `${STEM}_bg.wasm`), null]];
    for (const f of readdirSync(splitDir)) {
      if (f.endsWith('.wasm') && f !== `${STEM}.wasm`) modules.push([join(splitDir, f), f.replace(/\.wasm$/, '')]);
    }
    const optimised = new Map(); // "chunk_7" -> its bytes
    let mainWasm = null;
    let newGlue = readFileSync(join(bindgenDir, `${STEM}.js`), 'utf8');
    for (const [path, chunk] of modules) {
      run(wasmOpt, [...WASM_OPT_ARGS, path, '-o', path]);
      const bytes = readFileSync(path);
      if (chunk === null) {
        ({ wasm: mainWasm, glue: newGlue } = minifyImports(bytes, newGlue, `./${STEM}_bg.js`));
      } else {
        optimised.set(chunk, bytes);
      }
    }

    // The loader: point it at the main glue's final name, and have it take every chunk from a
    // pack.
    const mainWasmName = `${STEM}-${hash(mainWasm)}_bg.wasm`;
    const newGlueName = `${STEM}-${hash(newGlue + mainWasmName)}.js`;
    let loader = readFileSync(join(splitDir, '__wasm_split.js'), 'utf8');
    loader = loader.replaceAll(`"./${STEM}.js"`, `"./${newGlueName}"`);
    loader = loader.replace(/fetch\(new URL\("\.\/([A-Za-z0-9_]+)\.wasm", import\.meta\.url\)\)/g, (whole, id) => {
      if (!optimised.has(id)) throw new Error(`split: the loader names ${id}.wasm, which wasm-split did not write`);
      return `__fetchChunk(${JSON.stringify(id)})`;
    });
    if (/\.wasm"/.test(loader)) throw new Error('split: the loader still fetches a .wasm file itself');
    // Compile each chunk from its bytes, not from a Response: streaming compilation decodes on
    // the thread that feeds it, here the main thread (one task of about 100 ms for the /salaries
    // pack's 70-odd chunks, four times that on a mobile CPU), while WebAssembly.instantiate(bytes)
    // decodes and compiles in the background.
    let streamed = 0;
    loader = loader.replace(/WebAssembly\.instantiateStreaming\(/g, () => {
      streamed += 1;
      return '__instantiateChunk(';
    });
    const fetched = loader.match(/__fetchChunk\(/g)?.length ?? 0;
    if (streamed === 0 || streamed !== fetched) {
      throw new Error(`split: the loader compiles ${streamed} chunks by streaming but fetches ${fetched}`);
    }

    // One request per split point instead of dozens: each split point's own chunk and the shared
    // chunks it depends on are packed into one file (see packModule), fetched when the split
    // point is first called; the loader cuts the chunks out of it. A split point named
    // `<page>_<name>` (`salaries_import`) is only called from inside the page `page_<page>`, so
    // its pack leaves out the chunks that page's pack already brought.
    const packs = {};
    const pages = {};
    const entry = /export const __wasm_split_load_([a-z_]+?)(?:_\d+)? = (wrapAsyncCb\(makeLoad\(([\s\S]*?)\]\)\));/g;
    const needs = new Map(); // split point -> the chunks it needs
    for (const [, point, , body] of loader.matchAll(entry)) {
      const own = [...body.matchAll(/__fetchChunk\("([A-Za-z0-9_]+)"\)/g)].map((m) => m[1]);
      const shared = [...body.matchAll(/__chunk_(\d+)\b/g)].map((m) => `chunk_${m[1]}`);
      needs.set(point, [...own, ...shared]);
    }
    loader = loader.replace(entry, (whole, point, call) => {
      const parentPoint = point.startsWith('page_') ? undefined : pagePoint(`/${point.split('_')[0]}`);
      const parent = parentPoint && needs.get(parentPoint);
      // Largest first: the many small chunks then sit together, and their alike headers compress
      // better (1 – 2.5 KB a pack).
      const chunks = needs.get(point).filter((id) => !parent?.includes(id))
        .map((id) => [id, optimised.get(id)])
        .sort((a, b) => b[1].length - a[1].length);
      const bytes = packModule(chunks).bytes;
      const name = `pack_${point}-${hash(bytes)}.wasm`;
      writeFileSync(join(staging, name), bytes);
      packs[point] = `./${name}`;
      if (point.startsWith('page_')) pages[point] = [name];
      // The chunks a split point needs are exactly those in its pack (and, for `<page>_<name>`,
      // its page's pack, already loaded): the loader reads them from the packs at run time
      // instead of listing ~150 chunks per split point (1.8 KB gzipped on every route's first
      // load with 17 split points; tests/e2e/budget.test.mjs guards the loader's size).
      const deps = /, \[((?:__chunk_\d+(?:, )?)*)\]\)\)$/;
      if (!deps.test(call)) throw new Error(`split: ${point}'s loader does not end in its chunk list`);
      const args = [point, ...(parent ? [parentPoint] : [])].map((p) => JSON.stringify(p)).join(', ');
      const lazyCall = call.replace(deps, `, [() => __packDeps(${args})]))`);
      return `export const __wasm_split_load_${point} = __withPack(${JSON.stringify(point)}, ${lazyCall});`;
    });
    // wasm-split writes one loader per shared chunk (~450), all alike but for the chunk's name,
    // and none with dependencies of its own: 2.7 KB gzipped on every route's first load. The pack
    // runtime makes each when __packDeps first asks for it (__chunk), so they go; a loader of
    // another shape stays, and fails the check below.
    const sharedLoader = /^(?:\/\*[^\n]*\*\/\n)?const __chunk_(\d+) = makeLoad\(\(\) => \{\n\s*const src = __fetchChunk\("chunk_\1"\);\n\s*src\.catch\(\(\) => \{\}\);\n\s*return async \(imports\) => \(__instantiateChunk\(src, imports\)\);\n\}\n, \[\]\);\n/gm;
    let sharedLoaders = 0;
    loader = loader.replace(sharedLoader, () => {
      sharedLoaders += 1;
      return '';
    });
    const sharedChunks = [...optimised.keys()].filter((id) => id.startsWith('chunk_')).length;
    if (sharedLoaders !== sharedChunks) {
      throw new Error(`split: ${sharedLoaders} of wasm-split's ${sharedChunks} shared chunk loaders have the expected shape`);
    }
    if (/__chunk_\d/.test(loader)) throw new Error('split: the loader still names a chunk loader directly');
    if (Object.keys(pages).length === 0) throw new Error('split: found no page chunks in the loader');
    // The pages whose own stylesheet (style/pages.css) comes with their pack: `page_styles` in
    // src/routes.json.
    const styled = JSON.parse(readFileSync(join(root, 'src', 'routes.json'), 'utf8'))
      .filter((r) => r.page_styles)
      .map((r) => pagePoint(r.path));
    for (const point of styled) if (!packs[point]) throw new Error(`split: ${point} has page_styles but no pack`);
    loader = loader.replace(/^(import [^\n]*\n)/, `$1${packRuntime(packs, styled)}`);
    if (!loader.includes('__packs')) throw new Error('split: could not add the pack runtime to the loader');

    const loaderName = `__wasm_split-${hash(loader)}.js`;
    // Only the ES import statements: the import object's keys must keep the wasm's module name.
    newGlue = newGlue.replace(/(^import \* as \w+ from )"\.\/__wasm_split\.js"/gm, `$1"./${loaderName}"`);

    writeFileSync(join(staging, loaderName), loader);
    writeFileSync(join(staging, newGlueName), newGlue);
    writeFileSync(join(staging, mainWasmName), mainWasm);
    unlinkSync(join(staging, glueName));
    unlinkSync(join(staging, wasmName));
    const newHtml = html.replaceAll(glueName, newGlueName).replaceAll(wasmName, mainWasmName);

    return { html: newHtml, pages, mainWasm: mainWasmName, files: Object.keys(packs).length + 3 };
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

const leb128 = (n) => {
  const out = [];
  do {
    let byte = n & 0x7f;
    n >>>= 7;
    if (n) byte |= 0x80;
    out.push(byte);
  } while (n);
  return Buffer.from(out);
};

// A pack is itself a valid (empty) wasm module whose custom sections hold the chunks, so it is
// served and compressed like any other .wasm. Returns its bytes and each chunk's [offset, length].
export function packModule(files) {
  const parts = [Buffer.from([0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00])];
  let offset = 8;
  const index = {};
  for (const [name, bytes] of files) {
    const label = Buffer.from(name);
    const size = leb128(label.length).length + label.length + bytes.length;
    const header = Buffer.concat([Buffer.from([0x00]), leb128(size), leb128(label.length), label]);
    index[name] = [offset + header.length, bytes.length];
    parts.push(header, bytes);
    offset += header.length + bytes.length;
  }
  return { bytes: Buffer.concat(parts), index };
}

// The main module imports each JavaScript function wasm-bindgen generates under a name like
// `__wbg_setAttribute_6c5e3c4a0c1a8f2e`, from the module "./backend-atlas_bg.js": some 230 names,
// each written once in the wasm and once in the glue, whose hashes do not compress (about 5 KB
// gzipped on every route). This renames that module to "a" and its imports to short names ("a",
// "b", ... "aa", ...) in both, leaving other modules' imports (the split loader's) as they are.
// Throws if the glue does not name an import exactly once, rather than ship a broken pair.
export function minifyImports(wasm, glue, module) {
  const bytes = Buffer.from(wasm);
  let p = 8;
  const leb = () => {
    let n = 0;
    let shift = 0;
    let x;
    do {
      x = bytes[p++];
      n += (x & 0x7f) * 2 ** shift;
      shift += 7;
    } while (x & 0x80);
    return n;
  };
  const name = () => {
    const length = leb();
    const text = bytes.subarray(p, p + length).toString('utf8');
    p += length;
    return text;
  };
  const label = (text) => Buffer.concat([leb128(Buffer.byteLength(text)), Buffer.from(text)]);
  const parts = [bytes.subarray(0, 8)];
  const renames = new Map();
  while (p < bytes.length) {
    const start = p;
    const id = bytes[p++];
    const end = leb() + p;
    if (id !== 2) {
      parts.push(bytes.subarray(start, end));
      p = end;
      continue;
    }
    const entries = [leb128(leb())];
    while (p < end) {
      const from = name();
      const field = name();
      const descStart = p;
      const kind = bytes[p++];
      if (kind === 0) leb(); // function: type index
      else if (kind === 1) { p++; if (leb() & 1) leb(); leb(); } // table: reftype, limits
      else if (kind === 2) { if (leb() & 1) leb(); leb(); } // memory: limits
      else if (kind === 3) p += 2; // global: valtype, mutability
      else throw new Error(`minifyImports: unknown import kind ${kind}`);
      let newFrom = from;
      let newField = field;
      if (from === module) {
        newFrom = 'a';
        if (!renames.has(field)) renames.set(field, shortName(renames.size));
        newField = renames.get(field);
      }
      entries.push(label(newFrom), label(newField), bytes.subarray(descStart, p));
    }
    const body = Buffer.concat(entries);
    parts.push(Buffer.from([2]), leb128(body.length), body);
  }
  if (renames.size === 0) throw new Error(`minifyImports: the wasm imports nothing from ${module}`);
  const once = (text, pattern, replacement, what) => {
    let count = 0;
    const out = text.replace(pattern, () => {
      count += 1;
      return replacement;
    });
    if (count !== 1) throw new Error(`minifyImports: the glue names ${what} ${count} times, not once`);
    return out;
  };
  let out = once(glue, new RegExp(`"${module.replace(/[.]/g, '\\.')}"(?=\\s*:)`, 'g'), '"a"', module);
  for (const [from, to] of renames) {
    const escaped = from.replace(/[^\w]/g, (c) => `\\${c}`);
    out = once(out, new RegExp(`(?<![\\w$])${escaped}(?=\\s*:)`, 'g'), to, from);
    if (out.includes(from)) throw new Error(`minifyImports: the glue uses ${from} other than as a key`);
  }
  return { wasm: Buffer.concat(parts), glue: out };
}

/** 0 -> "a", 51 -> "Z", 52 -> "aa", ...: short identifiers, unique per index. */
export function shortName(index) {
  const first = 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ';
  const rest = `${first}0123456789_$`;
  let text = first[index % first.length];
  let n = Math.floor(index / first.length);
  while (n > 0) {
    n -= 1;
    text += rest[n % rest.length];
    n = Math.floor(n / rest.length);
  }
  return text;
}

// Reads a pack's table of contents from the pack itself: each custom section's name is a
// chunk's wasm-split name ("chunk_12", "split_page_roadmap") and its payload is the chunk. Returns name -> [offset, length].
// (The runtime below carries the same code as text; packIndex exists to test it.)
export function packIndex(bytes) {
  const b = bytes;
  const files = new Map();
  let p = 8;
  const leb = () => {
    let n = 0;
    let shift = 0;
    let x;
    do {
      x = b[p++];
      n |= (x & 0x7f) << shift;
      shift += 7;
    } while (x & 0x80);
    return n >>> 0;
  };
  while (p < b.length) {
    p++; // section id 0: custom
    const end = leb() + p;
    const nameLength = leb();
    const name = new TextDecoder().decode(b.subarray(p, p + nameLength));
    p += nameLength;
    files.set(name, [p, end - p]);
    p = end;
  }
  return files;
}

// Prepended to the loader: start a split point's pack when it is first called, and serve each
// chunk from the first pack that holds it (a chunk found in none fails with the error of a pack
// that failed to arrive). A failed pack is forgotten, so the next call retries, as the loader
// does for chunks.
//
// A page with styles of its own (`styled`) gets them with its pack: on a route whose HTML does not
// link style/pages.css (it names it in <meta name="atlas-page-styles">, scripts/postbuild.mjs),
// the pack counts as in once the stylesheet has loaded too, so such a page never shows unstyled.
// A stylesheet that fails fails the pack's load (the page's panel for code that did not arrive),
// and is asked for again with the pack on the next try.
function packRuntime(packs, styled) {
  return `const __packs = ${JSON.stringify(packs)};
const __styled = new Set(${JSON.stringify(styled)});
const __packLoads = new Map();
${packIndex.toString()}
let __pageStyles;
function __stylesFor(point) {
  const href = __styled.has(point) && document.querySelector('meta[name="atlas-page-styles"]')?.content;
  if (!href) return;
  return __pageStyles ??= new Promise((done, failed) => {
    const link = Object.assign(document.createElement('link'), { rel: 'stylesheet', href, onload: done });
    link.onerror = () => {
      link.remove();
      __pageStyles = undefined;
      failed(new Error(\`\${href} could not be loaded\`));
    };
    document.head.append(link);
  });
}
function __withPack(point, load) {
  return (...args) => {
    if (!__packLoads.has(point)) {
      const loaded = Promise.all([fetch(new URL(__packs[point], import.meta.url)).then((r) => {
        if (!r.ok) throw new Error(\`\${r.status} \${r.url}\`);
        return r.arrayBuffer();
      }), __stylesFor(point)]).then(([buffer]) => ({ buffer, files: packIndex(new Uint8Array(buffer)) }));
      loaded.catch(() => __packLoads.delete(point));
      __packLoads.set(point, loaded);
    }
    return load(...args);
  };
}
async function __fetchChunk(id) {
  let failed;
  for (const loaded of [...__packLoads.values()]) {
    const pack = await loaded.catch((e) => { failed ??= e; });
    const at = pack?.files.get(id);
    if (at) return pack.buffer.slice(at[0], at[0] + at[1]);
  }
  throw failed ?? new Error(\`\${id} is in no pack\`);
}
const __chunks = new Map();
function __chunk(id) {
  if (!__chunks.has(id)) {
    __chunks.set(id, makeLoad(() => {
      const src = __fetchChunk(id);
      src.catch(() => {});
      return async (imports) => __instantiateChunk(src, imports);
    }, []));
  }
  return __chunks.get(id);
}
async function __packDeps(...points) {
  const ids = [];
  for (const point of points) {
    const pack = await __packLoads.get(point);
    for (const id of pack.files.keys()) if (id.startsWith('chunk_')) ids.push(id);
  }
  await Promise.all(ids.map((id) => __chunk(id)()));
}
async function __instantiateChunk(bytes, imports) {
  return WebAssembly.instantiate(await bytes, imports);
}
`;
}
