#!/usr/bin/env node
// Builds the browser pages (GraphiQL at /graphql, the explorer at /explore) from web/ into web/dist/ with esbuild:
// content-hashed assets (served with long-lived caching), a gzip copy of each, and one HTML shell per page that
// names them. Everything a page loads comes from papergraph itself, so both pages work offline.
// Run by `npm run build:web` (and so by `prepare`, i.e. `npm install`).
import { build } from 'esbuild';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync, constants } from 'node:zlib';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const outDir = join(root, 'web', 'dist');
const assetsDir = join(outDir, 'assets');
const started = Date.now();

rmSync(outDir, { recursive: true, force: true });
mkdirSync(assetsDir, { recursive: true });

const common = {
  bundle: true,
  minify: true,
  sourcemap: false,
  legalComments: 'none',
  target: ['chrome110', 'firefox115', 'safari16'],
  outdir: assetsDir,
  entryNames: '[name]-[hash]',
  chunkNames: 'chunk-[hash]',
  assetNames: '[name]-[hash]',
  metafile: true,
  logLevel: 'warning',
  define: { 'process.env.NODE_ENV': '"production"' },
};

/**
 * Files (in assets/) each page entry loads up front, by entry name: its script and the CSS of every chunk it
 * reaches, dynamic imports included, since esbuild leaves lazily imported CSS for the page to link.
 */
function outputsByEntry(metafile) {
  const byEntry = {};
  for (const [file, output] of Object.entries(metafile.outputs)) {
    if (!output.entryPoint || !file.endsWith('.js')) continue;
    const name = basename(file).replace(/-[A-Z0-9]+\.js$/, '');
    const css = new Set();
    const seen = new Set();
    const visit = (path) => {
      if (seen.has(path)) return;
      seen.add(path);
      const reached = metafile.outputs[path];
      if (!reached) return;
      if (reached.cssBundle) css.add(basename(reached.cssBundle));
      for (const imported of reached.imports) visit(imported.path);
    };
    visit(file);
    byEntry[name] = [basename(file), ...css];
  }
  return byEntry;
}

// Monaco (GraphiQL's editor) runs its language services in web workers: classic scripts, built first so the
// page bundle knows their hashed names.
const workers = await build({
  ...common,
  format: 'iife',
  entryPoints: {
    'editor.worker': 'monaco-editor/esm/vs/editor/editor.worker.js',
    'json.worker': 'monaco-editor/esm/vs/language/json/json.worker.js',
    'graphql.worker': 'monaco-graphql/esm/graphql.worker.js',
  },
});
const workerUrls = {};
for (const [file, output] of Object.entries(workers.metafile.outputs)) {
  const label = basename(output.entryPoint ?? '').split('.')[0];
  workerUrls[label === 'editor' ? 'editor' : label] = `/assets/${basename(file)}`;
}

const pages = await build({
  ...common,
  format: 'esm',
  splitting: true,
  jsx: 'automatic',
  loader: { '.ttf': 'file', '.woff': 'file', '.woff2': 'file', '.svg': 'file' },
  entryPoints: { graphiql: 'web/graphiql/main.tsx', explore: 'web/explore/main.ts' },
  define: { ...common.define, __PAPERGRAPH_WORKER_URLS__: JSON.stringify(workerUrls) },
});
const entries = outputsByEntry(pages.metafile);

function shell({ title, entry, bodyClass }) {
  const files = entries[entry] ?? [];
  const css = files.filter((file) => file.endsWith('.css')).map((file) => `<link rel="stylesheet" href="/assets/${file}">`);
  const js = files.filter((file) => file.endsWith('.js')).map((file) => `<script type="module" src="/assets/${file}"></script>`);
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="color-scheme" content="light dark">
<title>${title}</title>
${[...css, ...js].join('\n')}
</head>
<body class="${bodyClass}">
<noscript>This page needs JavaScript. The GraphQL API itself is at POST /graphql.</noscript>
<div id="root"></div>
</body>
</html>
`;
}
writeFileSync(join(outDir, 'graphiql.html'), shell({ title: 'papergraph · GraphiQL', entry: 'graphiql', bodyClass: 'graphiql' }));
writeFileSync(join(outDir, 'explore.html'), shell({ title: 'papergraph · explorer', entry: 'explore', bodyClass: 'explore' }));

// Pre-compressed copies, so serving them costs no CPU per request.
let raw = 0;
let zipped = 0;
for (const file of [...Object.keys(workers.metafile.outputs), ...Object.keys(pages.metafile.outputs)]) {
  const path = join(root, file);
  if (!/\.(js|css|ttf|svg)$/.test(path)) continue;
  const content = readFileSync(path);
  const gz = gzipSync(content, { level: constants.Z_BEST_COMPRESSION });
  writeFileSync(`${path}.gz`, gz);
  raw += content.length;
  zipped += gz.length;
}
const kib = (bytes) => `${Math.round(bytes / 1024)} KiB`;
console.log(`build:web: web/dist in ${Date.now() - started} ms (${kib(raw)} of assets, ${kib(zipped)} gzipped)`);
