// Jest globalSetup: builds the browser pages once, before any test file runs, when `web/dist` is missing (a
// checkout where `npm install` ran before the pages existed), so the page tests test the pages rather than the
// server's "not built" answer. Once, because test files run in parallel workers.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

export default function buildWebPages() {
  if (existsSync('web/dist/graphiql.html') && existsSync('web/dist/explore.html')) return;
  const result = spawnSync(process.execPath, ['scripts/build-web.mjs'], { stdio: 'inherit' });
  if (result.status !== 0) throw new Error('`npm run build:web` failed: the browser pages cannot be tested');
}
