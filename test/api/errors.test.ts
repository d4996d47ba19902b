import { createGraphQLExecutor, startServer } from '../../src/api/index.js';
import { PapergraphError } from '../../src/errors/index.js';
import type { GraphStore } from '../../src/graph/index.js';
import { createCapturingLogger, createSeededStore } from './fixtures.js';

/** The seeded store, with `stats` and `getPapers` replaced by ones that throw `error`. */
async function storeFailingWith(error: unknown): Promise<GraphStore> {
  const store = await createSeededStore();
  const fail = () => Promise.reject(error);
  return new Proxy(store, {
    get: (target, property, receiver) =>
      property === 'stats' || property === 'getPapers' ? fail : Reflect.get(target, property, receiver),
  });
}

describe('error handling', () => {
  it('masks an unexpected error in the response and logs it whole', async () => {
    const { logger, lines } = createCapturingLogger();
    const secret = new Error('connect ECONNREFUSED bolt://neo4j:s3cret@10.0.0.7');
    const executor = createGraphQLExecutor({ store: await storeFailingWith(secret), logger });
    const result = await executor.execute({ query: `{ paper(id: "bert") { id } topConcepts(first: 1) { name } }` });
    await executor.stop();

    expect(result.data).toEqual({ paper: null, topConcepts: [{ name: 'Transformer' }] });
    expect(result.errors).toEqual([
      { message: 'Internal server error', locations: [{ line: 1, column: 3 }], path: ['paper'], extensions: { code: 'INTERNAL_SERVER_ERROR' } },
    ]);
    expect(JSON.stringify(result)).not.toContain('s3cret');
    const logged = lines().find((line) => line['level'] === 50);
    expect(logged).toMatchObject({ path: ['paper'], err: { message: secret.message } });
    expect(String((logged?.['err'] as { stack?: string }).stack)).toContain('ECONNREFUSED');
  });

  it('masks a PapergraphError coded INTERNAL_SERVER_ERROR too', async () => {
    const executor = createGraphQLExecutor({
      store: await storeFailingWith(new PapergraphError('INTERNAL_SERVER_ERROR', 'invariant broken: detail')),
    });
    const result = await executor.execute({ query: `{ stats { papers } }` });
    await executor.stop();
    expect(result.errors?.[0]).toMatchObject({ message: 'Internal server error', extensions: { code: 'INTERNAL_SERVER_ERROR' } });
  });

  it('passes a PapergraphError through with its code, message and details', async () => {
    const executor = createGraphQLExecutor({
      store: await storeFailingWith(
        new PapergraphError('GRAPH_UNAVAILABLE', 'Neo4j does not answer', { details: { retryable: true } }),
      ),
    });
    const result = await executor.execute({ query: `{ stats { papers } }` });
    await executor.stop();
    expect(result.errors?.[0]).toMatchObject({
      message: 'Neo4j does not answer',
      path: ['stats'],
      extensions: { code: 'GRAPH_UNAVAILABLE', retryable: true },
    });
  });

  it('sets extensions.code on every error', async () => {
    const executor = createGraphQLExecutor({ store: await storeFailingWith(new TypeError('x is undefined')) });
    const queries = [
      `{ stats { papers } }`,
      `{ papers(first: 500) { totalCount } }`,
      `{ nope }`,
      `{ papers(`,
      `query($n: Int!) { papers(first: $n) { totalCount } }`,
      `mutation { deletePaper(id: "x") }`,
    ];
    for (const query of queries) {
      const result = await executor.execute({ query });
      expect(result.errors?.length).toBeGreaterThan(0);
      for (const error of result.errors ?? []) expect(typeof error.extensions?.['code']).toBe('string');
    }
    await executor.stop();
  });

  describe('client mistakes are BAD_USER_INPUT, never INTERNAL_SERVER_ERROR, and are not logged as errors', () => {
    it.each([
      ['a document of 20,000 nested lists', { query: `{ papers(anyConcepts: ${'['.repeat(20_000)}) { totalCount } }` }],
      ['a subscription, which the schema does not serve', { query: 'subscription { stats { papers } }' }],
      [
        'more than 50 bad variable values',
        { query: 'query($ids: [ID!]!) { papers(anyConcepts: $ids) { totalCount } }', variables: { ids: Array.from({ length: 60 }, () => null) } },
      ],
    ])('%s', async (_name, operation) => {
      const { logger, lines } = createCapturingLogger();
      const executor = createGraphQLExecutor({ store: await createSeededStore(), logger });
      const result = await executor.execute(operation);
      await executor.stop();
      expect(result.errors?.length).toBeGreaterThan(0);
      for (const error of result.errors ?? []) expect(error.extensions?.['code']).toBe('BAD_USER_INPUT');
      expect(lines().filter((line) => Number(line['level']) >= 50)).toEqual([]);
    });

    it('a persisted query whose hash does not match', async () => {
      const { logger, lines } = createCapturingLogger();
      const server = await startServer({
        config: { port: 0, host: '127.0.0.1', apiKey: null, corsOrigins: [] },
        store: await createSeededStore(),
        logger,
      });
      try {
        const response = await fetch(server.url, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({
            query: '{ stats { papers } }',
            extensions: { persistedQuery: { version: 1, sha256Hash: '0'.repeat(64) } },
          }),
        });
        expect(response.status).toBeLessThan(500);
        const body = (await response.json()) as { errors: { extensions: { code: string } }[] };
        expect(body.errors[0]?.extensions.code).toBe('BAD_USER_INPUT');
        expect(lines().filter((line) => Number(line['level']) >= 50)).toEqual([]);
      } finally {
        await server.close();
      }
    });
  });
});
