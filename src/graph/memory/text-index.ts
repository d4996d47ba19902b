import { bm25Idf, createBm25Scorer, encodeLength } from '../bm25.js';
import type { QueryTerm, TextStatistics } from '../bm25.js';
import { compareStrings } from '../compare.js';

/** A document's BM25 score for a query. */
export interface TextHit {
  paperId: string;
  score: number;
}

/**
 * The embedded store's inverted index for related papers: Lucene's BM25 (see `bm25.ts`) over each paper's
 * search terms, repeats counted, so it ranks like Neo4j's full-text index. Compact: terms are interned to
 * numbers and each posting list is a pair of typed arrays (document numbers, term counts); documents are
 * numbered in write order and a removed one is only marked, its postings dropped when dead entries outnumber
 * live ones. Removing a document takes its tokens again (the store still has its text), so the index keeps no
 * per-document term list.
 */
export interface TextIndex {
  /** Indexes a document's tokens (a document already indexed must be removed first). */
  add(paperId: string, tokens: readonly string[]): void;
  /** Removes a document, given the tokens it was added with. */
  remove(paperId: string, tokens: readonly string[]): void;
  /**
   * The best `limit` documents for the query, each term boosted by its count: score descending, then paper id;
   * `exclude` (the source paper) is left out.
   */
  search(query: readonly QueryTerm[], limit: number, exclude?: string): TextHit[];
  /** Number of documents containing the term. */
  documentFrequency(term: string): number;
  statistics(): TextStatistics;
}

interface Postings {
  docs: Int32Array;
  freqs: Uint16Array;
  length: number;
}

const grow = <T extends Int32Array | Uint16Array | Uint8Array>(array: T, needed: number, make: (n: number) => T): T => {
  if (needed <= array.length) return array;
  const next = make(Math.max(needed, Math.ceil(array.length * 1.5), 4));
  next.set(array);
  return next;
};

export function createTextIndex(): TextIndex {
  const termIds = new Map<string, number>();
  const postings: Postings[] = [];
  let docFreqs = new Int32Array(64);
  const docNumbers = new Map<string, number>();
  /** By document number; null once removed. */
  const paperIds: (string | null)[] = [];
  let norms = new Uint8Array(64);
  let docCount = 0;
  let sumLength = 0;
  let dead = 0;

  function termId(term: string): number {
    let id = termIds.get(term);
    if (id === undefined) {
      id = postings.length;
      termIds.set(term, id);
      postings.push({ docs: new Int32Array(2), freqs: new Uint16Array(2), length: 0 });
      docFreqs = grow(docFreqs, id + 1, (n) => new Int32Array(n));
    }
    return id;
  }

  const counts = (tokens: readonly string[]) => {
    const result = new Map<string, number>();
    for (const token of tokens) result.set(token, (result.get(token) ?? 0) + 1);
    return result;
  };

  /** Drops removed documents from every posting list and renumbers the live ones densely. */
  function compact(): void {
    const renumber = new Int32Array(paperIds.length).fill(-1);
    let next = 0;
    const live: string[] = [];
    const liveNorms = new Uint8Array(Math.max(64, docCount));
    paperIds.forEach((id, doc) => {
      if (id === null) return;
      renumber[doc] = next;
      liveNorms[next] = norms[doc] as number;
      docNumbers.set(id, next);
      live.push(id);
      next += 1;
    });
    for (const list of postings) {
      let k = 0;
      for (let i = 0; i < list.length; i += 1) {
        const doc = renumber[list.docs[i] as number] as number;
        if (doc < 0) continue;
        list.docs[k] = doc;
        list.freqs[k] = list.freqs[i] as number;
        k += 1;
      }
      list.length = k;
    }
    paperIds.length = 0;
    paperIds.push(...live);
    norms = liveNorms;
    dead = 0;
  }

  return {
    add(paperId, tokens) {
      if (tokens.length === 0) return;
      const doc = paperIds.length;
      paperIds.push(paperId);
      docNumbers.set(paperId, doc);
      norms = grow(norms, doc + 1, (n) => new Uint8Array(n));
      norms[doc] = encodeLength(tokens.length);
      docCount += 1;
      sumLength += tokens.length;
      for (const [term, freq] of counts(tokens)) {
        const id = termId(term);
        const list = postings[id] as Postings;
        list.docs = grow(list.docs, list.length + 1, (n) => new Int32Array(n));
        list.freqs = grow(list.freqs, list.length + 1, (n) => new Uint16Array(n));
        list.docs[list.length] = doc;
        list.freqs[list.length] = Math.min(freq, 0xffff);
        list.length += 1;
        docFreqs[id] = (docFreqs[id] as number) + 1;
      }
    },

    remove(paperId, tokens) {
      const doc = docNumbers.get(paperId);
      if (doc === undefined) return;
      docNumbers.delete(paperId);
      paperIds[doc] = null;
      docCount -= 1;
      sumLength -= tokens.length;
      for (const term of counts(tokens).keys()) {
        const id = termIds.get(term);
        if (id !== undefined) docFreqs[id] = (docFreqs[id] as number) - 1;
      }
      dead += 1;
      if (dead > docCount && dead > 1_000) compact();
    },

    search(query, limit, exclude) {
      if (limit <= 0 || docCount === 0) return [];
      const score = createBm25Scorer({ docCount, sumLength });
      const sums = new Float64Array(paperIds.length);
      const touched: number[] = [];
      for (const { term, count } of query) {
        const id = termIds.get(term);
        if (id === undefined || docFreqs[id] === 0) continue;
        const idf = bm25Idf(docCount, docFreqs[id] as number);
        const list = postings[id] as Postings;
        for (let i = 0; i < list.length; i += 1) {
          const doc = list.docs[i] as number;
          if (paperIds[doc] === null) continue;
          if (sums[doc] === 0) touched.push(doc);
          sums[doc] = (sums[doc] as number) + score(count, idf, list.freqs[i] as number, norms[doc] as number);
        }
      }
      const hits: TextHit[] = [];
      for (const doc of touched) {
        const paperId = paperIds[doc] as string;
        if (paperId !== exclude) hits.push({ paperId, score: Math.fround(sums[doc] as number) });
      }
      return hits.sort((a, b) => b.score - a.score || compareStrings(a.paperId, b.paperId)).slice(0, limit);
    },

    documentFrequency(term) {
      const id = termIds.get(term);
      return id === undefined ? 0 : (docFreqs[id] as number);
    },

    statistics: () => ({ docCount, sumLength }),
  };
}
