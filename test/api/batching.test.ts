import { MAX_RELATED_PAPERS_BATCH, loaderFamily } from '../../src/api/create-loaders.js';
import { createGraphQLExecutor } from '../../src/api/index.js';
import type { GraphStore } from '../../src/graph/index.js';
import { countingStore, createGeneratedStore, createSeededStore } from './fixtures.js';

describe('DataLoader batching', () => {
  const PAGE = `query($first: Int) { papers(first: $first) { edges { node { id title
    concepts { role concept { id name aliases paperCount broader { id } } } } } } }`;

  it('resolves a page of papers with their concepts in a bounded number of store calls, not one per paper', async () => {
    const counting = countingStore(await createSeededStore());
    const executor = createGraphQLExecutor({ store: counting.store });
    const callsFor = async (first: number) => {
      counting.reset();
      const result = await executor.execute({ query: PAGE, variables: { first } });
      expect(result.errors).toBeUndefined();
      expect((result.data as any).papers.edges).toHaveLength(Math.min(first, 5));
      return Object.fromEntries(counting.calls);
    };
    const one = await callsFor(1);
    const all = await callsFor(100);
    await executor.stop();
    // One call per kind of lookup: the page, the papers' links, the linked concepts, and their broader concepts
    // (one level deeper, and only those not already loaded).
    expect(all).toMatchObject({ listPapers: 1, getPaperConcepts: 1 });
    expect(all['getConcepts']).toBeLessThanOrEqual(2);
    expect(Object.keys(all).sort()).toEqual(['getConcepts', 'getPaperConcepts', 'listPapers']);
    const total = (calls: Record<string, number>) => Object.values(calls).reduce((a, b) => a + b, 0);
    expect(total(all)).toBeLessThanOrEqual(total(one) + 1);
  });

  it('batches the papers and concepts of related-paper results across papers', async () => {
    const counting = countingStore(await createSeededStore());
    const executor = createGraphQLExecutor({ store: counting.store });
    const result = await executor.execute({
      query: `{ papers { nodes { related(first: 5) { paper { title } shared { name } } } } }`,
    });
    await executor.stop();
    expect(result.errors).toBeUndefined();
    expect(counting.calls.get('getRelatedPapers')).toBe(1);
    expect(counting.calls.get('getPapers') ?? 0).toBeLessThanOrEqual(1);
    expect(counting.calls.get('getConcepts')).toBe(1);
  });

  it('resolves related papers and every concept neighbourhood field of a page in the same store calls for 1 or 100 papers', async () => {
    const counting = countingStore(await createGeneratedStore(150));
    // 100 papers with all these lists cost far more than the default limit allows; the count is what matters.
    const executor = createGraphQLExecutor({ store: counting.store, limits: { maxCost: 1_000_000 } });
    const NEIGHBOURHOODS = `query($first: Int) { papers(first: $first) { nodes { id
      related(first: 5) { score paper { id } shared { id } }
      concepts { concept { id
        related(first: 3) { count concept { id } }
        papers(first: 2) { totalCount nodes { id } }
        timeline(granularity: YEAR) { period count }
        narrower { id }
      } } } } }`;
    const callsFor = async (first: number) => {
      counting.reset();
      const result = await executor.execute({ query: NEIGHBOURHOODS, variables: { first } });
      expect(result.errors).toBeUndefined();
      const nodes = (result.data as any).papers.nodes;
      expect(nodes).toHaveLength(first);
      // Not vacuous: every paper has related papers, and some concept has narrower concepts.
      expect(nodes.every((paper: any) => paper.related.length > 0)).toBe(true);
      expect(nodes.some((paper: any) => paper.concepts.some((link: any) => link.concept.narrower.length > 0))).toBe(true);
      return Object.fromEntries(counting.calls);
    };
    const one = await callsFor(1);
    const hundred = await callsFor(100);
    await executor.stop();
    const batched = { getRelatedConcepts: 1, getConceptPapers: 1, conceptTimeline: 1, getNarrowerConcepts: 1 };
    expect(one).toMatchObject({ getRelatedPapers: 1, ...batched });
    // Related papers come in batches of at most MAX_RELATED_PAPERS_BATCH sources, each one bounded transaction.
    const relatedCalls = Math.ceil(100 / MAX_RELATED_PAPERS_BATCH);
    expect(hundred).toMatchObject({ listPapers: 1, getPaperConcepts: 1, getRelatedPapers: relatedCalls, ...batched });
    const total = (calls: Record<string, number>) => Object.values(calls).reduce((a, b) => a + b, 0);
    // Only the by-id lookups (getPapers, getConcepts) can differ, by how many ids earlier calls already loaded.
    expect(total(hundred) - (relatedCalls - 1)).toBeLessThanOrEqual(total(one) + 1);
  });

  it('makes one store call per distinct argument set of a field, however many parents ask', async () => {
    const counting = countingStore(await createGeneratedStore(60));
    const executor = createGraphQLExecutor({ store: counting.store, limits: { maxCost: 1_000_000 } });
    const result = await executor.execute({
      query: `query($first: Int) { papers(first: $first) { nodes {
        top: related(first: 2) { score }
        more: related(first: 5) { score }
        typed: related(first: 5, types: [TASK, METHOD], minShared: 1) { score }
        concepts { concept { years: timeline { count } months: timeline(granularity: MONTH) { count } } }
      } } }`,
      variables: { first: MAX_RELATED_PAPERS_BATCH },
    });
    await executor.stop();
    expect(result.errors).toBeUndefined();
    expect(counting.calls.get('getRelatedPapers')).toBe(3);
    expect(counting.calls.get('conceptTimeline')).toBe(2);
  });

  it('gives each distinct argument set its own loader, nested values included', async () => {
    type Args = { page: { first: number }; types?: string[] };
    const batches: Args[] = [];
    const family = loaderFamily(async (ids, args: Args) => {
      batches.push(args);
      return ids.map(() => args);
    });
    const a: Args = { page: { first: 1 } };
    const b: Args = { page: { first: 2 } };
    const c: Args = { page: { first: 2 }, types: ['METHOD'] };
    const answers = await Promise.all([
      family.load('x', a),
      family.load('x', b),
      family.load('x', c),
      family.load('y', { page: { first: 1 } }),
    ]);
    expect(answers).toEqual([a, b, c, a]);
    expect(batches).toEqual([a, b, c]);
  });

  it('does not share loader caches between operations', async () => {
    const counting = countingStore(await createSeededStore());
    const executor = createGraphQLExecutor({ store: counting.store });
    await executor.execute({ query: `{ paper(id: "bert") { title } }` });
    await executor.execute({ query: `{ paper(id: "bert") { title } }` });
    await executor.stop();
    expect(counting.calls.get('getPapers')).toBe(2);
  });

  /** A store that records the arguments of each call. */
  function recordingStore(store: GraphStore): { store: GraphStore; args: Map<string, unknown[][]> } {
    const args = new Map<string, unknown[][]>();
    const proxy = new Proxy(store, {
      get(target, property, receiver) {
        const value = Reflect.get(target, property, receiver) as unknown;
        if (typeof value !== 'function') return value;
        return (...callArgs: unknown[]) => {
          args.set(String(property), [...(args.get(String(property)) ?? []), callArgs]);
          return (value as (...a: unknown[]) => unknown).apply(target, callArgs);
        };
      },
    });
    return { store: proxy, args };
  }

  it('reads only the paper properties a page selects, and still answers whole papers asked by id', async () => {
    const recording = recordingStore(await createSeededStore());
    const executor = createGraphQLExecutor({ store: recording.store });
    const page = await executor.execute({
      query: `{ papers(first: 3) { nodes { id title concepts { role } } }
                paper(id: "bert") { abstract } }`,
    });
    const whole = await executor.execute({ query: `{ papers(first: 3) { nodes { ...all } } } fragment all on Paper { id title abstract url published authors categories doi codeLinks }` });
    await executor.stop();
    expect(page.errors).toBeUndefined();
    expect(recording.args.get('listPapers')?.[0]?.[0]).toMatchObject({ fields: ['title'] });
    expect(recording.args.get('listPapers')?.[1]?.[0]).not.toHaveProperty('fields');
    expect((page.data as any).paper.abstract.length).toBeGreaterThan(20);
    expect((whole.data as any).papers.nodes.every((p: any) => p.abstract.length > 0)).toBe(true);
  });

  it('reads conceptByName with its first papers in one store call', async () => {
    const counting = countingStore(await createSeededStore());
    const executor = createGraphQLExecutor({ store: counting.store });
    const query = `query($name: String!, $first: Int) { conceptByName(name: $name) { id paperCount
      papers(first: $first) { totalCount nodes { id title } pageInfo { endCursor } } } }`;
    const result = await executor.execute({ query, variables: { name: 'BERT', first: 2 } });
    expect(result.errors).toBeUndefined();
    expect(Object.fromEntries(counting.calls)).toEqual({ findConceptByName: 1 });
    const concept = (result.data as any).conceptByName;
    expect(concept.papers.nodes).toHaveLength(Math.min(2, concept.paperCount));
    counting.reset();
    const separate = await executor.execute({ query: `{ concept(id: "${concept.id}") { papers(first: 2) { totalCount nodes { id title } pageInfo { endCursor } } } }` });
    await executor.stop();
    expect((separate.data as any).concept.papers).toEqual(concept.papers);
  });
});
