import { parse, validate } from 'graphql';
import { getComplexity } from 'graphql-query-complexity';
import { createApiSchema, createGraphQLExecutor, type GraphQLExecutor } from '../../src/api/index.js';
import { estimateFieldCost } from '../../src/api/create-query-limits.js';
import { QUERY_EXAMPLES } from '../../web/graphiql/examples.js';
import { createSeededStore } from '../api/fixtures.js';
import { explorerOperations } from './page-operations.js';

const EXPLORER_OPERATIONS = explorerOperations({ paperId: 'flashattention-2', conceptId: 'method:transformer' });

const API_KEY = 'page-key-0123456789abcdef';
/** The server's default cost limit (`QueryLimitsOptions.maxCost`). */
const MAX_COST = 10_000;

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
