import { describe, expect, it } from '@jest/globals';
import { scoreRelated, selectExpansion } from '../../src/graph/index.js';

const c = (conceptId: string, paperCount: number) => ({ conceptId, paperCount });

describe('selectExpansion', () => {
  it('expands every non-hub concept, unbounded, and never a hub when a rarer concept exists', () => {
    expect(selectExpansion([c('m:hub', 50), c('t:b', 3), c('d:a', 10)], 10)).toEqual({ conceptIds: ['d:a', 't:b'], limit: null });
  });

  it('expands only the least common hub, ties by id, with the fanout as limit, when all are hubs', () => {
    expect(selectExpansion([c('m:z', 40), c('m:y', 20), c('m:x', 20)], 10)).toEqual({ conceptIds: ['m:x'], limit: 10 });
  });

  it('expands nothing for a paper without concepts', () => {
    expect(selectExpansion([], 10)).toEqual({ conceptIds: [], limit: null });
  });
});

describe('scoreRelated', () => {
  it('scores an identical concept set 1 and ranks ties by paper id', () => {
    const source = [c('a', 2), c('b', 5)];
    const results = scoreRelated({
      totalPapers: 10,
      source,
      candidates: [
        { paperId: 'y', concepts: source },
        { paperId: 'x', concepts: [c('b', 5), c('a', 2)] },
        { paperId: 'z', concepts: [c('q', 1)] },
      ],
      first: 5,
    });
    expect(results.map((r) => [r.paperId, r.score])).toEqual([
      ['x', 1],
      ['y', 1],
    ]);
    expect(results[0]?.shared).toEqual([
      { conceptId: 'a', weight: Math.log(1 + 10 / 2) },
      { conceptId: 'b', weight: Math.log(1 + 10 / 5) },
    ]);
  });

  it('lets a rare shared concept outweigh a common one', () => {
    const results = scoreRelated({
      totalPapers: 100,
      source: [c('rare', 2), c('common', 90)],
      candidates: [
        { paperId: 'shares-common', concepts: [c('common', 90), c('other', 2)] },
        { paperId: 'shares-rare', concepts: [c('rare', 2), c('other', 2)] },
      ],
      first: 5,
    });
    expect(results.map((r) => r.paperId)).toEqual(['shares-rare', 'shares-common']);
  });

  it('applies minShared and first', () => {
    const input = {
      totalPapers: 10,
      source: [c('a', 2), c('b', 3)],
      candidates: [
        { paperId: 'one', concepts: [c('a', 2)] },
        { paperId: 'two', concepts: [c('a', 2), c('b', 3)] },
      ],
    };
    expect(scoreRelated({ ...input, first: 5, minShared: 2 }).map((r) => r.paperId)).toEqual(['two']);
    expect(scoreRelated({ ...input, first: 1 }).map((r) => r.paperId)).toEqual(['two']);
    expect(scoreRelated({ ...input, first: 0 })).toEqual([]);
  });
});
