import { describe, expect, it } from '@jest/globals';
import { compareConceptRank } from '../../src/graph/compare.js';
import { applyWriteToMatrix, createCooccurrenceCache, matrixAnswer, pairKey } from '../../src/graph/neo4j/cooccurrence-cache.js';
import type { MatrixState, RankedConcept, WriteDelta } from '../../src/graph/neo4j/cooccurrence-cache.js';
import type { ConceptType } from '../../src/nlp/index.js';
import { seededRandom } from '../../bench/synthetic-corpus.js';

/** A graph as papers → concept ids; a concept's type is its id's prefix, its name the id upper-cased. */
type Graph = Map<string, string[]>;

const typeOf = (id: string): ConceptType => (id.startsWith('m') ? 'METHOD' : 'DATASET');

function ranked(graph: Graph, type: ConceptType): RankedConcept[] {
  const counts = new Map<string, number>();
  for (const concepts of graph.values()) for (const id of concepts) if (typeOf(id) === type) counts.set(id, (counts.get(id) ?? 0) + 1);
  return [...counts].map(([id, paperCount]) => ({ id, name: id.toUpperCase(), paperCount })).sort(compareConceptRank);
}

/** The matrix computed from scratch, as the store's query does. */
function compute(graph: Graph, rowType: ConceptType, columnType: ConceptType, first: number): MatrixState {
  const rows = ranked(graph, rowType).slice(0, first);
  const columns = ranked(graph, columnType).slice(0, first);
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

/** Writes `papers` (null deletes), returning the delta the Neo4j store would report. */
function write(graph: Graph, papers: Map<string, string[] | null>, watched: Set<string>, version: number): WriteDelta {
  const touched: WriteDelta['touched'] = new Map();
  const ids = new Set<string>();
  const changes = [...papers].map(([paperId, after]) => {
    const before = graph.get(paperId) ?? [];
    for (const id of [...before, ...(after ?? [])]) ids.add(id);
    if (after === null) graph.delete(paperId);
    else graph.set(paperId, after);
    return { before: before.filter((id) => watched.has(id)), after: after ?? [] };
  });
  const all = [...ranked(graph, 'METHOD'), ...ranked(graph, 'DATASET')];
  for (const id of ids) {
    const now = all.find((c) => c.id === id);
    (touched as Map<string, unknown>).set(id, now === undefined ? null : { ...now, type: typeOf(id) });
  }
  return { versionBefore: `e:${version}`, versionAfter: `e:${version + 1}`, watched, papers: changes, touched };
}

function randomPaper(rand: () => number): string[] {
  // Skewed choice of 1–4 concepts from 6 methods and 5 datasets, so ranks change now and then.
  const pick = (prefix: string, n: number) => `${prefix}${Math.floor(n * rand() * rand())}`;
  const concepts = new Set<string>();
  for (let i = 1 + Math.floor(rand() * 4); i > 0; i--) concepts.add(rand() < 0.55 ? pick('m', 6) : pick('d', 5));
  return [...concepts];
}

describe('cooccurrence cache', () => {
  it('a matrix brought forward by random writes equals the matrix computed again, or is dropped', () => {
    const rand = seededRandom(3);
    let applied = 0;
    let dropped = 0;
    for (let trial = 0; trial < 60; trial++) {
      const graph: Graph = new Map();
      for (let i = 0; i < 8; i++) graph.set(`p${i}`, randomPaper(rand));
      const shapes: [ConceptType, ConceptType, number][] = [
        ['METHOD', 'DATASET', 3],
        ['METHOD', 'METHOD', 2],
        ['DATASET', 'METHOD', 9],
      ];
      for (const [rowType, columnType, first] of shapes) {
        let state: MatrixState = compute(graph, rowType, columnType, first);
        for (let step = 0; step < 10; step++) {
          const watched = new Set([...state.rows, ...state.columns].map((c) => c.id));
          const papers = new Map<string, string[] | null>();
          for (let i = Math.floor(rand() * 3); i >= 0; i--) {
            const id = `p${Math.floor(rand() * 11)}`;
            papers.set(id, rand() < 0.2 ? null : randomPaper(rand));
          }
          const next = applyWriteToMatrix(state, write(graph, papers, watched, step));
          const fresh = compute(graph, rowType, columnType, first);
          if (next === null) {
            // What the store does: compute it again.
            dropped += 1;
            state = fresh;
            continue;
          }
          applied += 1;
          expect(matrixAnswer(next)).toEqual(matrixAnswer(fresh));
          state = next;
        }
      }
    }
    // Both paths ran: the test is not vacuous.
    expect(applied).toBeGreaterThan(300);
    expect(dropped).toBeGreaterThan(100);
  });

  it('a write after another writer (version not the cached one) empties the cache', () => {
    const graph: Graph = new Map([['p0', ['m0', 'd0']]]);
    const cache = createCooccurrenceCache();
    expect(cache.get('e:1', 'k')).toBeUndefined();
    cache.set('e:1', 'k', compute(graph, 'METHOD', 'DATASET', 2));
    expect(cache.get('e:1', 'k')).toBeDefined();
    const delta = write(graph, new Map([['p1', ['m0', 'd0']]]), cache.watched(), 2);
    cache.applyWrite(delta);
    expect(cache.get('e:3', 'k')).toBeUndefined();
  });

  it('a write right after the cached version moves the cached matrix to the new version', () => {
    const graph: Graph = new Map([['p0', ['m0', 'd0']]]);
    const cache = createCooccurrenceCache();
    cache.get('e:1', 'k');
    cache.set('e:1', 'k', compute(graph, 'METHOD', 'DATASET', 2));
    cache.applyWrite(write(graph, new Map([['p1', ['m0', 'd0', 'd1']]]), cache.watched(), 1));
    const state = cache.get('e:2', 'k');
    expect(state === undefined ? undefined : matrixAnswer(state)).toEqual(matrixAnswer(compute(graph, 'METHOD', 'DATASET', 2)));
  });

  it('a matrix cached after the write collected its links (concepts not watched) is dropped, not guessed', () => {
    const graph: Graph = new Map([['p0', ['m0', 'd0']]]);
    const cache = createCooccurrenceCache();
    cache.get('e:1', 'k');
    const delta = write(graph, new Map([['p0', ['m0']]]), new Set(), 1);
    cache.set('e:1', 'k', compute(new Map([['p0', ['m0', 'd0']]]), 'METHOD', 'DATASET', 2));
    cache.applyWrite(delta);
    expect(cache.get('e:2', 'k')).toBeUndefined();
  });
});
