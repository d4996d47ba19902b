import { extractConcepts, extractConceptsParallel } from '../../src/nlp/index.js';
import { readPapers } from '../../src/ingest/index.js';

const { papers: seeds } = await readPapers(new URL('../../seeds/trending-attention-papers.txt', import.meta.url).pathname);

describe('extractConceptsParallel', () => {
  it('returns results in input order, equal to one-by-one extraction', async () => {
    // Reversed and repeated so that slice boundaries and order both matter.
    const inputs = [...seeds, ...[...seeds].reverse()].map((p, i) => ({ ...p, title: `${i}. ${p.title}` }));
    // Small chunks and no minimum per worker, so the pool (or its in-thread fallback) handles many chunks.
    const out = await extractConceptsParallel(inputs, { workers: 3, minPerWorker: 1, chunkSize: 7 });
    expect(out).toHaveLength(inputs.length);
    expect(out).toEqual(inputs.map((p) => extractConcepts(p)));
  });

  it('runs a batch too small to pay for threads in this thread, with the same results', async () => {
    const few = seeds.slice(0, 5);
    expect(await extractConceptsParallel(few, { workers: 2 })).toEqual(few.map((p) => extractConcepts(p)));
  });

  it('handles an empty batch and a single worker', async () => {
    expect(await extractConceptsParallel([])).toEqual([]);
    expect(await extractConceptsParallel(seeds.slice(0, 2), { workers: 1 })).toEqual(seeds.slice(0, 2).map((p) => extractConcepts(p)));
  });
});
