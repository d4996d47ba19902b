/**
 * Time of full concept extraction against a bare compromise parse of the same abstracts, in one process.
 *   npm run bench [-- --scierc ../shared/scierc/dev.json] [--rounds 5]
 * Throughput of extractConceptsParallel against one-by-one extraction on the same input, in one process
 * (the seed abstracts repeated to N papers):
 *   npm run bench -- --parallel 500 [--workers 2]
 */
import { readFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { performance } from 'node:perf_hooks';
import nlp from 'compromise';
import { extractConcepts, extractConceptsParallel } from '../src/nlp/index.js';
import type { ExtractInput } from '../src/nlp/index.js';
import { readPapers } from '../src/ingest/index.js';
import { cliArg } from '../scripts/cli-arg.js';
import { median } from './statistics.js';

function scierc(path: string): ExtractInput[] {
  return readFileSync(path, 'utf8')
    .trim()
    .split('\n')
    .map((l) => ({ title: '', abstract: (JSON.parse(l) as { sentences: string[][] }).sentences.flat().join(' ') }));
}

/** Wall time and process CPU time (ms) of `fn`; on a shared, loaded machine the CPU time swings less. */
function time(fn: () => void): { wall: number; cpu: number } {
  const c0 = process.cpuUsage();
  const t0 = performance.now();
  fn();
  const wall = performance.now() - t0;
  const c = process.cpuUsage(c0);
  return { wall, cpu: (c.user + c.system) / 1000 };
}

async function bench(label: string, papers: ExtractInput[], rounds: number): Promise<void> {
  // Warm up both paths (JIT, compromise's lazy setup, lexicon index).
  for (const p of papers.slice(0, 10)) {
    nlp(p.abstract);
    extractConcepts(p);
  }
  let bare = 0;
  let full = 0;
  let bareCpu = 0;
  let fullCpu = 0;
  const perRound: number[] = [];
  // Interleaved rounds so drift (GC, thermal) hits both sides alike.
  for (let r = 0; r < rounds; r++) {
    const b = time(() => {
      for (const p of papers) nlp(p.abstract);
    });
    const f = time(() => {
      for (const p of papers) extractConcepts(p);
    });
    bare += b.wall;
    full += f.wall;
    bareCpu += b.cpu;
    fullCpu += f.cpu;
    perRound.push(f.wall / b.wall);
  }
  const n = papers.length * rounds;
  const t0 = performance.now();
  await extractConceptsParallel(papers);
  const par = performance.now() - t0;
  console.log(
    `${label.padEnd(8)} ${String(papers.length).padStart(4)} abstracts | bare nlp(abstract) ${(bare / n).toFixed(2)} ms | ` +
      `extractConcepts(title+abstract) ${(full / n).toFixed(2)} ms | ratio ${(full / bare).toFixed(2)}x ` +
      `(rounds: median ${median(perRound).toFixed(2)}x, ${Math.min(...perRound).toFixed(2)}–${Math.max(...perRound).toFixed(2)}; CPU time ${(fullCpu / bareCpu).toFixed(2)}x) | ` +
      `parallel batch ${(par / papers.length).toFixed(2)} ms/abstract (incl. thread start)`,
  );
}

/**
 * Papers per second of one-by-one extraction and of the worker pool on the same N papers. Sequential runs
 * first on a thread already warmed on the seeds; the pool pays for starting and warming its threads, as a
 * real batch does.
 */
async function throughput(seeds: ExtractInput[], n: number, workers: number | undefined): Promise<void> {
  const inputs = Array.from({ length: n }, (_, i) => {
    const p = seeds[i % seeds.length] as ExtractInput;
    return { title: `${i}. ${p.title}`, abstract: p.abstract };
  });
  for (const p of seeds) extractConcepts(p);
  const t0 = performance.now();
  const seq = inputs.map((p) => extractConcepts(p));
  const tSeq = performance.now() - t0;
  const t1 = performance.now();
  const par = await extractConceptsParallel(inputs, workers === undefined ? {} : { workers });
  const tPar = performance.now() - t1;
  const same = JSON.stringify(seq) === JSON.stringify(par);
  const rate = (ms: number) => ((n / ms) * 1000).toFixed(1);
  console.log(
    `parallel ${n} papers, ${workers ?? availableParallelism()} workers of ${availableParallelism()} cores | sequential ${rate(tSeq)} papers/s (${(tSeq / 1000).toFixed(2)} s) | ` +
      `parallel ${rate(tPar)} papers/s (${(tPar / 1000).toFixed(2)} s, incl. thread start) | ratio ${(tSeq / tPar).toFixed(2)}x | same output ${same}`,
  );
}

const { papers: seeds } = await readPapers(new URL('../seeds/trending-attention-papers.txt', import.meta.url).pathname);
const parallelN = cliArg('--parallel');
if (parallelN) {
  const workers = cliArg('--workers');
  await throughput(seeds, Number(parallelN), workers === undefined ? undefined : Number(workers));
  process.exit(0);
}

const rounds = Number(cliArg('--rounds') ?? 5);
await bench('seeds', seeds, rounds);
const path = cliArg('--scierc');
if (path) await bench('scierc', scierc(path), rounds);
