/**
 * Time of full concept extraction against a bare compromise parse of the same abstracts, in one process.
 *   npm run bench [-- --scierc ../shared/scierc/dev.json] [--rounds 5]
 */
import { readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import nlp from 'compromise';
import { extractConcepts, extractConceptsParallel } from '../src/nlp/index.js';
import type { ExtractInput } from '../src/nlp/index.js';
import { readSeedPapers } from './read-seed-papers.js';

function arg(name: string): string | undefined {
  const i = process.argv.indexOf(name);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

function scierc(path: string): ExtractInput[] {
  return readFileSync(path, 'utf8')
    .trim()
    .split('\n')
    .map((l) => ({ title: '', abstract: (JSON.parse(l) as { sentences: string[][] }).sentences.flat().join(' ') }));
}

function time(fn: () => void): number {
  const t0 = performance.now();
  fn();
  return performance.now() - t0;
}

async function bench(label: string, papers: ExtractInput[], rounds: number): Promise<void> {
  // Warm up both paths (JIT, compromise's lazy setup, lexicon index).
  for (const p of papers.slice(0, 10)) {
    nlp(p.abstract);
    extractConcepts(p);
  }
  let bare = 0;
  let full = 0;
  // Interleaved rounds so drift (GC, thermal) hits both sides alike.
  for (let r = 0; r < rounds; r++) {
    bare += time(() => {
      for (const p of papers) nlp(p.abstract);
    });
    full += time(() => {
      for (const p of papers) extractConcepts(p);
    });
  }
  const n = papers.length * rounds;
  const t0 = performance.now();
  await extractConceptsParallel(papers);
  const par = performance.now() - t0;
  console.log(
    `${label.padEnd(8)} ${String(papers.length).padStart(4)} abstracts | bare nlp(abstract) ${(bare / n).toFixed(2)} ms | ` +
      `extractConcepts(title+abstract) ${(full / n).toFixed(2)} ms | ratio ${(full / bare).toFixed(2)}x | parallel batch ${(par / papers.length).toFixed(2)} ms/abstract (incl. thread start)`,
  );
}

const rounds = Number(arg('--rounds') ?? 5);
await bench('seeds', readSeedPapers(new URL('../seeds/trending-attention-papers.txt', import.meta.url).pathname), rounds);
const path = arg('--scierc');
if (path) await bench('scierc', scierc(path), rounds);
