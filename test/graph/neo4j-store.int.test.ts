import { afterAll, afterEach, beforeAll, describe, expect, it } from '@jest/globals';
import { createServer } from 'node:net';
import { Writable } from 'node:stream';
import neo4j from 'neo4j-driver';
import type { Driver } from 'neo4j-driver';
import { createLogger, createSilentLogger } from '../../src/config/index.js';
import { PapergraphError } from '../../src/errors/index.js';
import { createMemoryStore, createNeo4jStore, ingestPapers, textQueryTerms } from '../../src/graph/index.js';
import { readPapers } from '../../src/ingest/index.js';
import type { GraphStore, Neo4jStoreOptions } from '../../src/graph/index.js';
import { corpus, hubCorpus, makePaper } from './fixtures.js';
import { answersOf, describeStoreContract } from './store-contract.js';
import { describeNeo4j, neo4jTestConfig, neo4jUri } from '../support/neo4j-test-env.js';

const uri = neo4jUri;
const config = neo4jTestConfig;
if (uri === undefined) console.warn('PAPERGRAPH_TEST_NEO4J_URI is not set: skipping the Neo4j store suite (npm test sets it)');

let admin: Driver;
beforeAll(() => {
  if (uri !== undefined) admin = neo4j.driver(config.uri, neo4j.auth.basic(config.user, config.password));
});
afterAll(async () => {
  await admin?.close();
});

async function clearDatabase(): Promise<void> {
  await admin.executeQuery('MATCH (n) DETACH DELETE n', {}, { database: config.database });
}

let schemaReady = false;

async function neo4jStore(options: Partial<Neo4jStoreOptions> = {}): Promise<GraphStore> {
  await clearDatabase();
  // A tiny batch size so the contract also exercises several UNWIND chunks in one transaction.
  const store = createNeo4jStore({ config, logger: createSilentLogger(), batchSize: 3, ...options });
  // Clearing keeps the schema, so one init per file is enough (the contract checks that init can repeat).
  if (!schemaReady) await store.init();
  schemaReady = true;
  return store;
}

async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

