import type { GraphQLExecutor } from '../../src/api/index.js';
import { QUERY_EXAMPLES } from '../../web/graphiql/examples.js';
import { describeNeo4j } from '../support/neo4j-test-env.js';
import { createSeedCorpusStores, type SeedCorpusStores } from '../support/seed-corpus-stores.js';
import { explorerOperations } from './page-operations.js';

describeNeo4j('the browser pages on both stores (seed corpus)', () => {
  let onMemory: GraphQLExecutor;
  let onNeo4j: GraphQLExecutor;

  let stores: SeedCorpusStores | undefined;

  beforeAll(async () => {
    stores = await createSeedCorpusStores();
    ({ onMemory, onNeo4j } = stores);
  });

  afterAll(async () => {
    await stores?.close();
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
