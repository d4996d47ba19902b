import type { GraphQLExecutor } from '../../src/api/index.js';
import { ingestPapers, type GraphStore } from '../../src/graph/index.js';
import type { PaperRecord } from '../../src/ingest/index.js';
import { describeNeo4j } from '../support/neo4j-test-env.js';
import { createSeedCorpusStores, type SeedCorpusStores } from '../support/seed-corpus-stores.js';

const PAPER_FIELDS = `id title abstract url published authors codeLinks
  concepts { role confidence evidence concept { id name type aliases paperCount } mentions { field start end text } }`;

/** The queries a dashboard, a researcher and a tool would send, run against both stores. */
function queries(paperIds: string[], conceptIds: string[]): { query: string; variables?: Record<string, unknown> }[] {
  return [
    { query: `{ papers(first: 100) { totalCount pageInfo { hasNextPage endCursor } edges { cursor node { ${PAPER_FIELDS} } } } }` },
    { query: '{ papers(first: 7, sort: MOST_CONCEPTS) { edges { node { id } } } }' },
    { query: '{ papers(first: 100, query: "sparse attention") { totalCount edges { node { id } } } }' },
    { query: '{ papers(first: 100, conceptTypes: [DATASET]) { totalCount edges { node { id } } } }' },
    { query: '{ concepts(first: 100) { totalCount edges { node { id name type aliases paperCount broader { id } narrower { id } } } } }' },
    { query: '{ concepts(first: 20, type: METHOD, query: "attention") { totalCount edges { node { id } } } }' },
    { query: '{ stats { papers concepts mentions byType { type count } } }' },
    { query: '{ topConcepts(first: 15) { id name paperCount } }' },
    { query: '{ cooccurrence(rowType: METHOD, columnType: TASK, first: 8) { rows { id } columns { id } cells { row { id } column { id } count } } }' },
    { query: '{ conceptByName(name: "LLMs") { id name } }' },
    ...paperIds.map((id) => ({
      query: 'query($id: ID!) { paper(id: $id) { related(first: 10) { score paper { id } sharedConcepts { concept { id } weight } } } }',
      variables: { id },
    })),
    ...conceptIds.map((id) => ({
      query:
        'query($id: ID!) { concept(id: $id) { papers(first: 100) { totalCount edges { node { id } } } related(first: 10) { count concept { id } } } }',
      variables: { id },
    })),
  ];
}

describeNeo4j('the seed corpus through GraphQL', () => {
  let papers: PaperRecord[];
  let memory: GraphStore;
  let graph: GraphStore;
  let onMemory: GraphQLExecutor;
  let onNeo4j: GraphQLExecutor;

  let stores: SeedCorpusStores | undefined;

  beforeAll(async () => {
    stores = await createSeedCorpusStores();
    ({ papers, memory, graph, onMemory, onNeo4j } = stores);
  });

  afterAll(async () => {
    await stores?.close();
  });

  it('serves all 49 seed papers with concepts whose every mention offset holds', async () => {
    const response = await onNeo4j.execute({ query: `{ papers(first: 100) { totalCount edges { node { ${PAPER_FIELDS} } } } }` });
    expect(response.errors).toBeUndefined();
    type Node = { title: string; abstract: string; concepts: { mentions: { field: 'title' | 'abstract'; start: number; end: number; text: string }[] }[] };
    const result = response.data as { papers: { totalCount: number; edges: { node: Node }[] } };
    expect(result.papers.totalCount).toBe(49);
    let mentions = 0;
    for (const { node } of result.papers.edges) {
      expect(node.concepts.length).toBeGreaterThan(0);
      for (const concept of node.concepts) {
        for (const mention of concept.mentions) {
          expect(node[mention.field].slice(mention.start, mention.end)).toBe(mention.text);
          mentions += 1;
        }
      }
    }
    expect(mentions).toBeGreaterThan(49 * 3);
  });

  it('answers every query identically from Neo4j and from the embedded store', async () => {
    const paperIds = papers.slice(0, 12).map((paper) => paper.id);
    const top = await memory.topConcepts({ first: 8 });
    const list = queries(paperIds, top.map((concept) => concept.id));
    for (const operation of list) {
      const [fromMemory, fromNeo4j] = await Promise.all([onMemory.execute(operation), onNeo4j.execute(operation)]);
      expect(fromMemory.errors).toBeUndefined();
      expect({ operation, answer: fromNeo4j }).toEqual({ operation, answer: fromMemory });
    }
  });

  it('leaves the same graph when the same corpus is ingested again', async () => {
    const statsQuery = { query: '{ stats { papers concepts mentions byType { type count } } }' };
    const before = await onNeo4j.execute(statsQuery);
    await ingestPapers(graph, papers);
    expect(await onNeo4j.execute(statsQuery)).toEqual(before);
  });
});
