import { readFileSync } from 'node:fs';
import { compareStrings } from './compare.js';
import { searchTerms } from './search-terms.js';

/**
 * BM25 exactly as Lucene 9 scores it (`BM25Similarity`, the similarity of Neo4j's full-text indexes), so the
 * embedded store's text index ranks like Neo4j's: k1 1.2, b 0.75, Lucene's idf, its lossy one-byte document
 * length norms, and its float32 arithmetic. What is left between the two stores is the order in which Lucene
 * sums a document's clause scores (in double, rounded once to float) and its deleted documents, which count in
 * its statistics until segments merge.
 */
export const BM25_K1 = 1.2;
export const BM25_B = 0.75;

/** Lucene refuses a query of more than 1,024 clauses: a longer source keeps its most frequent terms. */
export const MAX_QUERY_TERMS = 1_024;

const f = Math.fround;

/** `SmallFloat.longToInt4`: 4 significant bits and an exponent. */
function longToInt4(i: number): number {
  const numBits = 32 - Math.clz32(i);
  if (numBits < 4) return i;
  const shift = numBits - 4;
  return ((i >>> shift) & 0x07) | ((shift + 1) << 3);
}

function int4ToLong(i: number): number {
  const bits = i & 0x07;
  const shift = (i >>> 3) - 1;
  return shift === -1 ? bits : (bits | 0x08) * 2 ** shift;
}

/** 255 − longToInt4(Integer.MAX_VALUE): lengths below this are stored exactly. */
const NUM_FREE_VALUES = 255 - longToInt4(0x7fffffff);

/** `SmallFloat.intToByte4`: the one-byte norm Lucene stores for a document of `length` tokens. */
export function encodeLength(length: number): number {
  return length < NUM_FREE_VALUES ? length : NUM_FREE_VALUES + longToInt4(length - NUM_FREE_VALUES);
}

/** `SmallFloat.byte4ToInt`: the length Lucene scores with. */
export function decodeLength(norm: number): number {
  return norm < NUM_FREE_VALUES ? norm : NUM_FREE_VALUES + int4ToLong(norm - NUM_FREE_VALUES);
}

/** Index-wide statistics of the text field. */
export interface TextStatistics {
  /** Documents with at least one term. */
  docCount: number;
  /** Sum of all documents' lengths in tokens. */
  sumLength: number;
}

/** `BM25Similarity.idf`, as float. */
export function bm25Idf(docCount: number, docFreq: number): number {
  return f(Math.log(1 + (docCount - docFreq + 0.5) / (docFreq + 0.5)));
}

/**
 * Lucene's per-query scorer: `cache[norm]` is 1 / (k1 · (1 − b + b · length / avgdl)) in float, and a term
 * with boost `boost` scores `weight − weight / (1 + freq · cache[norm])`, `weight = boost · idf`.
 */
export function createBm25Scorer(stats: TextStatistics): (boost: number, idf: number, freq: number, norm: number) => number {
  const avgdl = f(stats.docCount === 0 ? 1 : stats.sumLength / stats.docCount);
  const cache = new Float64Array(256);
  for (let i = 0; i < 256; i += 1) {
    cache[i] = f(1 / f(BM25_K1 * f(f(1 - BM25_B) + f(f(BM25_B * decodeLength(i)) / avgdl))));
  }
  return (boost, idf, freq, norm) => {
    const weight = f(boost * idf);
    return f(weight - f(weight / f(1 + f(freq * (cache[norm] as number)))));
  };
}

/** A term of a text query, weighted by how often it occurs in the text (Lucene's boost). */
export interface QueryTerm {
  term: string;
  count: number;
}

/**
 * Words a query leaves out (data/query-stop-words.txt, Lucene's English stop set): in nearly every paper, they
 * add little to a BM25 score but make the index walk nearly every paper's postings, and leaving them out ranks
 * better on both judgment sets (`npm run eval:related`). They stay in the index, so search still finds them.
 */
export const QUERY_STOP_WORDS: readonly string[] = readFileSync(new URL('./data/query-stop-words.txt', import.meta.url), 'utf8')
  .split('\n')
  .map((line) => line.trim())
  .filter((line) => line !== '' && !line.startsWith('#'));

const stopWords = new Set(QUERY_STOP_WORDS);

/**
 * A related-papers text query leaves out the terms found in more than this share of the papers (as Lucene's
 * MoreLikeThis does with its maxDocFreqPct): words nearly every paper has add almost nothing to a BM25 score but
 * make the index walk nearly every paper's postings. The index keeps them (search still finds them), and a pruned
 * term is not in `sharedTerms`. Chosen on the two judgment sets only (`npm run eval:related -- --grid` prints every
 * share tried): 0.8 and 0.85 rank the seed judgments best (hybrid MAP 0.856 against 0.846 with every term) and
 * SciREX's alike, so the lower, which queries fewer terms; 0.7 to 0.95 meet the issue's conditions, 0.6 and below
 * do not (fewer than 80% of the seed papers' top 5 share a concept; lower shares fall on every measure).
 */
export const QUERY_TERM_MAX_SHARE = 0.8;

/** Whether a term in `papers` of `totalPapers` papers is too common for a related-papers query (`maxShare` of them). */
export function isTooCommon(papers: number, totalPapers: number, maxShare = QUERY_TERM_MAX_SHARE): boolean {
  return papers > maxShare * totalPapers;
}

/**
 * The query a text asks: its search terms but `QUERY_STOP_WORDS` (and those `leaveOut` names: the corpus's
 * too common terms), each with its number of occurrences, at most `MAX_QUERY_TERMS` of them (most frequent first,
 * then by term), sorted by term. A paper's whole title and abstract is its query.
 */
export function queryTerms(tokens: readonly string[], leaveOut?: (term: string) => boolean): QueryTerm[] {
  const counts = new Map<string, number>();
  for (const token of tokens) {
    if (!stopWords.has(token) && leaveOut?.(token) !== true) counts.set(token, (counts.get(token) ?? 0) + 1);
  }
  return [...counts]
    .map(([term, count]) => ({ term, count }))
    .sort((a, b) => b.count - a.count || compareStrings(a.term, b.term))
    .slice(0, MAX_QUERY_TERMS)
    .sort((a, b) => compareStrings(a.term, b.term));
}

/** `queryTerms` of a title and a text, tokenized as search tokenizes them. */
export function textQueryTerms(title: string, text: string): QueryTerm[] {
  return queryTerms([...searchTerms(title), ...searchTerms(text)]);
}

/** `query` without the terms `leaveOut` names (a corpus's too common terms, `isTooCommon`): what is asked of the index. */
export function withoutTerms(query: readonly QueryTerm[], leaveOut: (term: string) => boolean): QueryTerm[] {
  return query.filter(({ term }) => !leaveOut(term));
}

/**
 * The full-text index's field of a paper's search terms. The index also holds the paper id (field `id`), so a
 * query names its field.
 */
export const TEXT_FIELD = 'searchText';

/**
 * The Lucene query for `terms`: each term quoted (so no term is syntax) and boosted by its count, OR-ed, in
 * `TEXT_FIELD`. Terms are runs of letters and digits, so they hold no quote or backslash.
 */
export function luceneTextQuery(terms: readonly QueryTerm[]): string {
  return terms.map(({ term, count }) => `${TEXT_FIELD}:"${term}"^${count}`).join(' ');
}
