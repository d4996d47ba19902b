import { createGraphQLExecutor, type GraphQLExecutor } from '../../src/api/index.js';
import { createSilentLogger } from '../../src/config/index.js';
import { createMemoryStore, createNeo4jStore, ingestPapers, type GraphStore } from '../../src/graph/index.js';
import { readPapers, type PaperRecord } from '../../src/ingest/index.js';
import { clearNeo4jDatabase, neo4jTestConfig } from './neo4j-test-env.js';

/** The seed corpus ingested into the embedded store and into the (emptied) test Neo4j, each behind its own executor. */
export interface SeedCorpusStores {
  papers: PaperRecord[];
  memory: GraphStore;
  graph: GraphStore;
  onMemory: GraphQLExecutor;
  onNeo4j: GraphQLExecutor;
  close(): Promise<void>;
}

/** For the tests that hold both stores to the same answers on real data. */
export async function createSeedCorpusStores(): Promise<SeedCorpusStores> {
  await clearNeo4jDatabase();
  const { papers } = await readPapers('seeds/trending-attention-papers.txt');
  const memory = createMemoryStore();
  const graph = createNeo4jStore({ config: neo4jTestConfig, logger: createSilentLogger() });
  for (const store of [memory, graph]) {
    await store.init();
    await ingestPapers(store, papers);
  }
  const onMemory = createGraphQLExecutor({ store: memory });
  const onNeo4j = createGraphQLExecutor({ store: graph });
  return {
    papers,
    memory,
    graph,
    onMemory,
    onNeo4j,
    async close() {
      await Promise.all([onMemory.stop(), onNeo4j.stop()]);
      await Promise.all([memory.close(), graph.close()]);
    },
  };
}
