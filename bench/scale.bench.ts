/**
 * Latency of the dashboard and list reads as the graph grows: p50/p95 of each read through the GraphQL
 * executor (resolvers and loaders included, no HTTP) at each corpus size, reads interleaved round-robin so a
 * busy machine slows them all alike. The corpus is `bench/synthetic-corpus.ts`; each size adds papers to the
 * previous one (paper i is the same in every size), so one run loads 100k papers once.
 *
 *   npm run bench:scale [-- --sizes 1000,10000,100000] [--store neo4j|memory] [--samples 40] [--clear] [--keep]
 *
 * Neo4j: NEO4J_URI (default the local `npm run neo4j:start` server); refuses a non-empty database unless
 * `--clear`, or reuses it when it holds exactly the first papers of the smallest size (what `--keep` leaves);
 * empties it at the end unless `--keep`. Memory: also prints the store's heap per 10k papers.
 */
import { performance } from 'node:perf_hooks';
import { createSilentLogger } from '../src/config/index.js';
import { createGraphQLExecutor } from '../src/api/index.js';
import { encodeCursor } from '../src/api/page-cursor.js';
import { createMemoryStore, createNeo4jStore } from '../src/graph/index.js';
import type { GraphStore, PageKey } from '../src/graph/index.js';
import {
  benchNeo4jConfig,
  clearNeo4j,
  createSyntheticCorpus,
  neo4jNodeCount,
  seededRandom,
  syntheticPaperId,
} from './synthetic-corpus.js';
import { cliArg } from '../scripts/cli-arg.js';
import { quantile } from './statistics.js';

const sizes = (cliArg('--sizes') ?? '1000,10000,100000').split(',').map(Number);
const storeArg = cliArg('--store') ?? 'neo4j';
const samples = Number(cliArg('--samples') ?? 40);
const WARMUP = 3;
if (storeArg !== 'neo4j' && storeArg !== 'memory') throw new Error('--store must be neo4j or memory');
if (sizes.some((n, i) => !Number.isSafeInteger(n) || n <= 0 || (i > 0 && n <= (sizes[i - 1] as number)))) {
  throw new Error('--sizes must be increasing positive integers');
}

interface Read {
  name: string;
  query: string;
  variables: (round: number) => Record<string, unknown>;
  /** Run before each sample, untimed. */
  before?: () => Promise<unknown>;
}