describeNeo4j('Neo4j store', () => {
  describeStoreContract('neo4j', (options) => neo4jStore(options));

  describe('against the memory store', () => {
    let store: GraphStore | undefined;
    afterEach(async () => {
      await store?.close();
      store = undefined;
    });

    const scenarios: [string, (s: GraphStore) => Promise<void>][] = [
      ['the corpus', async (s) => void (await s.upsertPapers(corpus()))],
      [
        'the corpus after rewrites and deletes',
        async (s) => {
          await s.upsertPapers(corpus());
          await s.upsertPapers([
            makePaper({ id: 'p4', title: 'Summarization Revisited', abstract: 'BERT for summarization.' }, [
              { id: 'task:summarization', name: 'Summarization', type: 'TASK', surfaces: ['Summarization', 'summarization'] },
              { id: 'method:bert', name: 'BERT', type: 'METHOD', aliases: ['BERT-base'] },
            ]),
          ]);
          await s.deletePaper('p2');
          await s.deletePaper('p6');
          await s.upsertPapers(corpus().slice(5));
        },
      ],
      ['the hub corpus', async (s) => void (await s.upsertPapers([...hubCorpus(), ...corpus()]))],
    ];

    it.each(scenarios)('gives identical answers to a fixed list of reads: %s', async (_label, build) => {
      const memory = createMemoryStore({ conceptBudget: 3 });
      await build(memory);
      const expected = await answersOf(memory);
      store = await neo4jStore({ conceptBudget: 3 });
      await build(store);
      expect(await answersOf(store)).toEqual(expected);
    });
  });

  describe('related papers against the memory store', () => {
    let store: GraphStore | undefined;
    afterEach(async () => {
      await store?.close();
      store = undefined;
    });

    // Lucene's BM25 is emulated to the float (bm25.ts); what remains is the order Lucene sums a document's
    // clauses in, so scores may differ by one unit of their 6th decimal: the stated tolerance.
    const TOLERANCE = 2e-6;

    it('ranks the seed papers like the memory store, by every ranking, to the last decimal but one', async () => {
      const { papers } = await readPapers('seeds/trending-attention-papers.txt');
      const memory = createMemoryStore();
      await ingestPapers(memory, papers);
      store = await neo4jStore();
      await ingestPapers(store, papers);
      const ids = papers.map((p) => p.id);
      for (const by of ['HYBRID', 'CONCEPTS', 'TEXT'] as const) {
        const expected = await memory.getRelatedPapers(ids, { first: 10, by });
        const actual = await store.getRelatedPapers(ids, { first: 10, by });
        expect(actual.map((list) => list.map((r) => r.paperId))).toEqual(expected.map((list) => list.map((r) => r.paperId)));
        actual.flat().forEach((r, i) => {
          const e = expected.flat()[i];
          expect(Math.abs(r.score - (e?.score ?? NaN))).toBeLessThanOrEqual(TOLERANCE);
          expect(Math.abs(r.textScore - (e?.textScore ?? NaN))).toBeLessThanOrEqual(TOLERANCE);
          expect(r.conceptScore).toBe(e?.conceptScore);
          expect(r.shared).toEqual(e?.shared);
        });
      }
      const query = textQueryTerms('Sparse attention for long sequences', 'We propose sparse attention on Long Range Arena.');
      const source = { query, conceptIds: ['dataset:long-range-arena', 'method:sparse-attention'] };
      const text = await store.getRelatedToText(source, { first: 10 });
      expect(text.map((r) => r.paperId)).toEqual((await memory.getRelatedToText(source, { first: 10 })).map((r) => r.paperId));
      const matches = text.map((r) => ({ query, paperId: r.paperId, textScore: r.textScore }));
      expect(await store.explainTextMatches(matches)).toEqual(await memory.explainTextMatches(matches));
    });
  });

  describe('model', () => {
    let store: GraphStore | undefined;
    afterEach(async () => {
      await store?.close();
      store = undefined;
    });

    it('creates the constraints and indexes, full-text with the whitespace analyzer, all online', async () => {
      store = await neo4jStore();
      const { records } = await admin.executeQuery(
        "SHOW INDEXES YIELD name, type, state, options WHERE name IN ['paper_id', 'concept_id', 'concept_key', 'concept_type', 'concept_broader', 'paper_title', 'paper_published', 'paper_text'] RETURN name, type, state, options ORDER BY name",
        {},
        { database: config.database },
      );
      expect(records.map((r) => [r.get('name'), r.get('state')])).toEqual(
        ['concept_broader', 'concept_id', 'concept_key', 'concept_type', 'paper_id', 'paper_published', 'paper_text', 'paper_title'].map(
          (name) => [name, 'ONLINE'],
        ),
      );
      const search = records.find((r) => r.get('name') === 'paper_text');
      expect(search?.get('type')).toBe('FULLTEXT');
      expect(search?.get('options').indexConfig['fulltext.analyzer']).toBe('whitespace');
    });

    it.each([['p.searchText'], ['p.searchText, p.id']])('replaces the old full-text index paper_search (on %s), so two-stage searches find their papers', async (properties) => {
      // More distinct words than the first stage takes, in enough papers, so the search runs in two stages.
      const words = Array.from({ length: 50 }, (_, i) => `word${i}`).join(' ');
      const copies = Array.from({ length: 100 }, (_, i) => makePaper({ id: `copy${i}`, title: 'Copy', abstract: words }));
      store = await neo4jStore({ batchSize: 500 });
      await store.upsertPapers([makePaper({ id: 'long', title: 'Long', abstract: words }), ...copies]);
      await store.close();
      const run = (cypher: string) => admin.executeQuery(cypher, {}, { database: config.database });
      const fullText = async () =>
        (await run('SHOW FULLTEXT INDEXES YIELD name, properties, state RETURN name, properties, state ORDER BY name')).records.map((r) => [
          r.get('name'),
          r.get('properties'),
          r.get('state'),
        ]);
      try {
        await run('DROP INDEX paper_text');
        await run(
          `CREATE FULLTEXT INDEX paper_search FOR (p:Paper) ON EACH [${properties}] OPTIONS { indexConfig: { \`fulltext.analyzer\`: 'whitespace' } }`,
        );
        await run('CALL db.awaitIndexes(60)');
        store = createNeo4jStore({ config, logger: createSilentLogger(), twoStageTextMinPapers: 0 });
        await store.init();
        expect(await fullText()).toEqual([['paper_text', ['searchText', 'id'], 'ONLINE']]);
        const source = { query: textQueryTerms('Long', words), conceptIds: [] };
        expect((await store.getRelatedToText(source, { first: 1, by: 'TEXT' })).map((r) => r.paperId)).toEqual(['long']);
      } finally {
        // Whatever failed, the next tests find the current schema.
        await run('DROP INDEX paper_search IF EXISTS');
        await run(
          "CREATE FULLTEXT INDEX paper_text IF NOT EXISTS FOR (p:Paper) ON EACH [p.searchText, p.id] OPTIONS { indexConfig: { `fulltext.analyzer`: 'whitespace' } }",
        );
        await run('CALL db.awaitIndexes(60)');
      }
    });

    it('reads a paper of a graph written before categories and DOIs were stored as having none', async () => {
      store = await neo4jStore();
      await store.upsertPapers(corpus());
      await admin.executeQuery("MATCH (p:Paper {id: 'p1'}) REMOVE p.categories, p.doi", {}, { database: config.database });
      const [p1] = await store.getPapers(['p1']);
      expect(p1).toMatchObject({ id: 'p1', title: 'BERT for Question Answering', categories: [], doi: null });
      expect((await store.listPapers({ first: 20, fields: ['categories', 'doi'] })).items.find((p) => p.id === 'p1')).toMatchObject({
        categories: [],
        doi: null,
      });
    });

    it('stores dates as Neo4j dates and mention offsets as integers', async () => {
      store = await neo4jStore();
      await store.upsertPapers(corpus());
      const { records } = await admin.executeQuery(
        `MATCH (p:Paper {id: 'p1'})-[r:MENTIONS]->(c:Concept {id: 'method:bert'})
         RETURN valueType(p.published) AS published, valueType(r.mentionStarts) AS starts,
                valueType(r.mentionEnds) AS ends, valueType(r.confidence) AS confidence`,
        {},
        { database: config.database },
      );
      expect(records[0]?.toObject()).toEqual({
        published: 'DATE NOT NULL',
        starts: 'LIST<INTEGER NOT NULL> NOT NULL',
        ends: 'LIST<INTEGER NOT NULL> NOT NULL',
        confidence: 'FLOAT NOT NULL',
      });
    });

    it('a cached cooccurrence matrix follows writes by other processes too, from the write log, however far behind', async () => {
      const logLines: string[] = [];
      const logger = createLogger({ level: 'debug', destination: new Writable({
          write: (chunk, _encoding, done) => {
            logLines.push(String(chunk));
            done();
          },
        }) });
      store = await neo4jStore({ logger });
      await store.upsertPapers(corpus());
      const other = createNeo4jStore({ config, logger: createSilentLogger() });
      const computed = () => logLines.filter((line) => line.includes('cooccurrence computed')).length;
      const memory = createMemoryStore();
      await memory.upsertPapers(corpus());
      const ask = (s: GraphStore) => s.cooccurrence({ rowType: 'METHOD', columnType: 'DATASET', first: 3 });
      const both = async (write: (s: GraphStore) => Promise<unknown>, writer: GraphStore = other) => {
        await write(writer);
        await write(memory);
      };
      const bert = { id: 'method:bert', name: 'BERT', type: 'METHOD' } as const;
      const imagenet = { id: 'dataset:imagenet', name: 'ImageNet', type: 'DATASET' } as const;
      const paper = (id: string) => makePaper({ id, title: `BERT on ImageNet ${id}`, abstract: 'BERT on ImageNet.' }, [bert, imagenet]);
      try {
        await ask(store);
        await both((s) => s.upsertPapers([paper('o1')]));
        await both((s) => s.upsertPapers([paper('o2')]), store);
        expect(await ask(store)).toEqual(await ask(memory));
        await both((s) => s.deletePaper('o1'));
        expect(await ask(store)).toEqual(await ask(memory));
        expect(await ask(other)).toEqual(await ask(memory));
        // Computed once; the writes since were applied to it.
        expect(computed()).toBe(1);
        // More writes than the log keeps: computed again, still right; the log stays bounded.
        for (let i = 0; i < 40; i++) await both((s) => s.upsertPapers([paper(`many${i % 3}`)]));
        expect(await ask(store)).toEqual(await ask(memory));
        expect(computed()).toBe(2);
        const { records } = await admin.executeQuery('MATCH (g:GraphWrite) RETURN count(g) AS n', {}, { database: config.database });
        expect(neo4j.integer.toNumber(records[0]?.get('n'))).toBeLessThanOrEqual(32);
      } finally {
        await other.close();
      }
    });

    it('rolls the whole batch back when the database refuses part of it', async () => {
      store = await neo4jStore({ batchSize: 1 });
      await store.upsertPapers(corpus().slice(0, 2));
      const before = await store.stats();
      // A constraint our writes do not expect makes the second paper of the batch fail inside the transaction,
      // after the first has been written in it.
      await admin.executeQuery('CREATE CONSTRAINT test_unique_abstract IF NOT EXISTS FOR (p:Paper) REQUIRE p.abstract IS UNIQUE', {}, { database: config.database });
      try {
        const a = makePaper({ id: 'new-a', title: 'LoRA', abstract: 'Same abstract.' }, [{ id: 'method:lora', name: 'LoRA', type: 'METHOD' }]);
        const b = makePaper({ id: 'new-b', title: 'ROUGE', abstract: 'Same abstract.' }, [{ id: 'metric:rouge', name: 'ROUGE', type: 'METRIC' }]);
        const error = await store.upsertPapers([a, b]).catch((e: unknown) => e);
        expect(error).toBeInstanceOf(PapergraphError);
        expect((error as PapergraphError).code).toBe('INTERNAL_SERVER_ERROR');
        expect((error as PapergraphError).cause).toBeDefined();
      } finally {
        await admin.executeQuery('DROP CONSTRAINT test_unique_abstract IF EXISTS', {}, { database: config.database });
      }
      expect(await store.getPapers(['new-a', 'new-b'])).toEqual([null, null]);
      expect(await store.getConcepts(['method:lora', 'metric:rouge'])).toEqual([null, null]);
      expect(await store.stats()).toEqual(before);
    });
  });

  describe('errors', () => {
    it('reports GRAPH_UNAVAILABLE when nothing listens, and ping answers false', async () => {
      const port = await closedPort();
      const store = createNeo4jStore({
        config: { ...config, uri: `bolt://127.0.0.1:${port}` },
        logger: createSilentLogger(),
        maxTransactionRetryTime: 0,
      });
      try {
        expect(await store.ping()).toBe(false);
        const error = await store.stats().catch((e: unknown) => e);
        expect(error).toBeInstanceOf(PapergraphError);
        expect((error as PapergraphError).code).toBe('GRAPH_UNAVAILABLE');
        expect((error as PapergraphError).message).toContain(`127.0.0.1:${port}`);
        const writeError = await store.upsertPapers(corpus()).catch((e: unknown) => e);
        expect((writeError as PapergraphError).code).toBe('GRAPH_UNAVAILABLE');
      } finally {
        await store.close();
      }
    });

    it('reports GRAPH_UNAVAILABLE naming NEO4J_USER/NEO4J_PASSWORD when credentials are refused', async () => {
      // An unknown user, so the real user is never locked out by failed attempts.
      const store = createNeo4jStore({
        config: { ...config, user: 'papergraph-no-such-user', password: 'wrong' },
        logger: createSilentLogger(),
        maxTransactionRetryTime: 0,
      });
      try {
        const error = await store.listConcepts({ first: 1 }).catch((e: unknown) => e);
        expect((error as PapergraphError).code).toBe('GRAPH_UNAVAILABLE');
        expect((error as PapergraphError).message).toContain('NEO4J_USER/NEO4J_PASSWORD');
      } finally {
        await store.close();
      }
    });
  });
});
