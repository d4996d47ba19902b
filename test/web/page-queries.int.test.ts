import { createGraphQLExecutor, type GraphQLExecutor } from '../../src/api/index.js';
import { createSilentLogger } from '../../src/config/index.js';
import { createMemoryStore, createNeo4jStore, ingestPapers, type GraphStore } from '../../src/graph/index.js';
import { readPapers } from '../../src/ingest/index.js';
import { QUERY_EXAMPLES } from '../../web/graphiql/examples.js';
import { clearNeo4jDatabase, describeNeo4j, neo4jTestConfig as config } from '../support/neo4j-test-env.js';
import { explorerOperations } from './page-operations.js';

describeNeo4j('the browser pages on both stores (seed corpus)', () => {
  let memory: GraphStore;
  let graph: GraphStore;
  let onMemory: GraphQLExecutor;
  let onNeo4j: GraphQLExecutor;

  beforeAll(async () => {
    await clearNeo4jDatabase();
    const { papers } = await readPapers('seeds/trending-attention-papers.txt');
    memory = createMemoryStore();
    graph = createNeo4jStore({ config, logger: createSilentLogger() });
    for (const store of [memory, graph]) {
      await store.init();
      await ingestPapers(store, papers);
    }
    onMemory = createGraphQLExecutor({ store: memory });
    onNeo4j = createGraphQLExecutor({ store: graph });
  });

  afterAll(async () => {
    await Promise.all([onMemory?.stop(), onNeo4j?.stop()]);
    await Promise.all([memory?.close(), graph?.close()]);
  });

  it('gives the explorer and the GraphiQL tabs the same answers from Neo4j as from the embedded store', async () => {
    const top = await onMemory.execute({ query: '{ papers(first: 1, sort: MOST_CONCEPTS) { nodes { id } } topConcepts(first: 1) { id } }' });
    const data = top.data as { papers: { nodes: { id: string }[] }; topConcepts: { id: string }[] };
    const operations = [
      ...explorerOperations({ paperId: data.papers.nodes[0]!.id, conceptId: data.topConcepts[0]!.id }),
      // Queries only: the mutation tab would write.
      ...QUERY_EXAMPLES.filter((example) => !example.query.includes('mutation ')).map((example) => ({
        name: example.query.split('\n')[0]!,
        query: example.query,
        variables: example.variables ?? {},
      })),
    ];
    for (const { name, query, variables } of operations) {
      const [fromMemory, fromNeo4j] = await Promise.all([onMemory.execute({ query, variables }), onNeo4j.execute({ query, variables })]);
      expect([name, fromMemory.errors]).toEqual([name, undefined]);
      expect([name, fromNeo4j]).toEqual([name, fromMemory]);
    }
  });
});
