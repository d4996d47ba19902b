import { parse, validate } from 'graphql';
import { getComplexity } from 'graphql-query-complexity';
import { createApiSchema, createGraphQLExecutor, type GraphQLExecutor } from '../../src/api/index.js';
import { estimateFieldCost } from '../../src/api/create-query-limits.js';
import { QUERY_EXAMPLES } from '../../web/graphiql/examples.js';
import * as explorer from '../../web/explore/queries.js';
import { createSeededStore } from '../api/fixtures.js';

const API_KEY = 'page-key-0123456789abcdef';
/** The server's default cost limit (`QueryLimitsOptions.maxCost`). */
const MAX_COST = 10_000;

/** Every operation the explorer sends, with the largest variables it sends them with. */
const EXPLORER_OPERATIONS: { name: string; query: string; variables: Record<string, unknown> }[] = [
  { name: 'search papers', query: explorer.SEARCH_PAPERS, variables: { query: 'attention', conceptTypes: ['METHOD'], first: explorer.PAGE_SIZE } },
  { name: 'search concepts', query: explorer.SEARCH_CONCEPTS, variables: { query: 'flash', type: 'METHOD', first: explorer.PAGE_SIZE } },
  { name: 'related paper fields', query: explorer.RELATED_PAPER_FIELDS, variables: {} },
  { name: 'type fields', query: explorer.TYPE_FIELDS, variables: { name: 'SharedConcept' } },
  { name: 'paper', query: explorer.paperQuery(), variables: { id: 'flashattention-2', related: 10 } },
  { name: 'concept', query: explorer.CONCEPT, variables: { id: 'method:transformer', first: explorer.PAGE_SIZE } },
  { name: 'concept papers', query: explorer.CONCEPT_PAPERS, variables: { id: 'method:transformer', first: explorer.PAGE_SIZE } },
  { name: 'paper neighbourhood', query: explorer.PAPER_NEIGHBOURHOOD, variables: { id: 'flashattention-2', related: 8 } },
  { name: 'concept neighbourhood', query: explorer.CONCEPT_NEIGHBOURHOOD, variables: { id: 'method:transformer', papers: 20, related: 15 } },
  { name: 'dashboard', query: explorer.DASHBOARD, variables: { top: 8, matrix: 10 } },
];

describe('the operations the browser pages send', () => {
  const schema = createApiSchema();
  let executor: GraphQLExecutor;

  beforeAll(async () => {
    executor = createGraphQLExecutor({ store: await createSeededStore(), config: { apiKey: API_KEY } });
  });
  afterAll(() => executor.stop());

  it.each(QUERY_EXAMPLES.map((example) => [/(?:query|mutation) (\w+)/.exec(example.query)?.[1] ?? example.query, example] as const))(
    'GraphiQL tab "%s" is valid and runs without errors',
    async (_name, example) => {
      expect(validate(schema, parse(example.query)).map((e) => e.message)).toEqual([]);
      const result = await executor.execute({ query: example.query, variables: example.variables ?? {}, apiKey: API_KEY });
      expect(result.errors).toBeUndefined();
    },
  );

  it('names every GraphiQL tab (GraphiQL titles tabs by operation name)', () => {
    for (const example of QUERY_EXAMPLES) expect(example.query).toMatch(/^(query|mutation) [A-Z]\w+/m);
  });

  it.each(EXPLORER_OPERATIONS.map((operation) => [operation.name, operation] as const))(
    'explorer "%s" is valid, runs without errors and stays within the cost limit',
    async (_name, { query, variables }) => {
      const document = parse(query);
      expect(validate(schema, document).map((e) => e.message)).toEqual([]);
      const cost = getComplexity({ schema, query: document, variables, estimators: [estimateFieldCost] });
      expect(cost).toBeLessThanOrEqual(MAX_COST / 2);
      const result = await executor.execute({ query, variables });
      expect(result.errors).toBeUndefined();
      expect(result.data).toBeTruthy();
    },
  );
});
