/**
 * `Paper.related` latency as the corpus grows: the synthetic corpus (bench/synthetic-corpus.ts) is written into
 * the store in steps (1k, 10k, 100k papers by default; each step's corpus is the previous one plus new papers),
 * and at each step the same kind of sources are asked one at a time (one store call each, as the API's loader
 * makes for a single paper), first 10, every ranking. Prints p50 / p95 per step, the ratios to the first step, and
 * this process's heap and RSS.
 *
 *   npm run bench:related [-- --store neo4j|memory] [--sizes 1000,10000,100000] [--samples 200] [--clear]
 *                         [--baseline-uri bolt://127.0.0.1:PORT] [--keep]
 *
 * `--keep` (Neo4j): leaves the databases as they are when the bench ends, and reuses a database that already
 * holds the corpus's first N papers (from a kept run): steps below N are skipped, so 100k can be measured again
 * without loading it again.
 *
 * `--baseline-uri` (Neo4j): a second, empty Neo4j (same user and password) that gets the first step's corpus
 * and keeps it; at every step each call to the growing graph is paired with one to that fixed small graph, in
 * alternating order, so the ratio `p95 / baseline p95` compares the two sizes under the same load on the machine
 * (the sequential ratio to the first step does not: other work on the machine comes and goes between steps).
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
import { cliArg } from '../scripts/cli-arg.js';
import { quantile } from './statistics.js';

const storeKind = cliArg('--store') ?? 'neo4j';
if (!['neo4j', 'memory'].includes(storeKind)) throw new Error('--store must be neo4j or memory');
const sizes = (cliArg('--sizes') ?? '1000,10000,100000').split(',').map(Number);
const samples = Number(cliArg('--samples') ?? 200);
const clear = process.argv.includes('--clear');
const baselineUri = cliArg('--baseline-uri');
const keep = process.argv.includes('--keep');
const WARMUP = 20;
const FIRST = 10;
/** Bounds the whole bench: a step stops sampling after this long. */
const STEP_BUDGET_MS = 120_000;


interface Latency {
  p50: number;
  p95: number;
  n: number;
  results: number;
}

interface Step {
  papers: number;
  loadMs: number;
  byRanking: Map<RelatedBy, Latency>;
  /** The fixed small graph's latencies, measured paired with this step's (with `--baseline-uri`). */
  baseline?: Map<RelatedBy, Latency>;
  baselinePapers?: number;
  heapMb: number;
  rssMb: number;
}

/** Sources spread over the whole corpus (the same positions at every step, scaled), deterministic. */
function sources(papers: number, count: number): string[] {
  return Array.from({ length: count }, (_, k) => syntheticPaperId(Math.floor(((k * 7919) % count) * (papers / count))));
}

interface Target {
  store: GraphStore;
  papers: number;
}

/**
 * Latencies per ranking on each target. Interleaved: each source asked by every ranking in turn, and with a
 * baseline each call to one target paired with one to the other (which goes first alternates), so load on the
 * machine hits every ranking and both graphs alike.
 */
async function measure(targets: readonly Target[]): Promise<Map<RelatedBy, Latency>[]> {
  const ids = targets.map((t) => sources(t.papers, samples));
  const times = targets.map(() => new Map<RelatedBy, number[]>(RELATED_BY.map((by) => [by, []])));
  const results = targets.map(() => new Map<RelatedBy, number>(RELATED_BY.map((by) => [by, 0])));
  for (let k = 0; k < WARMUP; k += 1) {
    for (const by of RELATED_BY) for (const [i, t] of targets.entries()) await t.store.getRelatedPapers([ids[i]?.[k] ?? ''], { first: FIRST, by });
  }
  const start = performance.now();
  for (let k = 0; k < samples; k += 1) {
    for (const by of RELATED_BY) {
      const order = k % 2 === 0 ? [...targets.keys()] : [...targets.keys()].reverse();
      for (const i of order) {
        const t0 = performance.now();
        const [related] = await (targets[i] as Target).store.getRelatedPapers([ids[i]?.[k] ?? ''], { first: FIRST, by });
        times[i]?.get(by)?.push(performance.now() - t0);
        results[i]?.set(by, (results[i]?.get(by) ?? 0) + (related?.length ?? 0));
      }
    }
    if (performance.now() - start > STEP_BUDGET_MS) break;
  }
  return targets.map((_, i) => {
    const byRanking = new Map<RelatedBy, Latency>();
    for (const by of RELATED_BY) {
      const sorted = [...(times[i]?.get(by) ?? [])].sort((a, b) => a - b);
      byRanking.set(by, {
        p50: quantile(sorted, 0.5),
        p95: quantile(sorted, 0.95),
        n: sorted.length,
        results: (results[i]?.get(by) ?? 0) / Math.max(1, sorted.length),
      });
    }
    return byRanking;
  });
}

/**
 * Readies a bench database: empties it with `--clear`; with `--keep`, returns how many of the corpus's first papers
 * it holds (refusing anything else); an empty one holds 0.
 */
