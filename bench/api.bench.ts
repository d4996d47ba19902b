/**
 * papergraph's GraphQL API against the same reads written as one hand-written Cypher query each, sent raw
 * through neo4j-driver: both behind HTTP on 127.0.0.1 (the raw side is a tiny node:http endpoint in this
 * process), both on the same Neo4j, same answers checked first. Runs alternate API and raw, `--rounds` times
 * per read and client count; each run lasts `--seconds` and counts completed requests. Prints req/s medians,
 * spreads (min–max) and the ratio papergraph ÷ raw.
 *
 *   npm run bench:api [-- --papers 10000] [--clients 1,20] [--rounds 5] [--seconds 4] [--reads papers,concept]
 *
 * Neo4j: NEO4J_URI (default the local `npm run neo4j:start` server). The database must hold the first
 * `--papers` papers of bench/synthetic-corpus.ts (what `npm run bench:corpus -- --papers N --store neo4j` or
 * `npm run bench:scale -- --keep` leave); otherwise the bench loads them, refusing other data unless `--clear`.
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { performance } from 'node:perf_hooks';
import neo4j from 'neo4j-driver';
import type { ManagedTransaction } from 'neo4j-driver';
import { startServer } from '../src/api/index.js';
import { createSilentLogger } from '../src/config/index.js';
import {
  DEFAULT_CONCEPT_BUDGET,
  commonTerms,
  createNeo4jStore,
  runRelatedPapers,
  sampleTerms,
  twoStageFrom,
} from '../src/graph/index.js';
import type { RelatedQueryOptions } from '../src/graph/index.js';
import { canonicalKey } from '../src/nlp/index.js';
import {
  benchNeo4jConfig,
  clearNeo4j,
  createSyntheticCorpus,
  loadSyntheticCorpus,
  neo4jNodeCount,
  seededRandom,
  syntheticPaperId,
} from './synthetic-corpus.js';
import { cliArg } from '../scripts/cli-arg.js';
import { median } from './statistics.js';

const papers = Number(cliArg('--papers') ?? 10_000);
const clientCounts = (cliArg('--clients') ?? '1,20').split(',').map(Number);
const rounds = Number(cliArg('--rounds') ?? 5);
const seconds = Number(cliArg('--seconds') ?? 4);
const only = (cliArg('--reads') ?? 'papers,concept').split(',');

// ---------------------------------------------------------------- the reads, both ways

const TYPE_ORDER = "CASE c.type WHEN 'METHOD' THEN 0 WHEN 'TASK' THEN 1 WHEN 'DATASET' THEN 2 ELSE 3 END";

/** The first 20 papers by title with their concept links, in `getPaperConcepts` order (`sortPaperLinks`). */
const RAW_PAGE = `
MATCH (p:Paper) WHERE p.title IS NOT NULL
WITH p ORDER BY p.title, p.id LIMIT 20
CALL (p) {
  MATCH (p)-[r:MENTIONS]->(c:Concept)
  WITH r, c ORDER BY ${TYPE_ORDER}, CASE r.role WHEN 'PROPOSED' THEN 0 ELSE 1 END, c.id
  RETURN collect({role: r.role, concept: c {.id, .name, .type}}) AS concepts
}
RETURN p.id AS id, p.title AS title, concepts`;

/**
 * What `Paper.related(first: 5)` asks the store: HYBRID, all types, no minimum, the default concept budget, the
 * corpus's too common terms left out (counted once, as the store keeps them between reads).
 */
const RELATED_OPTIONS: Omit<RelatedQueryOptions, 'commonTerms' | 'twoStage'> = {
  first: 5,
  by: 'HYBRID',
  types: null,
  minShared: 0,
  conceptBudget: DEFAULT_CONCEPT_BUDGET,
};
let rawSample: Promise<{ commonTerms: string[]; twoStage: RelatedQueryOptions['twoStage'] }> | undefined;

/**
 * The nested read by hand, in one read transaction: the page with its concepts, then papergraph's own
 * related-papers statement (`runRelatedPapers`: `relatedPapersCypher`, same parameters, after the same read of the
 * sources' texts in a two-stage search) with the same exact re-ranking of its rows in TypeScript (`rankRelated`),
 * then the related papers' titles.
 */
