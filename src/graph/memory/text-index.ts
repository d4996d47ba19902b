import { bm25Idf, createBm25Scorer, encodeLength } from '../bm25.js';
import type { QueryTerm, TextStatistics } from '../bm25.js';
import { compareStrings } from '../compare.js';
import { lowerBound } from './sorted-numbers.js';

/** A document's BM25 score for a query. */
export interface TextHit {
  paperId: string;
  score: number;
}

/**
 * The embedded store's one inverted index over its papers' search terms: it answers `papers(query)` (which papers
 * have a term) and ranks related papers by Lucene's BM25 (see `bm25.ts`) over each paper's terms, repeats
 * counted, so it ranks like Neo4j's full-text index. Documents are the store's paper slots. Compact: terms are
 * interned to numbers and each posting list is a pair of typed arrays (slots ascending, term counts). Removing a
 * document takes its tokens again (the store still has its text), so the index keeps no per-document term list.
 */
export interface TextIndex {
  /** Indexes the tokens of the paper in slot `doc` (a slot already indexed must be removed first). */
  add(doc: number, paperId: string, tokens: readonly string[]): void;
  /** Removes the paper in slot `doc`, given the tokens it was added with. */
  remove(doc: number, tokens: readonly string[]): void;
  /**
   * The best `limit` documents for the query, each term boosted by its count: score descending, then paper id;
   * `exclude` (the source paper) is left out, and only papers in `among` are scored when it is given.
   */
  search(query: readonly QueryTerm[], limit: number, exclude?: string, among?: ReadonlySet<string>): TextHit[];
  /** Number of documents containing the term. */
  documentFrequency(term: string): number;
  /** The slots of the documents containing the term, ascending (a view: read it before the next write). */
  documents(term: string): ArrayLike<number>;
  /** Whether the document in slot `doc` contains the term. */
  contains(term: string, doc: number): boolean;
  statistics(): TextStatistics;
}

interface Postings {
  docs: Int32Array;
  freqs: Uint16Array;
  length: number;
}

const grow = <T extends Int32Array | Uint16Array | Uint8Array>(array: T, needed: number, make: (n: number) => T): T => {
  if (needed <= array.length) return array;
  const next = make(Math.max(needed, Math.ceil(array.length * 1.5), 2));
  next.set(array);
  return next;
};

const NO_DOCS = new Int32Array(0);

export function createTextIndex(): TextIndex {
  const termIds = new Map<string, number>();
  const postings: Postings[] = [];
  /** By slot; null where no document is indexed. */
  const paperIds: (string | null)[] = [];
  let norms = new Uint8Array(64);
  let docCount = 0;
  let sumLength = 0;

  function termId(term: string): number {
    let id = termIds.get(term);
    if (id === undefined) {
      id = postings.length;
      termIds.set(term, id);
      postings.push({ docs: new Int32Array(2), freqs: new Uint16Array(2), length: 0 });
    }
    return id;
  }

  const counts = (tokens: readonly string[]) => {
    const result = new Map<string, number>();
    for (const token of tokens) result.set(token, (result.get(token) ?? 0) + 1);
    return result;
  };

  const postingsOf = (term: string): Postings | undefined => {
    const id = termIds.get(term);
    return id === undefined ? undefined : postings[id];
  };

  return {
    add(doc, paperId, tokens) {
      if (tokens.length === 0) return;
      while (paperIds.length <= doc) paperIds.push(null);
      paperIds[doc] = paperId;
      norms = grow(norms, doc + 1, (n) => new Uint8Array(n));
      norms[doc] = encodeLength(tokens.length);
      docCount += 1;
      sumLength += tokens.length;
      for (const [term, freq] of counts(tokens)) {
        const list = postings[termId(term)] as Postings;
        list.docs = grow(list.docs, list.length + 1, (n) => new Int32Array(n));
        list.freqs = grow(list.freqs, list.length + 1, (n) => new Uint16Array(n));
        // New papers take new slots, so this is an append except when a paper is rewritten in its old slot.
        const at = list.length > 0 && (list.docs[list.length - 1] as number) > doc ? lowerBound(list.docs, list.length, doc) : list.length;
        list.docs.copyWithin(at + 1, at, list.length);
        list.freqs.copyWithin(at + 1, at, list.length);
        list.docs[at] = doc;
        list.freqs[at] = Math.min(freq, 0xffff);
        list.length += 1;
      }
    },

    remove(doc, tokens) {
      if (paperIds[doc] === null || paperIds[doc] === undefined) return;
      paperIds[doc] = null;
      docCount -= 1;
      sumLength -= tokens.length;
      for (const term of counts(tokens).keys()) {
        const list = postingsOf(term);
        if (list === undefined) continue;
        const at = lowerBound(list.docs, list.length, doc);
        if (at >= list.length || list.docs[at] !== doc) continue;
        list.docs.copyWithin(at, at + 1, list.length);
        list.freqs.copyWithin(at, at + 1, list.length);
        list.length -= 1;
      }
    },

    search(query, limit, exclude, among) {
      if (limit <= 0 || docCount === 0) return [];
      const score = createBm25Scorer({ docCount, sumLength });
      const sums = new Float64Array(paperIds.length);
      const touched: number[] = [];
      for (const { term, count } of query) {
        const list = postingsOf(term);
        if (list === undefined || list.length === 0) continue;
        const idf = bm25Idf(docCount, list.length);
        for (let i = 0; i < list.length; i += 1) {
          const doc = list.docs[i] as number;
          if (sums[doc] === 0) touched.push(doc);
          sums[doc] = (sums[doc] as number) + score(count, idf, list.freqs[i] as number, norms[doc] as number);
        }
      }
      const hits: TextHit[] = [];
      for (const doc of touched) {
        const paperId = paperIds[doc] as string;
        if (paperId !== exclude && (among === undefined || among.has(paperId))) {
          hits.push({ paperId, score: Math.fround(sums[doc] as number) });
        }
      }
      return hits.sort((a, b) => b.score - a.score || compareStrings(a.paperId, b.paperId)).slice(0, limit);
    },

    documentFrequency: (term) => postingsOf(term)?.length ?? 0,

    documents(term) {
      const list = postingsOf(term);
      return list === undefined ? NO_DOCS : list.docs.subarray(0, list.length);
    },

    contains(term, doc) {
      const list = postingsOf(term);
      if (list === undefined) return false;
      const at = lowerBound(list.docs, list.length, doc);
      return at < list.length && list.docs[at] === doc;
    },

    statistics: () => ({ docCount, sumLength }),
  };
}
