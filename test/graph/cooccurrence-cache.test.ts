import { describe, expect, it } from '@jest/globals';
import { compareConceptRank } from '../../src/graph/compare.js';
import { applyChanges, matrixAnswer, mergeChanges, pairKey } from '../../src/graph/neo4j/cooccurrence-cache.js';
import type { MatrixState, PaperChange, RankedConcept } from '../../src/graph/neo4j/cooccurrence-cache.js';
import type { ConceptType } from '../../src/nlp/index.js';
import { seededRandom } from '../../bench/synthetic-corpus.js';

/** A graph as papers → concept ids; a concept's type is its id's prefix, its name the id upper-cased. */
type Graph = Map<string, string[]>;

const typeOf = (id: string): ConceptType => (id.startsWith('m') ? 'METHOD' : 'DATASET');

function ranked(graph: Graph, type: ConceptType, first: number): RankedConcept[] {
  const counts = new Map<string, number>();
  for (const concepts of graph.values()) for (const id of concepts) if (typeOf(id) === type) counts.set(id, (counts.get(id) ?? 0) + 1);
  return [...counts]
    .map(([id, paperCount]) => ({ id, name: id.toUpperCase(), paperCount }))
    .sort(compareConceptRank)
    .slice(0, first);
}

/** The matrix computed from scratch, as the store's join does. */
function compute(graph: Graph, rowType: ConceptType, columnType: ConceptType, first: number): MatrixState {
  const rows = ranked(graph, rowType, first);
  const columns = ranked(graph, columnType, first);
  const pairs = new Map<string, number>();
  for (const concepts of graph.values()) {
    for (const r of concepts) {
      for (const c of concepts) {
        if (r === c || !rows.some((x) => x.id === r) || !columns.some((x) => x.id === c)) continue;
        pairs.set(pairKey(r, c), (pairs.get(pairKey(r, c)) ?? 0) + 1);
      }
    }
  }
  return { rowType, columnType, first, rows, columns, pairs };
}

/** Writes `papers` (null deletes) and returns what the store logs for that write. */
function write(graph: Graph, papers: Map<string, string[] | null>): PaperChange[] {
  return [...papers].map(([paperId, after]) => {
    const before = graph.get(paperId) ?? [];
    if (after === null) graph.delete(paperId);
    else graph.set(paperId, after);
    return { paperId, before, after: after ?? [] };
  });
}

function randomPaper(rand: () => number): string[] {
  // 1–4 concepts, skewed towards the first of 6 methods and 5 datasets, so ranks change now and then.
  const pick = (prefix: string, n: number) => `${prefix}${Math.floor(n * rand() * rand())}`;
  const concepts = new Set<string>();
  for (let i = 1 + Math.floor(rand() * 4); i > 0; i--) concepts.add(rand() < 0.55 ? pick('m', 6) : pick('d', 5));
  return [...concepts];
}

describe('cooccurrence matrices brought forward from the write log', () => {
  it('equal the matrix computed again after any run of random writes, or are refused when their concepts changed', () => {
    const rand = seededRandom(3);
    let applied = 0;
    let refused = 0;
    const shapes: [ConceptType, ConceptType, number][] = [
      ['METHOD', 'DATASET', 3],
      ['METHOD', 'METHOD', 2],
      ['DATASET', 'METHOD', 9],
    ];
    for (let trial = 0; trial < 60; trial++) {
      const graph: Graph = new Map();
      for (let i = 0; i < 8; i++) graph.set(`p${i}`, randomPaper(rand));
      for (const [rowType, columnType, first] of shapes) {
        let state = compute(graph, rowType, columnType, first);
        for (let step = 0; step < 10; step++) {
          // One to three writes since the matrix was kept, each of one to three papers.
          const log: PaperChange[][] = [];
          for (let w = Math.floor(rand() * 3); w >= 0; w--) {
            const papers = new Map<string, string[] | null>();
            for (let i = Math.floor(rand() * 3); i >= 0; i--) papers.set(`p${Math.floor(rand() * 11)}`, rand() < 0.2 ? null : randomPaper(rand));
            log.push(write(graph, papers));
          }
          const fresh = compute(graph, rowType, columnType, first);
          const next = applyChanges(state, mergeChanges(log), fresh.rows, fresh.columns);
          if (next === null) {
            refused += 1;
            const ids = (list: readonly RankedConcept[]) => list.map((c) => c.id).sort();
            expect([ids(state.rows), ids(state.columns)]).not.toEqual([ids(fresh.rows), ids(fresh.columns)]);
          } else {
            applied += 1;
            expect(matrixAnswer(next)).toEqual(matrixAnswer(fresh));
          }
          // What the store does when refused: compute it again.
          state = next ?? fresh;
        }
      }
    }
    // Both paths ran: the test is not vacuous.
    expect(applied).toBeGreaterThan(300);
    expect(refused).toBeGreaterThan(100);
  });

  it('merging keeps each paper as it was before the first write and after the last', () => {
    expect(
      mergeChanges([
        [{ paperId: 'a', before: ['x'], after: ['y'] }],
        [
          { paperId: 'a', before: ['y'], after: ['z'] },
          { paperId: 'b', before: [], after: ['x'] },
        ],
        [{ paperId: 'b', before: ['x'], after: [] }],
      ]),
    ).toEqual([
      { paperId: 'a', before: ['x'], after: ['z'] },
      { paperId: 'b', before: [], after: [] },
    ]);
  });

  it('is refused when a concept joined the rows: its earlier pairs are not in the log', () => {
    const graph: Graph = new Map([
      ['p0', ['m0', 'd0']],
      ['p1', ['m1', 'd0']],
    ]);
    const state = compute(graph, 'METHOD', 'DATASET', 1);
    const changes = write(graph, new Map([['p2', ['m1']]]));
    const fresh = compute(graph, 'METHOD', 'DATASET', 1);
    expect(fresh.rows.map((c) => c.id)).toEqual(['m1']);
    expect(applyChanges(state, changes, fresh.rows, fresh.columns)).toBeNull();
  });
});
