/**
 * Latency of `getRelatedPapers` on a corpus with a hub concept ("Transformer" in ~90% of papers), with the
 * hub bound (`conceptBudget`, default 10 000) against the same data with the bound off, in one process;
 * one source a call, then all the sources in one batch call.
 *
 *   npm run bench:related [-- --papers 50000] [--store memory|neo4j|both] [--samples 200] [--fanout 10000]
 *                         [--hub-share 0.9] [--clear]
 *
 * Neo4j: NEO4J_URI / NEO4J_USER / NEO4J_PASSWORD / NEO4J_DATABASE (default: the local dev server of
 * `npm run neo4j:start`). The bench writes its own corpus, so it refuses a non-empty database unless
 * `--clear` is given, and it empties the database again when it ends. Do not run it while the Neo4j test
 * suite runs: both clear the same database.
 *
 * Corpus (deterministic, seeded): every paper mentions the hub with probability `--hub-share` (and one paper
 * in 250 mentions only the hub), one of 100 mid-frequency tasks (~1% of papers each), with probability 1/2
 * one of 50 mid-frequency datasets (~1% each), and 3 rare methods (~12 papers each, mostly 5–20).
 */
import { performance } from 'node:perf_hooks';
import neo4j from 'neo4j-driver';
import { createSilentLogger, loadConfig } from '../src/config/index.js';
import type { Neo4jConfig } from '../src/config/index.js';
import { DEFAULT_CONCEPT_BUDGET, createMemoryStore, createNeo4jStore } from '../src/graph/index.js';
import type { AnalyzedPaper, GraphStore, RelatedPaperResult } from '../src/graph/index.js';
import type { ConceptType, ExtractedConcept } from '../src/nlp/index.js';

