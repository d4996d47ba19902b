import { createGraphQLExecutor, MAX_INGEST_BATCH } from '../../src/api/index.js';
import { createMemoryStore } from '../../src/graph/index.js';
import { createSeededStore } from './fixtures.js';

const API_KEY = 'test-key-0123456789abcdef';

const INGEST = `mutation($papers: [PaperInput!]!) { ingestPapers(papers: $papers) {
  ingested concepts errors { index message } papers { id title published authors url concepts { concept { id } } } } }`;

const paper = (title: string, extra: Record<string, unknown> = {}) => ({
  title,
  abstract: 'We use a Transformer for language modeling and report perplexity.',
  ...extra,
});

describe('Mutation.ingestPapers', () => {
  it('stores categories and the DOI given, bare and lower-cased, and serves them on Paper', async () => {
    const store = createMemoryStore();
    const executor = createGraphQLExecutor({ store, config: { apiKey: API_KEY } });
    const papers = [
      paper('With both', { id: 'both', categories: ['cs.CL', 'cs.LG'], doi: 'https://doi.org/10.1000/ABC' }),
      paper('With neither', { id: 'neither' }),
      paper('Bad DOI', { doi: 'nope' }),
    ];
    const query = `mutation($papers: [PaperInput!]!) { ingestPapers(papers: $papers) { errors { index message } papers { id categories doi } } }`;
    const result = await executor.execute({ query, variables: { papers }, apiKey: API_KEY });
    expect(result.errors).toBeUndefined();
    expect((result.data as any).ingestPapers).toEqual({
      errors: [{ index: 2, message: 'doi must be a DOI like 10.1234/abc (or https://doi.org/10.1234/abc)' }],
      papers: [
        { id: 'both', categories: ['cs.CL', 'cs.LG'], doi: '10.1000/abc' },
        { id: 'neither', categories: [], doi: null },
      ],
    });
    const read = await executor.execute({ query: `{ papers(first: 5) { nodes { id categories doi } } }` });
    expect((read.data as any).papers.nodes).toEqual([
      { id: 'both', categories: ['cs.CL', 'cs.LG'], doi: '10.1000/abc' },
      { id: 'neither', categories: [], doi: null },
    ]);
    await executor.stop();
  });

  it('writes the valid papers, reports each invalid one by index, and is idempotent', async () => {
    const store = createMemoryStore();
    const executor = createGraphQLExecutor({ store, config: { apiKey: API_KEY } });
    const papers = [
      paper('Good paper one', { id: 'good-1', published: '2024-01-02', authors: ['A. Author'], url: 'https://example.org/1' }),
      { title: '   ', abstract: 'x' },
      paper('Good paper two'),
      paper('Bad date', { published: 'yesterday' }),
    ];
    const first = await executor.execute({ query: INGEST, variables: { papers }, apiKey: API_KEY });
    expect(first.errors).toBeUndefined();
    const result = (first.data as any).ingestPapers;
    expect(result.ingested).toBe(2);
    expect(result.concepts).toBeGreaterThan(0);
    expect(result.errors.map((e: any) => e.index)).toEqual([1, 3]);
    expect(result.errors[0].message).toMatch(/title/);
    expect(result.errors[1].message).toMatch(/published/);
    expect(result.papers.map((p: any) => p.title)).toEqual(['Good paper one', 'Good paper two']);
    expect(result.papers[0]).toMatchObject({ id: 'good-1', published: '2024-01-02', authors: ['A. Author'], url: 'https://example.org/1' });
    expect(result.papers[1].id).toMatch(/\S/);
    expect(result.papers[0].concepts.length).toBeGreaterThan(0);

    const statsBefore = await store.stats();
    const again = await executor.execute({ query: INGEST, variables: { papers }, apiKey: API_KEY });
    expect((again.data as any).ingestPapers.papers).toEqual(result.papers);
    expect(await store.stats()).toEqual(statsBefore);
    await executor.stop();
  });

  it('writes 999 good papers when the 1000th has no title, and reports it by index', async () => {
    const store = createMemoryStore();
    const executor = createGraphQLExecutor({ store, config: { apiKey: API_KEY } });
    const papers: unknown[] = Array.from({ length: 999 }, (_, i) => ({ id: `p${i}`, title: `Paper ${i}`, abstract: 'We use ImageNet.' }));
    papers.push({ abstract: 'No title here.' });
    const query = `mutation($papers: [PaperInput]!) { ingestPapers(papers: $papers) { ingested errors { index message } } }`;
    const result = await executor.execute({ query, variables: { papers }, apiKey: API_KEY });
    expect(result.errors).toBeUndefined();
    expect((result.data as any).ingestPapers).toEqual({ ingested: 999, errors: [{ index: 999, message: 'title is required' }] });
    expect((await store.stats()).papers).toBe(999);
    const nulls = await executor.execute({
      query,
      variables: { papers: [null, { title: 'T', abstract: null }, { title: 'U', abstract: 'A.', authors: ['x', null] }] },
      apiKey: API_KEY,
    });
    expect((nulls.data as any).ingestPapers.errors.map((e: any) => e.index)).toEqual([0, 1, 2]);
    expect((nulls.data as any).ingestPapers.errors[1].message).toBe('abstract is required');
    await executor.stop();
  });

  it('refuses text with an unpaired surrogate, so every store keeps exactly what it was given', async () => {
    const store = createMemoryStore();
    const executor = createGraphQLExecutor({ store, config: { apiKey: API_KEY } });
    const papers = [paper('Lone \uD800 surrogate'), paper('Paired \uD83D\uDE00 emoji'), paper('Fine', { authors: ['\uDC00'] })];
    const result = await executor.execute({ query: INGEST, variables: { papers }, apiKey: API_KEY });
    const ingest = (result.data as any).ingestPapers;
    expect(ingest.errors.map((e: any) => e.index)).toEqual([0, 2]);
    expect(ingest.errors[0].message).toMatch(/unpaired surrogate/);
    expect(ingest.papers.map((p: any) => p.title)).toEqual(['Paired \uD83D\uDE00 emoji']);
    const extract = await executor.execute({ query: `{ extract(text: "a \\uD800 b") { concepts { name } } }` });
    expect(extract.errors?.[0]?.extensions?.['code']).toBe('BAD_USER_INPUT');
    await executor.stop();
  });

  it('refuses a batch larger than the limit with BAD_USER_INPUT and writes nothing', async () => {
    const store = createMemoryStore();
    const executor = createGraphQLExecutor({ store, config: { apiKey: API_KEY } });
    const papers = Array.from({ length: MAX_INGEST_BATCH + 1 }, (_, i) => ({ title: `t${i}`, abstract: 'a' }));
    const result = await executor.execute({ query: INGEST, variables: { papers }, apiKey: API_KEY });
    expect(result.errors?.[0]?.extensions?.['code']).toBe('BAD_USER_INPUT');
    expect(result.errors?.[0]?.message).toMatch(/at most 1000 papers/);
    expect((await store.stats()).papers).toBe(0);
    await executor.stop();
  });
});

