import { parse, validate } from 'graphql';
import { createApiSchema, createGraphQLExecutor } from '../../src/api/index.js';
import { QUERY_PAGE_EXAMPLES, renderQueryPage } from '../../src/api/render-query-page.js';
import { createSeededStore } from './fixtures.js';

describe('query page', () => {
  it('offers examples that are valid against the schema and run without errors', async () => {
    const schema = createApiSchema();
    const executor = createGraphQLExecutor({ store: await createSeededStore(), config: { apiKey: 'page-key-0123456789abc' } });
    for (const example of QUERY_PAGE_EXAMPLES) {
      expect(validate(schema, parse(example.query)).map((e) => `${example.name}: ${e.message}`)).toEqual([]);
      const result = await executor.execute({
        query: example.query,
        ...(example.variables ? { variables: example.variables } : {}),
        apiKey: 'page-key-0123456789abc',
      });
      expect([example.name, result.errors]).toEqual([example.name, undefined]);
    }
    await executor.stop();
  });

  it('embeds the examples so no script can be closed early', () => {
    const html = renderQueryPage();
    const script = html.slice(html.indexOf('<script>') + '<script>'.length, html.lastIndexOf('</script>'));
    expect(script).not.toContain('</');
  });
});