async function rawPapers(tx: ManagedTransaction): Promise<unknown[]> {
  const page = (await tx.run(RAW_PAGE)).records.map((r) => r.toObject() as { id: string; title: string; concepts: unknown[] });
  rawSample ??= sampleTerms(tx).then((sample) => ({ commonTerms: commonTerms(sample), twoStage: twoStageFrom(sample) }));
  const options: RelatedQueryOptions = { ...RELATED_OPTIONS, ...(await rawSample) };
  const related = await runRelatedPapers(tx, page.map((p) => p.id), options);
  const relatedIds = [...new Set([...related.values()].flatMap((list) => list.map((r) => r.paperId)))];
  const titles = new Map(
    (await tx.run('UNWIND $ids AS id MATCH (p:Paper {id: id}) RETURN id, p.title AS title', { ids: relatedIds })).records.map(
      (r) => [r.get('id') as string, r.get('title') as string],
    ),
  );
  return page.map((p) => ({
    ...p,
    related: (related.get(p.id) ?? []).map((r) => ({ score: r.score, paper: { id: r.paperId, title: titles.get(r.paperId) } })),
  }));
}

const API_PAPERS = `{ papers(first: 20) { nodes { id title
  concepts { role concept { id name type } }
  related(first: 5) { score paper { id title } } } } }`;

const RAW_CONCEPT = `
MATCH (:ConceptKey {key: $key})-[:NAMES]->(c:Concept)
WITH c ORDER BY c.paperCount DESC, c.id LIMIT 1
CALL (c) {
  MATCH (c)<-[:MENTIONS]-(p:Paper)
  WITH p ORDER BY p.title, p.id LIMIT 20
  RETURN collect(p {.id, .title}) AS papers
}
RETURN c.id AS id, c.name AS name, c.type AS type, c.paperCount AS paperCount, papers`;

const API_CONCEPT = `query($name: String!) { conceptByName(name: $name) { id name type paperCount
  papers(first: 20) { nodes { id title } } } }`;

const RAW_READS = {
  papers: rawPapers,
  concept: async (tx: ManagedTransaction, params: Record<string, unknown>) => (await tx.run(RAW_CONCEPT, params)).records.map((r) => r.toObject()),
};

interface Read {
  id: 'papers' | 'concept';
  name: string;
  api: (round: number) => { query: string; variables: Record<string, unknown> };
  raw: (round: number) => { read: 'papers' | 'concept'; params: Record<string, unknown> };
  /** Both answers in one shape, to check they agree. */
  fromApi: (data: any) => unknown;
  fromRaw: (rows: any[]) => unknown;
}

function reads(conceptNames: readonly string[]): Read[] {
  const at = (round: number) => conceptNames[round % conceptNames.length] as string;
  return [
    {
      id: 'papers',
      name: '20 papers with concepts and top-5 related',
      api: () => ({ query: API_PAPERS, variables: {} }),
      raw: () => ({ read: 'papers', params: {} }),
      fromApi: (data) => data.papers.nodes,
      fromRaw: (rows) => rows,
    },
    {
      id: 'concept',
      name: 'conceptByName + its first 20 papers',
      api: (round) => ({ query: API_CONCEPT, variables: { name: at(round) } }),
      raw: (round) => ({ read: 'concept', params: { key: canonicalKey(at(round)) } }),
      fromApi: (data) => ({ ...data.conceptByName, papers: data.conceptByName.papers.nodes }),
      fromRaw: (rows) => rows[0],
    },
  ];
}

// ---------------------------------------------------------------- servers

const config = benchNeo4jConfig();
/** Both sides get the same generous read limit: a busy machine must not turn slow answers into refusals on one side. */
const READ_TIMEOUT_MILLIS = 120_000;
const store = createNeo4jStore({ config, logger: createSilentLogger(), readTimeoutMillis: READ_TIMEOUT_MILLIS });
await store.init();
const stats = await store.stats();
const [last] = await store.getPapers([syntheticPaperId(papers - 1)]);
if (stats.papers !== papers || last === null) {
  const existing = await neo4jNodeCount(config);
  if (existing > 0 && !process.argv.includes('--clear')) {
    throw new Error(`${config.uri} holds ${stats.papers} papers, not the first ${papers} synthetic ones; pass --clear to reload`);
  }
  if (existing > 0) await clearNeo4j(config);
  await store.init();
  process.stderr.write(`loading ${papers} synthetic papers…\n`);
  await loadSyntheticCorpus(store, await createSyntheticCorpus({ papers }));
}

const api = await startServer({
  config: { port: 0, host: '127.0.0.1', apiKey: null, corsOrigins: [] },
  store,
  logger: createSilentLogger(),
});