describe('Mutation.deletePaper', () => {
  it('removes the paper and the concepts no other paper mentions', async () => {
    const store = await createSeededStore();
    const executor = createGraphQLExecutor({ store, config: { apiKey: API_KEY } });
    const run = (query: string) => executor.execute({ query, apiKey: API_KEY });
    const result = await run(`mutation { deletePaper(id: "attention") }`);
    expect(result).toEqual({ data: { deletePaper: true } });
    const after = await run(`{ paper(id: "attention") { id } bleu: concept(id: "metric:bleu") { id }
      transformer: concept(id: "method:transformer") { paperCount } mt: concept(id: "task:machine-translation") { paperCount } }`);
    expect(after.data).toEqual({ paper: null, bleu: null, transformer: { paperCount: 3 }, mt: { paperCount: 1 } });
    expect(await run(`mutation { deletePaper(id: "attention") }`)).toEqual({ data: { deletePaper: false } });
    await executor.stop();
  });
});

describe('mutation authentication', () => {
  const DELETE = `mutation { deletePaper(id: "attention") }`;

  it.each([
    ['no key', undefined, /need an API key/],
    ['a wrong key', 'wrong-key-0123456789abcdef', /not valid/],
    ['a prefix of the key', API_KEY.slice(0, -1), /not valid/],
  ])('refuses a mutation with %s as UNAUTHENTICATED, before anything is written', async (_label, apiKey, message) => {
    const store = await createSeededStore();
    const executor = createGraphQLExecutor({ store, config: { apiKey: API_KEY } });
    const result = await executor.execute({ query: DELETE, ...(apiKey === undefined ? {} : { apiKey }) });
    expect(result.data).toBeUndefined();
    expect(result.errors).toHaveLength(1);
    expect(result.errors?.[0]?.extensions?.['code']).toBe('UNAUTHENTICATED');
    expect(result.errors?.[0]?.message).toMatch(message);
    expect(await store.getPapers(['attention'])).not.toEqual([null]);
    await executor.stop();
  });

  it('refuses every mutation when no key is configured, saying PAPERGRAPH_API_KEY is not set', async () => {
    const store = await createSeededStore();
    const executor = createGraphQLExecutor({ store, config: { apiKey: null } });
    const result = await executor.execute({ query: DELETE, apiKey: 'anything-at-all-here' });
    expect(result.errors?.[0]?.extensions?.['code']).toBe('UNAUTHENTICATED');
    expect(result.errors?.[0]?.message).toMatch(/PAPERGRAPH_API_KEY is not set/);
    expect(await store.getPapers(['attention'])).not.toEqual([null]);
    await executor.stop();
  });

  it('lets queries through without a key', async () => {
    const executor = createGraphQLExecutor({ store: await createSeededStore(), config: { apiKey: API_KEY } });
    expect(await executor.execute({ query: `{ stats { papers } }` })).toEqual({ data: { stats: { papers: 5 } } });
    await executor.stop();
  });
});