/** The reads, with variables that rotate over sampled papers and concepts so caches do not answer them all. */
async function readsFor(store: GraphStore, papers: number): Promise<Read[]> {
  const rand = seededRandom(7);
  const paperIds = Array.from({ length: 50 }, () => syntheticPaperId(Math.floor(rand() * papers)));
  const top = await store.topConcepts({ first: 1 });
  const hubName = top[0]?.name ?? '';
  // A deep page: the cursor of the item 20 before the end, by key (what a client holds after paging there).
  const deep = async (total: number, read: (offset: number) => Promise<PageKey | undefined>) => {
    const position = Math.max(0, total - 21);
    const key = await read(position);
    return encodeCursor(position, key);
  };
  const paperTotal = (await store.stats()).papers;
  const conceptTotal = (await store.stats()).concepts;
  const deepPaper = await deep(paperTotal, async (offset) => (await store.listPapers({ first: 1, offset })).keys?.[0]);
  const deepNewest = await deep(paperTotal, async (offset) => (await store.listPapers({ first: 1, offset, sort: 'NEWEST' })).keys?.[0]);
  const deepConcept = await deep(conceptTotal, async (offset) => (await store.listConcepts({ first: 1, offset })).keys?.[0]);
  const at = <T>(list: readonly T[], round: number) => list[round % list.length] as T;
  return [
    {
      name: 'Paper.related (one paper, top 5)',
      query: 'query($id: ID!) { paper(id: $id) { related(first: 5) { score paper { id title } } } }',
      variables: (round) => ({ id: at(paperIds, round) }),
    },
    { name: 'stats', query: '{ stats { papers concepts mentions byType { type count } } }', variables: () => ({}) },
    {
      name: 'cooccurrence(METHOD, DATASET, 20)',
      query: '{ cooccurrence(rowType: METHOD, columnType: DATASET, first: 20) { rows { id } columns { id } cells { count } } }',
      variables: () => ({}),
    },
    {
      name: 'cooccurrence, first read after a write',
      query: '{ cooccurrence(rowType: METHOD, columnType: DATASET, first: 20) { rows { id } columns { id } cells { count } } }',
      variables: () => ({}),
      // Rewriting a paper as it is moves the graph's version: the cached matrix is brought forward.
      before: async () => store.upsertPapers(corpus.slice(0, 1)),
    },
    ...(otherWriter === null
      ? []
      : [
          {
            name: 'cooccurrence, first read after another process wrote',
            query: '{ cooccurrence(rowType: METHOD, columnType: DATASET, first: 20) { rows { id } columns { id } cells { count } } }',
            variables: () => ({}),
            // A write this store did not make: the matrix is brought forward from the graph's write log.
            before: async () => otherWriter.upsertPapers(corpus.slice(0, 1)),
          } satisfies Read,
        ]),
    {
      name: 'topConcepts(METHOD, 10)',
      query: '{ topConcepts(type: METHOD, first: 10) { id name paperCount } }',
      variables: () => ({}),
    },
    {
      name: 'concept page, first',
      query: '{ concepts(first: 20) { totalCount nodes { id name paperCount } pageInfo { endCursor } } }',
      variables: () => ({}),
    },
    {
      name: 'concept page, last (keyset cursor)',
      query: 'query($after: String) { concepts(first: 20, after: $after) { totalCount nodes { id name paperCount } } }',
      variables: () => ({ after: deepConcept }),
    },
    {
      name: 'paper page, first',
      query: '{ papers(first: 20) { totalCount nodes { id title } pageInfo { endCursor } } }',
      variables: () => ({}),
    },
    {
      name: 'paper page, last (keyset cursor)',
      query: 'query($after: String) { papers(first: 20, after: $after) { totalCount nodes { id title } } }',
      variables: () => ({ after: deepPaper }),
    },
    {
      name: 'paper page NEWEST, last (keyset cursor)',
      query: 'query($after: String) { papers(first: 20, sort: NEWEST, after: $after) { totalCount nodes { id title published } } }',
      variables: () => ({ after: deepNewest }),
    },
    {
      name: 'conceptByName(top concept) + 20 papers',
      query: 'query($name: String!) { conceptByName(name: $name) { id paperCount papers(first: 20) { nodes { id title } } } }',
      variables: () => ({ name: hubName }),
    },
  ];
}


async function measure(store: GraphStore, papers: number): Promise<Map<string, number[]>> {
  const executor = createGraphQLExecutor({ store });
  const reads = await readsFor(store, papers);
  const times = new Map<string, number[]>(reads.map((r) => [r.name, []]));
  try {
    for (let round = -WARMUP; round < samples; round++) {
      for (const read of reads) {
        await read.before?.();
        const t0 = performance.now();
        const result = await executor.execute({ query: read.query, variables: read.variables(Math.max(0, round)) });
        const ms = performance.now() - t0;
        if (result.errors !== undefined) {
          // A refused read (e.g. past the store's time limit) is counted and shown, not timed.
          if (round >= 0) failures.set(read.name, (failures.get(read.name) ?? 0) + 1);
          process.stderr.write(`  ${read.name}: ${result.errors[0]?.message ?? 'error'}\n`);
          continue;
        }
        if (round >= 0) times.get(read.name)?.push(ms);
      }
    }
  } finally {
    await executor.stop();
  }
  return times;
}

/**
 * The write step at this size: 100 papers rewritten as they are (their links read, rewritten and logged for
 * `cooccurrence`), `samples / 2` times, by the other writer and by the store in turn.
 */
async function measureWrites(store: GraphStore, other: GraphStore, papers: number): Promise<Map<string, number[]>> {
  const times: number[] = [];
  for (let i = 0; i < Math.max(2, samples / 2); i++) {
    const start = (i * 100) % (papers - 100);
    const t0 = performance.now();
    await (i % 2 === 0 ? other : store).upsertPapers(corpus.slice(start, start + 100));
    times.push(performance.now() - t0);
  }
  return new Map([['write: 100 papers rewritten', times]]);
}