function arg(name: string): string | undefined {
  const i = process.argv.indexOf(name);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

const storeArg = arg('--store') ?? 'memory';
if (!['memory', 'neo4j', 'both'].includes(storeArg)) throw new Error(`--store must be memory, neo4j or both`);
// Neo4j ingests ~110 rows a paper through Bolt on a small machine, so its default corpus is smaller.
const paperCount = Number(arg('--papers') ?? (storeArg === 'memory' ? 50_000 : 20_000));
const samples = Number(arg('--samples') ?? 200);
const fanout = Number(arg('--fanout') ?? DEFAULT_CONCEPT_BUDGET);
const hubShare = Number(arg('--hub-share') ?? 0.9);
const clear = process.argv.includes('--clear');
const UNBOUNDED = Number.MAX_SAFE_INTEGER;
const FIRST = 10;
const WARMUP = 20;
/** Sources whose full candidate list is counted (a separate call with a huge `first`, not timed). */
const COUNTED = 20;
const BATCH = 1_000;

// ---------------------------------------------------------------- corpus

/** mulberry32: a seeded PRNG, so every run (and both stores) get the same corpus and the same sources. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

interface Spec {
  id: string;
  name: string;
  type: ConceptType;
}

const HUB: Spec = { id: 'method:transformer', name: 'Transformer', type: 'METHOD' };
const MID_TASKS = 100;
const MID_DATASETS = 50;
const RARE_PER_PAPER = 3;
const RARE_MEAN = 12.5;
const HUB_ONLY_EVERY = 250;

const pad = (i: number) => String(i).padStart(7, '0');
const paperId = (i: number) => `bench-${pad(i)}`;
const isHubOnly = (i: number) => i % HUB_ONLY_EVERY === 0;

/** A valid AnalyzedPaper: the abstract lists the concept names, and each mention is its exact slice. */
function paperOf(i: number, specs: readonly Spec[]): AnalyzedPaper {
  let abstract = 'We study';
  const concepts = specs.map((spec, k): ExtractedConcept => {
    const prefix = k === 0 ? ' ' : ', ';
    const start = abstract.length + prefix.length;
    abstract += prefix + spec.name;
    return {
      ...spec,
      aliases: [],
      role: 'USED',
      confidence: 0.8,
      mentions: [{ field: 'abstract', start, end: start + spec.name.length, text: spec.name }],
      evidence: '',
    };
  });
  abstract += '.';
  return {
    id: paperId(i),
    title: `Synthetic paper ${i}`,
    abstract,
    url: null,
    published: null,
    authors: [],
    extraction: { concepts: concepts.sort((a, b) => (a.id < b.id ? -1 : 1)), codeLinks: [] },
  };
}

function corpus(n: number): AnalyzedPaper[] {
  const rand = random(42);
  const pick = (k: number) => Math.floor(rand() * k);
  const rareConcepts = Math.max(1, Math.round((n * RARE_PER_PAPER) / RARE_MEAN));
  const papers: AnalyzedPaper[] = [];
  for (let i = 0; i < n; i++) {
    if (isHubOnly(i)) {
      papers.push(paperOf(i, [HUB]));
      continue;
    }
    const specs: Spec[] = [];
    if (rand() < hubShare) specs.push(HUB);
    const task = pick(MID_TASKS);
    specs.push({ id: `task:mid-task-${task}`, name: `Mid Task ${task}`, type: 'TASK' });
    if (rand() < 0.5) {
      const set = pick(MID_DATASETS);
      specs.push({ id: `dataset:mid-set-${set}`, name: `Mid Set ${set}`, type: 'DATASET' });
    }
    const rare = new Set<number>();
    while (rare.size < Math.min(RARE_PER_PAPER, rareConcepts)) rare.add(pick(rareConcepts));
    for (const r of rare) specs.push({ id: `method:rare-${r}`, name: `Rare Method ${r}`, type: 'METHOD' });
    papers.push(paperOf(i, specs));
  }
  return papers;
}

// ---------------------------------------------------------------- measuring

interface Stats {
  median: number;
  p95: number;
  mean: number;
}

function stats(times: readonly number[]): Stats {
  const sorted = [...times].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? NaN;
  return { median: at(0.5), p95: at(0.95), mean: sorted.reduce((s, t) => s + t, 0) / sorted.length };
}

/** `count` distinct seeded paper indexes among those that `keep` accepts. */
function sampleSources(n: number, count: number, keep: (i: number) => boolean, seed: number): string[] {
  const rand = random(seed);
  const eligible: number[] = [];
  for (let i = 0; i < n; i++) if (keep(i)) eligible.push(i);
  for (let i = eligible.length - 1; i > 0; i--) {
    const j = Math.floor(rand() * (i + 1));
    [eligible[i], eligible[j]] = [eligible[j] as number, eligible[i] as number];
  }
  return eligible.slice(0, count).map(paperId);
}

interface CaseResult {
  bounded: Stats;
  unbounded: Stats;
  boundedCandidates: number;
  unboundedCandidates: number;
  /** Sources whose top `FIRST` is the same with and without the bound. */
  sameTop: number;
  sources: number;
  /** Top-`FIRST` answers by source, bounded then unbounded, to compare stores. */
  answers: Map<string, [RelatedPaperResult[], RelatedPaperResult[]]>;
  /** All sources asked in one bounded call, as a page of papers asks through the API's loader. */
  batchMs: number;
  /** Whether that one call gave every source its answer alone. */
  batchSame: boolean;
}

/** One source alone, as the latencies here are per source. */
async function relatedOf(store: GraphStore, id: string, first: number): Promise<RelatedPaperResult[]> {
  const [related] = await store.getRelatedPapers([id], { first });
  return related ?? [];
}

async function measureCase(bounded: GraphStore, unbounded: GraphStore, sources: readonly string[], warmup: readonly string[]): Promise<CaseResult> {
  for (const id of warmup) {
    await relatedOf(bounded, id, FIRST);
    await relatedOf(unbounded, id, FIRST);
  }
  const times: [number[], number[]] = [[], []];
  const answers = new Map<string, [RelatedPaperResult[], RelatedPaperResult[]]>();
  let sameTop = 0;
  for (const [k, id] of sources.entries()) {
    // Alternate which store goes first, so GC pauses and cache effects fall on both sides alike.
    const order = k % 2 === 0 ? ([0, 1] as const) : ([1, 0] as const);
    const got: RelatedPaperResult[][] = [[], []];
    for (const side of order) {
      const store = side === 0 ? bounded : unbounded;
      const t0 = performance.now();
      got[side] = await relatedOf(store, id, FIRST);
      times[side].push(performance.now() - t0);
    }
    const [b, u] = got as [RelatedPaperResult[], RelatedPaperResult[]];
    if (JSON.stringify(b) === JSON.stringify(u)) sameTop += 1;
    answers.set(id, [b, u]);
  }
  const t0 = performance.now();
  const batch = await bounded.getRelatedPapers(sources, { first: FIRST });
  const batchMs = performance.now() - t0;
  const batchSame = sources.every((id, i) => JSON.stringify(batch[i]) === JSON.stringify(answers.get(id)?.[0]));
  // Every candidate shares at least one concept with the source (it was found through one), so with
  // minShared 1 and an unlimited `first` the answer's length is the number of candidates scored.
  const counted = sources.slice(0, COUNTED);
  const candidates = async (store: GraphStore) => {
    let total = 0;
    for (const id of counted) total += (await relatedOf(store, id, UNBOUNDED)).length;
    return Math.round(total / Math.max(1, counted.length));
  };
  return {
    bounded: stats(times[0]),
    unbounded: stats(times[1]),
    boundedCandidates: await candidates(bounded),
    unboundedCandidates: await candidates(unbounded),
    sameTop,
    sources: sources.length,
    answers,
    batchMs,
    batchSame,
  };
}

interface StoreRun {
  label: string;
  ingestMs: number;
  hubPapers: number;
  mixed: CaseResult;
  hubOnly: CaseResult;
}

async function ingest(store: GraphStore, papers: readonly AnalyzedPaper[], label: string): Promise<number> {
  const t0 = performance.now();
  for (let i = 0; i < papers.length; i += BATCH) {
    await store.upsertPapers(papers.slice(i, i + BATCH));
    if (label === 'neo4j' && (i / BATCH) % 5 === 4) {
      process.stderr.write(`  ${label}: ${i + BATCH} papers, ${((performance.now() - t0) / 1000).toFixed(0)} s\n`);
    }
  }
  return performance.now() - t0;
}

async function run(label: string, bounded: GraphStore, unbounded: GraphStore, papers: readonly AnalyzedPaper[], loadUnbounded: boolean): Promise<StoreRun> {
  let ingestMs = await ingest(bounded, papers, label);
  // The memory stores are separate maps; the Neo4j stores are two clients of one database.
  if (loadUnbounded) ingestMs += await ingest(unbounded, papers, label);
  const [hub] = await bounded.getConcepts([HUB.id]);
  const hubPapers = hub?.paperCount ?? 0;
  const n = papers.length;
  const mixedSources = sampleSources(n, samples, (i) => !isHubOnly(i), 7);
  const mixedWarmup = sampleSources(n, WARMUP, (i) => !isHubOnly(i), 8);
  const hubSources = sampleSources(n, samples, isHubOnly, 9);
  const hubWarmup = hubSources.slice(0, Math.min(3, hubSources.length));
  process.stderr.write(`  ${label}: measuring ${mixedSources.length} + ${hubSources.length} sources\n`);
  const mixed = await measureCase(bounded, unbounded, mixedSources, mixedWarmup);
  const hubOnly = await measureCase(bounded, unbounded, hubSources, hubWarmup);
  return { label, ingestMs, hubPapers, mixed, hubOnly };
}

// ---------------------------------------------------------------- stores

/** The environment's Neo4j (read by `loadConfig`, like the server), else the local one `npm run neo4j:start` runs. */
function neo4jConfig(): Neo4jConfig {
  const env = process.env.NEO4J_URI ? process.env : { ...process.env, NEO4J_URI: 'bolt://127.0.0.1:7687', NEO4J_PASSWORD: 'papergraph-dev' };
  return loadConfig(env).neo4j as Neo4jConfig;
}

/** Empties the database in batches: one DETACH DELETE of ~100k relationships would need a big transaction. */
async function clearNeo4j(config: Neo4jConfig): Promise<void> {
  const driver = neo4j.driver(config.uri, neo4j.auth.basic(config.user, config.password));
  const session = driver.session({ database: config.database });
  try {
    // CALL … IN TRANSACTIONS needs an auto-commit query, so session.run rather than executeWrite.
    await session.run('MATCH (n) CALL { WITH n DETACH DELETE n } IN TRANSACTIONS OF 10000 ROWS');
  } finally {
    await session.close();
    await driver.close();
  }
}

async function neo4jNodeCount(config: Neo4jConfig): Promise<number> {
  const driver = neo4j.driver(config.uri, neo4j.auth.basic(config.user, config.password));
  try {
    const { records } = await driver.executeQuery('MATCH (n) RETURN count(n) AS n', {}, { database: config.database });
    return neo4j.integer.toNumber(records[0]?.get('n') ?? 0);
  } finally {
    await driver.close();
  }
}

async function runNeo4j(papers: readonly AnalyzedPaper[]): Promise<StoreRun> {
  const config = neo4jConfig();
  const existing = await neo4jNodeCount(config);
  if (existing > 0 && !clear) {
    throw new Error(`${config.uri} holds ${existing} nodes; pass --clear to let the bench empty it first`);
  }
  await clearNeo4j(config);
  const logger = createSilentLogger();
  const bounded = createNeo4jStore({ config, logger, conceptBudget: fanout });
  const unbounded = createNeo4jStore({ config, logger, conceptBudget: UNBOUNDED });
  try {
    await bounded.init();
    return await run('neo4j', bounded, unbounded, papers, false);
  } finally {
    await bounded.close();
    await unbounded.close();
    await clearNeo4j(config);
  }
}

// ---------------------------------------------------------------- report

const ms = (value: number) => value.toFixed(2).padStart(9);

function print(r: StoreRun): void {
  console.log(
    `\n${r.label}: ${paperCount} papers, hub "${HUB.name}" in ${r.hubPapers} (${((100 * r.hubPapers) / paperCount).toFixed(0)}%), ` +
      `bound conceptBudget=${fanout}; ingest ${(r.ingestMs / 1000).toFixed(1)} s; top ${FIRST}, ${WARMUP} warm-up queries`,
  );
  console.log(`${'case'.padEnd(44)}${'median ms'.padStart(10)}${'p95 ms'.padStart(10)}${'mean ms'.padStart(10)}  candidates`);
  const row = (name: string, s: Stats, candidates: string) =>
    console.log(`${name.padEnd(44)}${ms(s.median)} ${ms(s.p95)} ${ms(s.mean)}  ${candidates}`);
  const ratio = (name: string, c: CaseResult) =>
    console.log(
      `${name.padEnd(44)}${(c.bounded.median / c.unbounded.median).toFixed(3).padStart(9)}x` +
        `${(c.bounded.p95 / c.unbounded.p95).toFixed(3).padStart(9)}x${(c.bounded.mean / c.unbounded.mean).toFixed(3).padStart(9)}x` +
        `  same top ${FIRST}: ${c.sameTop}/${c.sources}`,
    );
  const batch = (c: CaseResult) =>
    console.log(
      `    the same ${c.sources} sources in one call, bounded: ${c.batchMs.toFixed(1)} ms ` +
        `(${(c.batchMs / c.sources).toFixed(2)} ms a source), same answers: ${c.batchSame ? 'yes' : 'NO'}`,
    );
  const m = r.mixed;
  const h = r.hubOnly;
  row(`(a) hub+mid+rare source, bounded (n=${m.sources})`, m.bounded, `${m.boundedCandidates}`);
  row(`(b) same sources, bound off`, m.unbounded, `${m.unboundedCandidates}`);
  ratio('    ratio (a)/(b)', m);
  batch(m);
  row(`(c) hub-only source, bounded (n=${h.sources})`, h.bounded, `${h.boundedCandidates}`);
  row(`    hub-only source, bound off`, h.unbounded, `${h.unboundedCandidates}`);
  ratio('    ratio (c)/(c, bound off)', h);
  batch(h);
}

function compareStores(a: StoreRun, b: StoreRun): void {
  let same = 0;
  let total = 0;
  for (const c of ['mixed', 'hubOnly'] as const) {
    for (const [id, answers] of a[c].answers) {
      total += 1;
      if (JSON.stringify(answers) === JSON.stringify(b[c].answers.get(id))) same += 1;
    }
  }
  console.log(`\n${a.label} vs ${b.label}: identical top-${FIRST} answers (bounded and unbounded) for ${same}/${total} sources`);
}

const papers = corpus(paperCount);
console.log(`node ${process.version}; corpus built: ${papers.length} papers`);
const runs: StoreRun[] = [];
if (storeArg !== 'neo4j') {
  runs.push(await run('memory', createMemoryStore({ conceptBudget: fanout }), createMemoryStore({ conceptBudget: UNBOUNDED }), papers, true));
  print(runs[runs.length - 1] as StoreRun);
}
if (storeArg !== 'memory') {
  runs.push(await runNeo4j(papers));
  print(runs[runs.length - 1] as StoreRun);
}
if (runs.length === 2) compareStores(runs[0] as StoreRun, runs[1] as StoreRun);
