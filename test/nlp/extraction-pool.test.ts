import { createExtractionPool, extractConcepts, ExtractionRefusedError } from '../../src/nlp/index.js';

const paper = { title: 'X-Net', abstract: 'We propose X-Net and evaluate it on ImageNet.' };

describe('createExtractionPool', () => {
  it('extracts off the event loop, with the same result as in this thread', async () => {
    // A loaded test machine must not turn this into a test of the time bound.
    const pool = createExtractionPool({ timeoutMillis: 120_000 });
    try {
      let ticks = 0;
      const timer = setInterval(() => ticks++, 1);
      const result = await pool.extract({ title: '', abstract: 'x '.repeat(10_000) });
      clearInterval(timer);
      expect(result.concepts).toEqual([]);
      // This thread kept running timers while the worker extracted.
      expect(ticks).toBeGreaterThan(0);
      expect(await pool.extract(paper)).toEqual(extractConcepts(paper));
    } finally {
      await pool.close();
    }
  });

  it('stops an extraction past its time bound, refuses it as TIMEOUT, and keeps serving with a new worker', async () => {
    const pool = createExtractionPool({ timeoutMillis: 1 });
    try {
      // Far more than 1 ms of work; the warm-up is not counted against it.
      const error = await pool.extract({ title: '', abstract: 'GPT-4 on ImageNet-64 with ViT. '.repeat(600) }).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(ExtractionRefusedError);
      expect((error as ExtractionRefusedError).reason).toBe('TIMEOUT');
    } finally {
      await pool.close();
    }
    const roomy = createExtractionPool({ timeoutMillis: 60_000 });
    try {
      expect(await roomy.extract(paper)).toEqual(extractConcepts(paper));
    } finally {
      await roomy.close();
    }
  });

  it('refuses extractions beyond its queue as BUSY instead of piling them up', async () => {
    const pool = createExtractionPool({ maxQueue: 2, timeoutMillis: 120_000 });
    try {
      const results = await Promise.allSettled([1, 2, 3, 4].map(() => pool.extract(paper)));
      const refused = results.filter((r) => r.status === 'rejected');
      expect(refused).toHaveLength(2);
      for (const r of refused) expect(((r as PromiseRejectedResult).reason as ExtractionRefusedError).reason).toBe('BUSY');
      expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(2);
    } finally {
      await pool.close();
    }
  });

  it('refuses work after close', async () => {
    const pool = createExtractionPool();
    await pool.close();
    await expect(pool.extract(paper)).rejects.toMatchObject({ reason: 'CLOSED' });
  });
});