async function openStore(): Promise<{ store: GraphStore; otherWriter: GraphStore | null; loaded: number; done: () => Promise<void> }> {
  if (storeArg === 'memory') return { store: createMemoryStore(), otherWriter: null, loaded: 0, done: async () => {} };
  const config = benchNeo4jConfig();
  const store = createNeo4jStore({ config, logger: createSilentLogger() });
  await store.init();
  const smallest = sizes[0] as number;
  const [last] = await store.getPapers([syntheticPaperId(smallest - 1)]);
  const reuse = (await store.stats()).papers === smallest && last !== null;
  const existing = await neo4jNodeCount(config);
  if (!reuse && existing > 0) {
    if (!process.argv.includes('--clear')) {
      await store.close();
      throw new Error(`${config.uri} holds ${existing} nodes; pass --clear to let the bench empty it first`);
    }
    await clearNeo4j(config);
    await store.init();
  }
  // Another store on the same database: what a second process (an ingest, another API replica) is to `store`.
  const otherWriter = createNeo4jStore({ config, logger: createSilentLogger() });
  return {
    store,
    otherWriter,
    loaded: reuse ? smallest : 0,
    done: async () => {
      await otherWriter.close();
      await store.close();
      if (!process.argv.includes('--keep')) await clearNeo4j(config);
    },
  };
}

const corpus = await createSyntheticCorpus({ papers: sizes[sizes.length - 1] as number });
const { store, otherWriter, loaded: alreadyLoaded, done } = await openStore();
const results = new Map<number, Map<string, number[]>>();
/** Refused reads by name (over all sizes; sizes are measured one after the other). */
let failures = new Map<string, number>();
const failuresBySize = new Map<number, Map<string, number>>();
const memory = new Map<number, number>();
const used = () => process.memoryUsage().heapUsed + process.memoryUsage().arrayBuffers;
try {
  globalThis.gc?.();
  const baseline = used();
  let loaded = alreadyLoaded;
  for (const size of sizes) {
    const t0 = performance.now();
    for (let start = loaded; start < size; start += 1_000) {
      await store.upsertPapers(corpus.slice(start, Math.min(size, start + 1_000)));
      if ((start / 1_000) % 10 === 9) {
        process.stderr.write(`  loaded ${start + 1_000} papers, ${((performance.now() - t0) / 1000).toFixed(0)} s\n`);
      }
    }
    process.stderr.write(`  ${size} papers loaded (+${size - loaded} in ${((performance.now() - t0) / 1000).toFixed(0)} s); measuring\n`);
    loaded = size;
    if (storeArg === 'memory') {
      globalThis.gc?.();
      memory.set(size, used() - baseline);
    }
    failures = new Map();
    const times = await measure(store, size);
    if (otherWriter !== null) for (const [name, ms] of await measureWrites(store, otherWriter, size)) times.set(name, ms);
    results.set(size, times);
    failuresBySize.set(size, failures);
  }
} finally {
  await done();
}

console.log(`\n${storeArg} store, node ${process.version}; ${samples} samples per read and size, interleaved; p50 / p95 ms`);
const header = ['read', ...sizes.map((n) => `${n.toLocaleString('en')} papers`)];
console.log(`| ${header.join(' | ')} |\n|${header.map(() => ' --- ').join('|')}|`);
for (const name of results.get(sizes[0] as number)?.keys() ?? []) {
  const cells = sizes.map((size) => {
    const sorted = [...(results.get(size)?.get(name) ?? [])].sort((a, b) => a - b);
    const failed = failuresBySize.get(size)?.get(name) ?? 0;
    return `${quantile(sorted, 0.5).toFixed(1)} / ${quantile(sorted, 0.95).toFixed(1)}${failed > 0 ? ` (${failed} of ${samples} refused)` : ''}`;
  });
  console.log(`| ${name} | ${cells.join(' | ')} |`);
}
if (storeArg === 'memory') {
  const line = sizes.map((size) => `${size}: ${((memory.get(size) ?? 0) / 2 ** 20).toFixed(1)} MB (${(((memory.get(size) ?? 0) / 2 ** 20) * (10_000 / size)).toFixed(1)} MB per 10k)`);
  console.log(`\nmemory store, heap + array buffers${globalThis.gc === undefined ? ' (without --expose-gc: approximate)' : ''}: ${line.join('; ')}`);
}
