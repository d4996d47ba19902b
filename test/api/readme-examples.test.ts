import { readFileSync } from 'node:fs';
import { createGraphQLExecutor } from '../../src/api/index.js';
import { createMemoryStore, ingestPapers } from '../../src/graph/index.js';
import { readPapers } from '../../src/ingest/index.js';

const readme = readFileSync('README.md', 'utf8');
const examples = [...readme.matchAll(/```graphql\n([\s\S]*?)```/g)].map((match) => match[1]!);

describe('the README', () => {
  it('has GraphQL examples', () => {
    expect(examples.length).toBeGreaterThanOrEqual(3);
  });

  it.each(examples.map((query, index) => [index + 1, query] as const))(
    'example %i answers without errors on the seed corpus',
    async (_index, query) => {
      const store = createMemoryStore();
      await store.init();
      await ingestPapers(store, (await readPapers('seeds/trending-attention-papers.txt')).papers);
      const executor = createGraphQLExecutor({ store });
      try {
        const response = await executor.execute({ query });
        expect(response.errors).toBeUndefined();
        expect(response.data).toBeTruthy();
      } finally {
        await executor.stop();
      }
    },
  );
});
