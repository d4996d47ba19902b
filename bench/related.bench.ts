/**
 * `Paper.related` latency as the corpus grows: the synthetic corpus (bench/synthetic-corpus.ts) is written into
 * the store in steps (1k, 10k, 100k papers by default; each step's corpus is the previous one plus new papers),
 * and at each step the same kind of sources are asked one at a time (one store call each, as the API's loader
 * makes for a single paper), first 10, every ranking. Prints p50 / p95 per step, the ratios to the first step, and
 * this process's heap and RSS.
 *
 *   npm run bench:related [-- --store neo4j|memory] [--sizes 1000,10000,100000] [--samples 200] [--clear]
 *
 * Neo4j: NEO4J_URI / NEO4J_USER / NEO4J_PASSWORD (default the local server of `npm run neo4j:start`); the bench
 * refuses a non-empty database unless `--clear` is given, and empties it when it ends. Give Neo4j a heap of a
 * few GB for 100k papers (NEO4J_HEAP=2g NEO4J_PAGECACHE=1g npm run neo4j:start).
 */
import { performance } from 'node:perf_hooks';
import { createSilentLogger } from '../src/config/index.js';
import { RELATED_BY, createMemoryStore, createNeo4jStore } from '../src/graph/index.js';
import type { GraphStore, RelatedBy } from '../src/graph/index.js';
import {
  benchNeo4jConfig,
  clearNeo4j,
  createSyntheticCorpus,
  neo4jNodeCount,
  syntheticPaperId,
} from './synthetic-corpus.js';

function arg(name: string): string | undefined {
  const i = process.argv.indexOf(name);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

const storeKind = arg('--store') ?? 'neo4j';
if (!['neo4j', 'memory'].includes(storeKind)) throw new Error('--store must be neo4j or memory');
const sizes = (arg('--sizes') ?? '1000,10000,100000').split(',').map(Number);
const samples = Number(arg('--samples') ?? 200);
const clear = process.argv.includes('--clear');
const WARMUP = 20;
const FIRST = 10;
/** Bounds the whole bench: a step stops sampling after this long. */
const STEP_BUDGET_MS = 120_000;

const percentile = (sorted: readonly number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))] ?? NaN;

interface Step {
  papers: number;
  loadMs: number;
  byRanking: Map<RelatedBy, { p50: number; p95: number; n: number; results: number }>;
  heapMb: number;
  rssMb: number;
}

/** Sources spread over the whole corpus (the same positions at every step, scaled), deterministic. */
function sources(papers: number, count: number): string[] {
  return Array.from({ length: count }, (_, k) => syntheticPaperId(Math.floor(((k * 7919) % count) * (papers / count))));
}

async function measure(store: GraphStore, papers: number): Promise<Step['byRanking']> {
  const byRanking: Step['byRanking'] = new Map();
  const ids = sources(papers, samples);
  // Interleaved: each source asked by every ranking in turn, so load on the machine hits all three alike.
  const times = new Map<RelatedBy, number[]>(RELATED_BY.map((by) => [by, []]));
  const results = new Map<RelatedBy, number>(RELATED_BY.map((by) => [by, 0]));
  for (const id of ids.slice(0, WARMUP)) for (const by of RELATED_BY) await store.getRelatedPapers([id], { first: FIRST, by });
  const start = performance.now();
  for (const id of ids) {
    for (const by of RELATED_BY) {
      const t0 = performance.now();
      const [related] = await store.getRelatedPapers([id], { first: FIRST, by });
      times.get(by)?.push(performance.now() - t0);
      results.set(by, (results.get(by) ?? 0) + (related?.length ?? 0));
    }
    if (performance.now() - start > STEP_BUDGET_MS) break;
  }
  for (const by of RELATED_BY) {
    const sorted = [...(times.get(by) ?? [])].sort((a, b) => a - b);
    byRanking.set(by, {
      p50: percentile(sorted, 0.5),
      p95: percentile(sorted, 0.95),
      n: sorted.length,
      results: (results.get(by) ?? 0) / Math.max(1, sorted.length),
    });
  }
  return byRanking;
}

async function main(): Promise<void> {
  const largest = Math.max(...sizes);
  const corpus = await createSyntheticCorpus({ papers: largest });
  let store: GraphStore;
  const config = benchNeo4jConfig();
  if (storeKind === 'neo4j') {
    if ((await neo4jNodeCount(config)) > 0) {
      if (!clear) throw new Error(`${config.uri} is not empty: pass --clear to let the bench empty it`);
      await clearNeo4j(config);
    }
    store = createNeo4jStore({ config, logger: createSilentLogger() });
  } else {
    store = createMemoryStore();
  }
  await store.init();
  const steps: Step[] = [];
  try {
    let loaded = 0;
    for (const size of [...sizes].sort((a, b) => a - b)) {
      const t0 = performance.now();
      for (let start = loaded; start < size; start += 1_000) await store.upsertPapers(corpus.slice(start, Math.min(size, start + 1_000)));
      loaded = size;
      const loadMs = performance.now() - t0;
      const byRanking = await measure(store, size);
      const memory = process.memoryUsage();
      steps.push({ papers: size, loadMs, byRanking, heapMb: memory.heapUsed / 2 ** 20, rssMb: memory.rss / 2 ** 20 });
      const h = byRanking.get('HYBRID');
      console.error(`${size} papers loaded in ${(loadMs / 1000).toFixed(0)} s; HYBRID p50 ${h?.p50.toFixed(1)} ms, p95 ${h?.p95.toFixed(1)} ms`);
    }
    printTable(steps);
  } finally {
    await store.close();
    if (storeKind === 'neo4j') await clearNeo4j(config);
  }
}

function printTable(steps: readonly Step[]): void {
  const base = steps[0];
  console.log(`Paper.related on ${storeKind}, one source a call, first ${FIRST}; ms (p50 / p95), ratio of p95 to ${base?.papers} papers`);
  console.log('papers   ranking    p50      p95   p95 ratio  samples  results  heap MB  RSS MB');
  for (const step of steps) {
    for (const by of RELATED_BY) {
      const m = step.byRanking.get(by);
      const b = base?.byRanking.get(by);
      if (m === undefined || b === undefined) continue;
      console.log(
        `${String(step.papers).padStart(6)}   ${by.padEnd(8)} ${m.p50.toFixed(1).padStart(6)}  ${m.p95.toFixed(1).padStart(7)}   ${(m.p95 / b.p95).toFixed(2).padStart(7)}×  ${String(m.n).padStart(7)}  ${m.results.toFixed(1).padStart(7)}  ${step.heapMb.toFixed(0).padStart(7)}  ${step.rssMb.toFixed(0).padStart(6)}`,
      );
    }
  }
}

await main();