const driver = neo4j.driver(config.uri, neo4j.auth.basic(config.user, config.password), { disableLosslessIntegers: true });
const raw = createServer((req, res) => {
  const chunks: Buffer[] = [];
  req.on('data', (chunk: Buffer) => chunks.push(chunk));
  req.on('end', () => {
    void (async () => {
      try {
        const body = JSON.parse(Buffer.concat(chunks).toString('utf8')) as { read: keyof typeof RAW_READS; params: Record<string, unknown> };
        const session = driver.session({ database: config.database, defaultAccessMode: neo4j.session.READ });
        try {
          const rows = await session.executeRead((tx) => RAW_READS[body.read](tx, body.params), { timeout: neo4j.int(READ_TIMEOUT_MILLIS) });
          res.writeHead(200, { 'content-type': 'application/json' });
          res.end(JSON.stringify({ rows }));
        } finally {
          await session.close();
        }
      } catch (error) {
        res.writeHead(500, { 'content-type': 'application/json' });
        res.end(JSON.stringify({ error: String(error) }));
      }
    })();
  });
});
await new Promise<void>((resolve) => raw.listen(0, '127.0.0.1', resolve));
const rawUrl = `http://127.0.0.1:${(raw.address() as AddressInfo).port}/`;

/** JSON with object keys sorted (Neo4j returns map keys sorted, GraphQL in selection order). */
const canonical = (value: unknown): string =>
  JSON.stringify(value, (_key, v: unknown) =>
    v !== null && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : 1)))
      : v,
  );

async function post(url: string, body: unknown): Promise<any> {
  const response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  const json = (await response.json()) as any;
  if (!response.ok || json.errors !== undefined || json.error !== undefined) throw new Error(JSON.stringify(json).slice(0, 500));
  return json;
}

// ---------------------------------------------------------------- measuring

/** Requests per second over one run of `seconds`, `clients` sequential loops at once. */
async function run(clients: number, send: (i: number) => Promise<unknown>): Promise<number> {
  const end = performance.now() + seconds * 1000;
  let done = 0;
  let next = 0;
  const t0 = performance.now();
  await Promise.all(
    Array.from({ length: clients }, async () => {
      while (performance.now() < end) {
        await send(next++);
        done += 1;
      }
    }),
  );
  return done / ((performance.now() - t0) / 1000);
}

const rand = seededRandom(11);
const concepts = (await store.listConcepts({ first: 100 })).items;
const sample = Array.from({ length: 40 }, () => concepts[Math.floor(rand() * concepts.length)]?.name ?? '');
const sampled = [...new Set([...concepts.slice(0, 5).map((c) => c.name), ...sample])];

try {
  console.log(`node ${process.version}; Neo4j ${config.uri}; ${papers} papers; ${rounds} alternating runs of ${seconds} s per side`);
  console.log('| read | clients | papergraph req/s (median, min–max) | raw Cypher req/s | papergraph ÷ raw | same answers |');
  console.log('| --- | --- | --- | --- | --- | --- |');
  for (const read of reads(sampled).filter((r) => only.includes(r.id))) {
    let same = 0;
    const checks = Math.min(10, sampled.length);
    for (let i = 0; i < checks; i++) {
      const a = read.fromApi((await post(api.url, read.api(i))).data);
      const b = read.fromRaw((await post(rawUrl, read.raw(i))).rows);
      if (canonical(a) === canonical(b)) same += 1;
      else if (process.argv.includes('--verbose')) console.error(canonical(a).slice(0, 800), '\n', canonical(b).slice(0, 800));
    }
    for (const clients of clientCounts) {
      const rates: [number[], number[]] = [[], []];
      // Warm both paths, then alternate which goes first each round.
      await run(clients, (i) => post(api.url, read.api(i)));
      await run(clients, (i) => post(rawUrl, read.raw(i)));
      for (let r = 0; r < rounds; r++) {
        for (const side of r % 2 === 0 ? [0, 1] : [1, 0]) {
          rates[side as 0 | 1].push(
            await run(clients, (i) => (side === 0 ? post(api.url, read.api(i)) : post(rawUrl, read.raw(i)))),
          );
        }
      }
      const [pg, cy] = rates;
      const spread = (v: number[]) => `${median(v).toFixed(1)} (${Math.min(...v).toFixed(1)}–${Math.max(...v).toFixed(1)})`;
      console.log(
        `| ${read.name} | ${clients} | ${spread(pg)} | ${spread(cy)} | ${(median(pg) / median(cy)).toFixed(2)} | ${same}/${checks} |`,
      );
    }
  }
} finally {
  await api.close();
  raw.close();
  await driver.close();
  await store.close();
}
