import { describe, expect, it } from '@jest/globals';
import { QUERY_TERM_MAX_SHARE, isTooCommon, queryTerms } from '../../src/graph/bm25.js';
import {
  TERM_SAMPLE_DRIFT,
  commonTerms,
  countTerms,
  createCommonTermsCache,
  isSampleCurrent,
} from '../../src/graph/neo4j/common-terms.js';
import type { TermSample } from '../../src/graph/neo4j/common-terms.js';
import { seededRandom } from '../../bench/synthetic-corpus.js';

describe('isTooCommon', () => {
  it('leaves out a term only when strictly more than the share of the papers have it', () => {
    expect(isTooCommon(8, 10, 0.8)).toBe(false);
    expect(isTooCommon(9, 10, 0.8)).toBe(true);
    expect(isTooCommon(1, 1, QUERY_TERM_MAX_SHARE)).toBe(true);
    expect(isTooCommon(0, 0, QUERY_TERM_MAX_SHARE)).toBe(false);
  });
});

describe('queryTerms', () => {
  it('drops the terms leaveOut names before counting and capping', () => {
    const tokens = ['we', 'we', 'we', 'sparse', 'attention', 'the', 'sparse'];
    expect(queryTerms(tokens, (term) => term === 'we')).toEqual([
      { term: 'attention', count: 1 },
      { term: 'sparse', count: 2 },
    ]);
    expect(queryTerms(tokens).map((t) => t.term)).toEqual(['attention', 'sparse', 'we']);
  });
});

describe('countTerms and commonTerms', () => {
  it('count each paper once per term and name the terms in more than the share of the sampled papers', () => {
    const sample = countTerms(['we we propose sparse', 'we show', 'we propose', '', 'dense  we'], 5);
    expect(sample.sampled).toBe(5);
    expect(sample.papersWith.get('we')).toBe(4);
    expect(sample.papersWith.get('propose')).toBe(2);
    expect(sample.papersWith.has('')).toBe(false);
    expect(commonTerms(sample, 0.6)).toEqual(['we']);
    expect(commonTerms(sample, 0.3)).toEqual(['propose', 'we']);
    expect(commonTerms(sample, 0.8)).toEqual([]);
  });

  it('estimate from a random sample of a big corpus within the stated error', () => {
    // 100k papers, "common" in 85% of them and "rare" in 10%: in a sample of 2,000 (standard error about 0.8
    // points) "common" is above the threshold (0.8) every time, "rare" never.
    const random = seededRandom(7);
    let misses = 0;
    for (let round = 0; round < 20; round += 1) {
      const texts = Array.from({ length: 2_000 }, () =>
        [random() < 0.85 ? 'common' : '', random() < 0.1 ? 'rare' : '', 'x'].join(' '),
      );
      const terms = commonTerms(countTerms(texts, 100_000), 0.8);
      if (!terms.includes('common') || terms.includes('rare')) misses += 1;
    }
    expect(misses).toBe(0);
  });
});

describe('isSampleCurrent', () => {
  const whole: TermSample = { totalPapers: 100, sampled: 100, papersWith: new Map() };
  const partial: TermSample = { totalPapers: 100_000, sampled: 2_000, papersWith: new Map() };

  it('keeps a whole-graph sample only while the paper count is the same', () => {
    expect(isSampleCurrent(whole, 100)).toBe(true);
    expect(isSampleCurrent(whole, 101)).toBe(false);
    expect(isSampleCurrent(whole, 99)).toBe(false);
  });

  it('keeps a partial sample while the count moves by at most the drift', () => {
    const drift = TERM_SAMPLE_DRIFT * 100_000;
    expect(isSampleCurrent(partial, 100_000 + drift)).toBe(true);
    expect(isSampleCurrent(partial, 100_000 - drift)).toBe(true);
    expect(isSampleCurrent(partial, 100_000 + drift + 1)).toBe(false);
  });
});

describe('createCommonTermsCache', () => {
  function counting(samples: TermSample[]) {
    let reads = 0;
    const cache = createCommonTermsCache(async () => samples[Math.min(reads++, samples.length - 1)] as TermSample, 0.5);
    return { cache, reads: () => reads };
  }
  const small = (terms: Record<string, number>, n: number): TermSample => ({ totalPapers: n, sampled: n, papersWith: new Map(Object.entries(terms)) });
  const big = (terms: Record<string, number>): TermSample => ({ totalPapers: 100_000, sampled: 2_000, papersWith: new Map(Object.entries(terms)) });

  it('reads a sample once, and again when a query sees the paper count move', async () => {
    const { cache, reads } = counting([small({ we: 3, sparse: 1 }, 4), small({ we: 3, sparse: 3 }, 4)]);
    expect(await cache.terms()).toEqual(['we']);
    expect(await cache.terms()).toEqual(['we']);
    cache.observe(4);
    expect(reads()).toBe(1);
    cache.observe(5);
    expect(await cache.terms()).toEqual(['sparse', 'we']);
    expect(reads()).toBe(2);
  });

  it('reads a whole-graph sample again after any write of this process', async () => {
    const { cache, reads } = counting([small({ we: 3 }, 4), small({ we: 1 }, 4)]);
    expect(await cache.terms()).toEqual(['we']);
    cache.wrote(1);
    expect(await cache.terms()).toEqual([]);
    expect(reads()).toBe(2);
  });

  it('reads a partial sample again only once this process wrote more than the drift', async () => {
    const { cache, reads } = counting([big({ we: 1_500 }), big({ we: 10 })]);
    expect(await cache.terms()).toEqual(['we']);
    cache.wrote(TERM_SAMPLE_DRIFT * 100_000);
    expect(await cache.terms()).toEqual(['we']);
    expect(reads()).toBe(1);
    cache.wrote(1);
    expect(await cache.terms()).toEqual([]);
    expect(reads()).toBe(2);
  });

  it('does not keep a sample read while this process wrote', async () => {
    let release: (sample: TermSample) => void = () => {};
    let reads = 0;
    const cache = createCommonTermsCache(
      () => {
        reads += 1;
        return reads === 1 ? new Promise<TermSample>((resolve) => (release = resolve)) : Promise.resolve(small({ we: 1 }, 4));
      },
      0.5,
    );
    const during = cache.terms();
    cache.wrote(1);
    release(small({ we: 4 }, 4));
    expect(await during).toEqual(['we']);
    expect(await cache.terms()).toEqual([]);
    expect(reads).toBe(2);
  });
});