async function emptyOrKept(config: ReturnType<typeof benchNeo4jConfig>, store: GraphStore): Promise<number> {
  if ((await neo4jNodeCount(config)) === 0) return 0;
  if (clear) {
    await clearNeo4j(config);
    return 0;
  }
  if (keep) {
    const { papers } = await store.stats();
    const ends = await store.getPapers([syntheticPaperId(0), syntheticPaperId(papers - 1), syntheticPaperId(papers)]);
    if (ends[0] !== null && ends[1] !== null && ends[2] === null) return papers;
  }
  throw new Error(`${config.uri} is not empty: pass --clear to let the bench empty it (or --keep to reuse a kept corpus)`);
}

async function main(): Promise<void> {
  const largest = Math.max(...sizes);
  const corpus = await createSyntheticCorpus({ papers: largest });
  let store: GraphStore;
  const config = benchNeo4jConfig();
  let held = 0;
  if (storeKind === 'neo4j') {
    store = createNeo4jStore({ config, logger: createSilentLogger() });
    held = await emptyOrKept(config, store);
  } else {
    store = createMemoryStore();
  }
  await store.init();
  const ordered = [...sizes].sort((a, b) => a - b);
  const baselineConfig = baselineUri === undefined ? undefined : { ...config, uri: baselineUri };
  let baseline: Target | undefined;
  if (baselineConfig !== undefined) {
    if (storeKind !== 'neo4j') throw new Error('--baseline-uri needs --store neo4j');
    const small = createNeo4jStore({ config: baselineConfig, logger: createSilentLogger() });
    const smallHeld = await emptyOrKept(baselineConfig, small);
    await small.init();
    const papers = ordered[0] ?? 1_000;
    if (smallHeld > papers) throw new Error(`${baselineConfig.uri} holds ${smallHeld} papers, more than ${papers}: pass --clear`);
    for (let start = smallHeld; start < papers; start += 1_000) await small.upsertPapers(corpus.slice(start, Math.min(papers, start + 1_000)));
    baseline = { store: small, papers };
  }
  const steps: Step[] = [];
  try {
    let loaded = held;
    for (const size of ordered) {
      if (size < loaded) {
        console.error(`${size} papers: skipped, the kept database holds ${loaded}`);
        continue;
      }
      const t0 = performance.now();
      for (let start = loaded; start < size; start += 1_000) await store.upsertPapers(corpus.slice(start, Math.min(size, start + 1_000)));
      loaded = size;
      const loadMs = performance.now() - t0;
      const [byRanking, baselineRanking] = await measure(baseline ? [{ store, papers: size }, baseline] : [{ store, papers: size }]);
      const memory = process.memoryUsage();
      steps.push({
        papers: size,
        loadMs,
        byRanking: byRanking as Map<RelatedBy, Latency>,
        ...(baselineRanking ? { baseline: baselineRanking, baselinePapers: baseline?.papers } : {}),
        heapMb: memory.heapUsed / 2 ** 20,
        rssMb: memory.rss / 2 ** 20,
      });
      const h = byRanking?.get('HYBRID');
      const b = baselineRanking?.get('HYBRID');
      console.error(
        `${size} papers loaded in ${(loadMs / 1000).toFixed(0)} s; HYBRID p50 ${h?.p50.toFixed(1)} ms, p95 ${h?.p95.toFixed(1)} ms` +
          (b ? `; paired ${baseline?.papers} papers p50 ${b.p50.toFixed(1)} ms, p95 ${b.p95.toFixed(1)} ms` : ''),
      );
    }
    printTable(steps);
  } finally {
    await store.close();
    await baseline?.store.close();
    if (storeKind === 'neo4j' && !keep) await clearNeo4j(config);
    if (baselineConfig !== undefined && !keep) await clearNeo4j(baselineConfig);
  }
}

function printTable(steps: readonly Step[]): void {
  const base = steps[0];
  if (steps.some((step) => step.baseline !== undefined)) {
    const paired = steps.find((step) => step.baselinePapers !== undefined)?.baselinePapers;
    console.log(`Paired with a fixed ${paired}-paper graph, call for call: ms (p50 / p95), ratio of p95 to the paired p95`);
    console.log('papers   ranking    p50      p95   paired p50  paired p95   p95 ratio');
    for (const step of steps) {
      for (const by of RELATED_BY) {
        const m = step.byRanking.get(by);
        const b = step.baseline?.get(by);
        if (m === undefined || b === undefined) continue;
        console.log(
          `${String(step.papers).padStart(6)}   ${by.padEnd(8)} ${m.p50.toFixed(1).padStart(6)}  ${m.p95.toFixed(1).padStart(7)}   ${b.p50.toFixed(1).padStart(10)}  ${b.p95.toFixed(1).padStart(10)}   ${(m.p95 / b.p95).toFixed(2).padStart(8)}×`,
        );
      }
    }
  }
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
