#!/usr/bin/env node
// Built by `npm run build` (run by `prepare` on install), so `npx papergraph` needs no separate step.
import { main } from '../dist/cli/main.js';

main(process.argv).then(
  (code) => { process.exitCode = code; },
  (err) => { console.error(err instanceof Error ? err.message : err); process.exitCode = 1; },
);
