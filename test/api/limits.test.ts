import { createGraphQLExecutor, type GraphQLExecutor, type GraphQLResponse } from '../../src/api/index.js';
import { createSeededStore } from './fixtures.js';

let executor: GraphQLExecutor;
beforeAll(async () => {
  executor = createGraphQLExecutor({ store: await createSeededStore() });
});
afterAll(() => executor.stop());

function expectRefused(result: GraphQLResponse, message: RegExp): void {
  expect(result.errors?.length).toBeGreaterThan(0);
  expect(result.errors?.[0]?.message).toMatch(message);
  expect(result.errors?.[0]?.extensions?.['code']).toBe('BAD_USER_INPUT');
}

describe('page size', () => {
  it.each([
    ['papers', `{ papers(first: 101) { totalCount } }`],
    ['concepts', `{ concepts(first: 1000) { totalCount } }`],
    ['Concept.papers', `{ concept(id: "method:transformer") { papers(first: 101) { totalCount } } }`],
    ['Concept.related', `{ concept(id: "method:transformer") { related(first: 101) { count } } }`],
    ['Paper.related', `{ paper(id: "bert") { related(first: 101) { score } } }`],
    ['topConcepts', `{ topConcepts(first: 101) { id } }`],
    ['cooccurrence', `{ cooccurrence(rowType: METHOD, columnType: TASK, first: 101) { counts } }`],
    ['negative first', `{ papers(first: -1) { totalCount } }`],
  ])('refuses more than 100 items (or fewer than 0) on %s with BAD_USER_INPUT', async (_field, query) => {
    expectRefused(await executor.execute({ query }), /first must be between 0 and 100/);
  });

  it('accepts exactly 100', async () => {
    const result = await executor.execute({ query: `{ papers(first: 100) { totalCount } }` });
    expect(result).toEqual({ data: { papers: { totalCount: 5 } } });
  });

  it('refuses minShared below 0', async () => {
    expectRefused(await executor.execute({ query: `{ paper(id: "bert") { related(minShared: -1) { score } } }` }), /minShared/);
  });
});

describe('cursors', () => {
  it.each(['garbage', 'b2Zmc2V0Oi0x' /* offset:-1 */, 'MTA' /* "10" */, '', 'b2Zmc2V0OjE='])(
    'refuses after: %j with BAD_USER_INPUT',
    async (after) => {
      const result = await executor.execute({ query: `query($after: String) { papers(after: $after) { totalCount } }`, variables: { after } });
      expectRefused(result, /not a valid cursor/);
    },
  );
});

describe('operation limits', () => {
  it('refuses an operation nested deeper than the depth limit', async () => {
    const deep = `{ papers { edges { node { concepts { concept { papers { edges { node { concepts { concept {
      papers { edges { node { id } } } } } } } } } } } } } }`;
    const result = await executor.execute({ query: deep });
    expectRefused(result, /depth limit of 12 exceeded/);
    expect(result.errors?.[0]?.extensions?.['limit']).toBe('maxDepth');
    expect(result.data).toBeUndefined();
  });

  it('refuses an operation with too many aliases', async () => {
    const query = `{ ${Array.from({ length: 21 }, (_, i) => `a${i}: stats { papers }`).join(' ')} }`;
    const result = await executor.execute({ query });
    expectRefused(result, /^Aliases limit of 20 exceeded/);
    expect(result.errors?.[0]?.extensions?.['limit']).toBe('maxAliases');
  });

  it('refuses an operation whose estimated cost is over the limit, counting page sizes from variables', async () => {
    const query = `query($n: Int) { papers(first: $n) { edges { node { related(first: 100) { paper { related(first: 100) { paper { id } } } } } } } }`;
    const refused = await executor.execute({ query, variables: { n: 100 } });
    expectRefused(refused, /Query cost \d+ exceeds the limit of 10000/);
    expect(refused.errors?.[0]?.extensions).toMatchObject({ limit: 'maxCost', maxCost: 10000 });
    expect(refused.data).toBeUndefined();
    const accepted = await executor.execute({ query, variables: { n: 0 } });
    expect(accepted.errors).toBeUndefined();
  });

  it('accepts a full page of papers with their concepts and mentions', async () => {
    const result = await executor.execute({
      query: `{ papers(first: 100) { edges { cursor node { id title concepts { role concept { id name } mentions { field start end text } } } } } }`,
    });
    expect(result.errors).toBeUndefined();
  });

  it('refuses a document with too many tokens', async () => {
    const query = `{ ${Array.from({ length: 6000 }, () => '__typename').join(' ')} }`;
    const result = await executor.execute({ query });
    expectRefused(result, /contains more than 5000 tokens/);
    expect(result.errors?.[0]?.extensions?.['limit']).toBe('maxTokens');
  });

  it('still answers introspection', async () => {
    const result = await executor.execute({ query: `{ __schema { types { name fields { name args { name } } } } }` });
    expect(result.errors).toBeUndefined();
  });

  it('suggests the field a misspelt one was meant to be', async () => {
    const result = await executor.execute({ query: `{ stats { paper } }` });
    expect(result.errors?.[0]?.message).toMatch(/Did you mean "papers"\?/);
  });

  it('answers GraphQL syntax and validation errors as BAD_USER_INPUT, with the stage as the reason', async () => {
    const result = await executor.execute({ query: `{ nope }` });
    expect(result.errors?.[0]?.extensions).toEqual({ code: 'BAD_USER_INPUT', reason: 'GRAPHQL_VALIDATION_FAILED' });
    const syntax = await executor.execute({ query: `{ papers ` });
    expect(syntax.errors?.[0]?.extensions).toEqual({ code: 'BAD_USER_INPUT', reason: 'GRAPHQL_PARSE_FAILED' });
  });
});

describe('extract', () => {
  const text = 'We propose X-Net and evaluate it on ImageNet. '.repeat(430).slice(0, 19_990);

  it('costs in proportion to its text, so a request cannot ask for many long extractions', async () => {
    const two = await executor.execute({
      query: `query($t: String!) { a: extract(text: $t) { concepts { name } } b: extract(text: $t) { concepts { name } } }`,
      variables: { t: text.slice(0, 4_000) },
    });
    expect(two.errors).toBeUndefined();
    const query = `query($t: String!) { ${[1, 2, 3].map((i) => `e${i}: extract(text: $t) { concepts { name } }`).join(' ')} }`;
    const refused = await executor.execute({ query, variables: { t: text } });
    expectRefused(refused, /Query cost \d+ exceeds the limit of 10000/);
    expect(refused.errors?.[0]?.extensions).toMatchObject({ limit: 'maxCost' });
  });
});

describe('introspection and suggestions as configuration', () => {
  let locked: GraphQLExecutor;
  beforeAll(async () => {
    locked = createGraphQLExecutor({ store: await createSeededStore(), config: { introspection: false, suggestions: false } });
  });
  afterAll(() => locked.stop());

  it('refuses introspection when it is turned off', async () => {
    const result = await locked.execute({ query: `{ __schema { types { name } } }` });
    expect(result.errors?.[0]?.message).toMatch(/introspection/i);
    expect(result.errors?.[0]?.extensions?.['code']).toBe('BAD_USER_INPUT');
  });

  it('names no other field when suggestions are turned off', async () => {
    const result = await locked.execute({ query: `{ stats { paper } }` });
    expect(result.errors?.[0]?.message).not.toMatch(/Did you mean/);
    expect(result.errors?.[0]?.extensions?.['code']).toBe('BAD_USER_INPUT');
  });
});
