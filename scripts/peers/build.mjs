// Builds the benchmark's peer pages (`make bench`, section 2c): the same chart as /salaries'
// first one, made the way a JavaScript developer would, from the npm packages the lockfile pins
// (chart.js, react, react-dom), bundled and minified by esbuild, with a copy of the dataset.
//   node scripts/peers/build.mjs OUT_DIR DATASET   (the benchmark passes dist/data/atlas.json)
import { build } from 'esbuild';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const PEERS = {
  chartjs: { title: 'Chart.js 4', body: '<h1>Salaries</h1><div class="frame"><canvas id="chart"></canvas></div>' },
  react: { title: 'React 18 + Chart.js', body: '<div id="root"></div>' },
  treeshaken: { title: 'Chart.js, tree-shaken', body: '<h1>Salaries</h1><div class="frame"><canvas id="chart"></canvas></div>' },
};

export async function buildPeers(out, dataset) {
  fs.rmSync(out, { recursive: true, force: true });
  for (const [name, { title, body }] of Object.entries(PEERS)) {
    const dir = path.join(out, name);
    fs.mkdirSync(path.join(dir, 'data'), { recursive: true });
    await build({
      entryPoints: [path.join(here, `${name}.js`)],
      bundle: true,
      minify: true,
      format: 'esm',
      target: 'es2022',
      define: { 'process.env.NODE_ENV': '"production"' },
      outfile: path.join(dir, 'app.js'),
      logLevel: 'error',
    });
    fs.copyFileSync(dataset, path.join(dir, 'data', 'atlas.json'));
    fs.writeFileSync(path.join(dir, 'index.html'), `<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${title}: salary by seniority</title>
<style>body{font-family:system-ui,sans-serif;margin:0 auto;max-width:72rem;padding:1rem}.frame{position:relative;height:398px}</style>
<script type="module" src="app.js"></script></head>
<body>${body}</body></html>
`);
  }
  return Object.keys(PEERS);
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const [out, dataset] = process.argv.slice(2);
  console.log(`peers: ${(await buildPeers(out, dataset)).join(', ')} in ${out}`);
}
