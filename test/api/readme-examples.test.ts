import { readFileSync } from 'node:fs';
import { PassThrough, Readable } from 'node:stream';
import { text } from 'node:stream/consumers';
import { createGraphQLExecutor } from '../../src/api/index.js';
import { main } from '../../src/cli/main.js';
import { createMemoryStore, ingestPapers } from '../../src/graph/index.js';
import { readPapers } from '../../src/ingest/index.js';

const readme = readFileSync('README.md', 'utf8');
const examples = [...readme.matchAll(/```graphql\n([\s\S]*?)```/g)].map((match) => match[1]!);

/** What `npm start` ingests (package.json's start script), so the examples answer as a new user sees them. */
const START_INPUTS = ['seeds/trending-attention-papers.txt', 'examples/dated-papers.jsonl'];

async function startCorpusStore() {
  const store = createMemoryStore();
  await store.init();
  for (const path of START_INPUTS) await ingestPapers(store, (await readPapers(path)).papers);
  return store;
}

describe('the README', () => {
  it('has GraphQL examples', () => {
    expect(examples.length).toBeGreaterThanOrEqual(3);
  });

  it('starts on the corpus these tests use', () => {
    const start = (JSON.parse(readFileSync('package.json', 'utf8')) as { scripts: Record<string, string> }).scripts['start'];
    expect(start).toContain(`--ingest seeds ${START_INPUTS[1]}`);
  });

  it.each(examples.map((query, index) => [index + 1, query] as const))(
    'example %i answers without errors on the start corpus',
    async (_index, query) => {
      const executor = createGraphQLExecutor({ store: await startCorpusStore() });
      try {
        const response = await executor.execute({ query });
        expect(response.errors).toBeUndefined();
        expect(response.data).toBeTruthy();
        // A dashboard example that shows a timeline must show one.
        if (query.includes('timeline')) expect(JSON.stringify(response.data)).toMatch(/"period":"\d{4}/);
      } finally {
        await executor.stop();
      }
    },
  );

  it('shows exactly what `papergraph extract` prints for its CLI example', async () => {
    const match = /\$ echo '([^']*)' \| npx papergraph extract -\n(.*)\n```/.exec(readme);
    expect(match).not.toBeNull();
    const [, input, shown] = match as unknown as [string, string, string];
    const stdout = new PassThrough();
    const printed = text(stdout);
    const code = await main(['node', 'papergraph', 'extract', '-'], {
      stdout,
      stderr: new PassThrough(),
      stdin: Readable.from([`${input}\n`]),
      env: { LOG_LEVEL: 'silent' },
    });
    stdout.end();
    expect(code).toBe(0);
    expect((await printed).trim()).toBe(shown);
  });
});
