import { createGraphQLExecutor } from '../../src/api/index.js';
import { countingStore, createSeededStore } from './fixtures.js';

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
    // getRelatedPapers is one call per paper (it ranks from one paper); what they return is loaded in batches.
    expect(counting.calls.get('getRelatedPapers')).toBe(5);
    expect(counting.calls.get('getPapers') ?? 0).toBeLessThanOrEqual(1);
    expect(counting.calls.get('getConcepts')).toBe(1);
  });

  it('does not share loader caches between operations', async () => {
    const counting = countingStore(await createSeededStore());
    const executor = createGraphQLExecutor({ store: counting.store });
    await executor.execute({ query: `{ paper(id: "bert") { title } }` });
    await executor.execute({ query: `{ paper(id: "bert") { title } }` });
    await executor.stop();
    expect(counting.calls.get('getPapers')).toBe(2);
  });
});
