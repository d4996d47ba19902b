import neo4j from 'neo4j-driver';
import type { ManagedTransaction } from 'neo4j-driver';
import { QUERY_TERM_MAX_SHARE, isTooCommon } from '../bm25.js';
import { compareStrings } from '../compare.js';

/**
 * How many papers' texts the Neo4j store reads to tell which terms are too common to query (`isTooCommon`):
 * Cypher cannot read Lucene's document frequencies, so the store counts them in a sample. A graph of at most this
 * many papers is read whole, so its answers are exact (the same as the embedded store's); in a bigger one a
 * term's share is estimated to about ±1 point (the standard error of a share near 0.8 in 2,000 papers is 0.9
 * points), so only a term within a point or two of the threshold may be queried on one store and not on the other.
 */
export const TERM_SAMPLE_PAPERS = 2_000;

/** A sample is read again when the graph's paper count has moved by more than this share since it was read. */
export const TERM_SAMPLE_DRIFT = 0.02;

/** Document frequencies counted in a sample of the graph's papers. */
export interface TermSample {
  /** Papers in the graph when the sample was read. */
  totalPapers: number;
  /** Papers read (all of them when `totalPapers` is at most the sample size). */
  sampled: number;
  /** Term → sampled papers that have it. */
  papersWith: ReadonlyMap<string, number>;
}

/** Counts, for each term, the texts (space-separated search terms, as `searchText` holds them) that have it. */
export function countTerms(texts: readonly string[], totalPapers: number): TermSample {
  const papersWith = new Map<string, number>();
  for (const text of texts) {
    for (const term of new Set(text.split(' '))) if (term !== '') papersWith.set(term, (papersWith.get(term) ?? 0) + 1);
  }
  return { totalPapers, sampled: texts.length, papersWith };
}

/** The sample's terms in more than `maxShare` of its papers, sorted. */
export function commonTerms(sample: TermSample, maxShare = QUERY_TERM_MAX_SHARE): string[] {
  return [...sample.papersWith]
    .filter(([, papers]) => isTooCommon(papers, sample.sampled, maxShare))
    .map(([term]) => term)
    .sort(compareStrings);
}

/**
 * Whether a sample still stands for a graph of `totalPapers` papers: a whole-graph sample only while the count is
 * the same, a partial one while it has moved by at most `TERM_SAMPLE_DRIFT`.
 */
export function isSampleCurrent(sample: TermSample, totalPapers: number): boolean {
  if (sample.sampled >= sample.totalPapers) return totalPapers === sample.totalPapers;
  return Math.abs(totalPapers - sample.totalPapers) <= TERM_SAMPLE_DRIFT * sample.totalPapers;
}

/**
 * The papers' texts, all of them in a graph of at most `samplePapers` papers, else about that many chosen at
 * random (each paper with probability samplePapers / N).
 */
export async function sampleTerms(tx: ManagedTransaction, samplePapers = TERM_SAMPLE_PAPERS): Promise<TermSample> {
  const { records } = await tx.run(
    `MATCH (everyPaper:Paper) WITH count(everyPaper) AS n
     CALL (n) {
       MATCH (p:Paper) WHERE n <= $sample OR rand() * n < $sample
       RETURN coalesce(p.searchText, '') AS text LIMIT $sample
     }
     RETURN n, collect(text) AS texts`,
    { sample: neo4j.int(samplePapers) },
  );
  const record = records[0];
  const n = record === undefined ? 0 : neo4j.integer.toNumber(record.get('n'));
  return countTerms(record === undefined ? [] : (record.get('texts') as string[]), n);
}

export interface CommonTermsCache {
  /** The graph's too common terms, from the current sample (read first when there is none or it is stale). */
  terms(): Promise<readonly string[]>;
  /** The current sample (read first when there is none or it is stale). */
  sample(): Promise<TermSample>;
  /** A related-papers statement saw `totalPapers` papers: the sample is read again if it no longer stands for them. */
  observe(totalPapers: number): void;
  /**
   * This process wrote `papers` papers (added, rewritten or deleted): a whole-graph sample is read again before the
   * next query, a partial one once this process has written more than `TERM_SAMPLE_DRIFT` of the graph since.
   */
  wrote(papers: number): void;
}

/**
 * The Neo4j store's too common terms, kept between queries: read again after this process writes (see `wrote`),
 * or when a related-papers statement finds the paper count moved (`isSampleCurrent`). Another process's writes are
 * seen only through the paper count: rewrites that keep it (in a graph read whole) or keep it within
 * `TERM_SAMPLE_DRIFT` (in a bigger one) leave the sample as it is.
 */
export function createCommonTermsCache(read: () => Promise<TermSample>, maxShare = QUERY_TERM_MAX_SHARE): CommonTermsCache {
  let current: { sample: TermSample; terms: string[]; written: number } | undefined;
  let pending: Promise<{ sample: TermSample; terms: string[]; written: number }> | undefined;
  let generation = 0;

  function load(): Promise<{ sample: TermSample; terms: string[]; written: number }> {
    if (pending !== undefined) return pending;
    const started = generation;
    const loading = read().then((sample) => {
      const entry = { sample, terms: commonTerms(sample, maxShare), written: 0 };
      // A write while the sample was read leaves the next query to read it again.
      if (started === generation) current = entry;
      return entry;
    });
    pending = loading;
    const clear = () => {
      if (pending === loading) pending = undefined;
    };
    loading.then(clear, clear);
    return loading;
  }

  return {
    async terms() {
      return (current ?? (await load())).terms;
    },
    async sample() {
      return (current ?? (await load())).sample;
    },
    observe(totalPapers) {
      if (current !== undefined && !isSampleCurrent(current.sample, totalPapers)) current = undefined;
    },
    wrote(papers) {
      // A sample being read may or may not see this write: it is not kept.
      generation += 1;
      pending = undefined;
      if (current === undefined) return;
      current.written += papers;
      if (current.sample.sampled >= current.sample.totalPapers || current.written > TERM_SAMPLE_DRIFT * current.sample.totalPapers) {
        current = undefined;
      }
    },
  };
}
