import { BM25_K1, MAX_QUERY_TERMS, bm25Idf } from './bm25.js';
import type { QueryTerm } from './bm25.js';
import { compareStrings } from './compare.js';
import type { ConceptType } from '../nlp/index.js';
import type { RelatedBy, RelatedPaperResult, SharedTerm, TextSource } from './types.js';

/** A concept of a paper, with the number of papers that mention it. */
export interface ConceptFrequency {
  conceptId: string;
  paperCount: number;
}

/** IDF weight of a concept: `ln(1 + N / paperCount)`. */
export function conceptWeight(totalPapers: number, paperCount: number): number {
  return Math.log(1 + totalPapers / paperCount);
}

/**
 * The hybrid mix: `score = w · specificity + (1 − w) · textScore`, w = `HYBRID_CONCEPT_WEIGHT`, where specificity is
 * that of the rarest concept the two papers share (`conceptSpecificity`; 0 when they share none). So a paper
 * sharing one specific concept with the source (a dataset, a method name) outranks one that only shares words
 * or only hub concepts, while the text score orders papers of similar specificity. Form and weight were chosen
 * once, on the two judgment sets only (test/fixtures/related-judgments.json and SciREX related-train.json;
 * `npm run eval:related -- --grid` prints every form and weight tried), and are fixed here.
 */
export const HYBRID_CONCEPT_WEIGHT = 0.25;

/**
 * How specific a concept in `paperCount` of `totalPapers` papers is: its IDF weight over that of a concept in one
 * paper, `ln(1 + N / paperCount) / ln(1 + N)`, in (0, 1]; independent of the corpus size in shape.
 */
export function conceptSpecificity(totalPapers: number, paperCount: number): number {
  return conceptWeight(totalPapers, paperCount) / conceptWeight(totalPapers, 1);
}

/** The hybrid score of a paper from its two parts (see `HYBRID_CONCEPT_WEIGHT`), before rounding. */
export function hybridScore(specificity: number, textScore: number, conceptWeight = HYBRID_CONCEPT_WEIGHT): number {
  return conceptWeight * specificity + (1 - conceptWeight) * textScore;
}

/**
 * A text source's concepts of `types` (told by the id's type prefix), each weighing by its paper count in the
 * graph, or as if in one paper when the graph does not have it.
 */
export function textSourceConcepts(
  source: TextSource,
  types: readonly ConceptType[] | undefined,
  paperCount: (conceptId: string) => number,
): ConceptFrequency[] {
  return [...new Set(source.conceptIds)]
    .filter((id) => types === undefined || types.some((type) => id.startsWith(`${type.toLowerCase()}:`)))
    .map((conceptId) => ({ conceptId, paperCount: Math.max(1, paperCount(conceptId)) }));
}

/** Text candidates per source: the best BM25 matches, the source itself left out. */
export const TEXT_CANDIDATES = 100;

/**
 * How many of a query's terms find the candidates in a two-stage text search (`rarestTerms`). On the 100k synthetic
 * corpus the 40 rarest of a paper's ~90 terms find 98.6% of the whole query's top 20 (25 find 92%); README
 * "Related papers at scale".
 */
export const FIRST_STAGE_TERMS = 40;

/** Papers the first stage of a two-stage text search finds: the candidates and the source, which may be one. */
export const FIRST_STAGE_PAPERS = TEXT_CANDIDATES + 1;

/**
 * Related-papers text searches may run in two stages in graphs of more than this many papers: the rarest
 * `FIRST_STAGE_TERMS` terms find `FIRST_STAGE_PAPERS` papers, and the whole query scores only those (each gets its
 * BM25 as the whole query gives it); if they find fewer, the whole query is asked. Lucene's time for a whole query
 * grows with the corpus (each common term's postings do); the rare terms' stay short, and the second stage reads
 * the common ones only at the candidates. Full-text time through the driver, p50 ms, one stage against two on the
 * synthetic corpus: 1.6 / 3.4 at 1k papers, 4.2 / 6.6 at 10k, 10.4 / 7.5 at 100k; interpolated, they cross near
 * 50k, so below this the one query is the faster.
 */
export const TWO_STAGE_TEXT_MIN_PAPERS = 50_000;

/**
 * The first stage of a two-stage text search (see `TWO_STAGE_TEXT_MIN_PAPERS`): the `FIRST_STAGE_TERMS` terms of
 * `query` in the fewest papers (`papersWith`; then the most repeated in the query, then by term), sorted by term.
 * Null (one stage) when the query has no more terms than that, or so many that the second stage's query, which adds
 * a clause per first-stage paper, would pass Lucene's `MAX_QUERY_TERMS` clauses.
 */
export function rarestTerms(query: readonly QueryTerm[], papersWith: (term: string) => number): QueryTerm[] | null {
  if (query.length <= FIRST_STAGE_TERMS || query.length + FIRST_STAGE_PAPERS > MAX_QUERY_TERMS) return null;
  return query
    .map((term) => ({ term, papers: papersWith(term.term) }))
    .sort((a, b) => a.papers - b.papers || b.term.count - a.term.count || compareStrings(a.term.term, b.term.term))
    .slice(0, FIRST_STAGE_TERMS)
    .map(({ term }) => term)
    .sort((a, b) => compareStrings(a.term, b.term));
}

/**
 * Default candidate budget: at most this many papers per source are reached through its concepts, spent on
 * its rarest concepts first (see `selectConceptExpansion`).
 */
export const DEFAULT_CONCEPT_BUDGET = 1_000;

/** `sharedTerms` lists at most this many terms per related paper. */
export const SHARED_TERMS = 10;

/**
 * Shared terms found in more papers than this are left out of `sharedTerms` (they still count in the text
 * score): related papers are tied by rare words, and counting a word's papers costs one index read each.
 */
export const SHARED_TERM_MAX_PAPERS = 500;

/**
 * Which of the source's concepts the stores traverse to find candidates: its concepts from the rarest (fewest
 * papers, then id) while the papers they reach add up to at most `budget`. So one source reaches at most
 * `budget` papers through its concepts, whatever the corpus size; a concept over the budget (a hub such as
 * "Transformer") is never traversed, but counts in every candidate's score. At or below `budget` papers every
 * concept-sharing paper is a candidate.
 */
export function selectConceptExpansion(source: readonly ConceptFrequency[], budget: number): string[] {
  const sorted = [...source].sort((a, b) => a.paperCount - b.paperCount || compareStrings(a.conceptId, b.conceptId));
  const expanded: string[] = [];
  let reached = 0;
  for (const concept of sorted) {
    if (reached + concept.paperCount > budget) break;
    reached += concept.paperCount;
    expanded.push(concept.conceptId);
  }
  return expanded;
}

export interface RelatedCandidate {
  paperId: string;
  /** All the candidate's concepts of the requested types. */
  concepts: readonly ConceptFrequency[];
  /** The candidate's BM25 score for the source's text; 0 when it is not among the source's text candidates. */
  textScore: number;
}

export interface RankRelatedInput {
  /** N: all papers in the store. */
  totalPapers: number;
  /** The source's concepts of the requested types. */
  source: readonly ConceptFrequency[];
  candidates: readonly RelatedCandidate[];
  /** The best BM25 score among the source's text candidates (0 when none): text scores are shares of it. */
  textMax: number;
  by: RelatedBy;
  /** Minimum shared concepts; default 0 (HYBRID and TEXT), at least 1 for CONCEPTS. */
  minShared?: number;
  first: number;
}

const round6 = (value: number) => Math.round(value * 1e6) / 1e6;

/** sqrt(Σ w²), summed in concept-id order so both stores get the same bits. */
function norm(concepts: readonly ConceptFrequency[], totalPapers: number): number {
  const sorted = [...concepts].sort((a, b) => compareStrings(a.conceptId, b.conceptId));
  let sum = 0;
  for (const c of sorted) sum += conceptWeight(totalPapers, c.paperCount) ** 2;
  return Math.sqrt(sum);
}

/**
 * Scores candidates and keeps the best `first`: score descending, then paper id. `conceptScore` is the
 * IDF-weighted cosine of the concept sets (Σ_shared w² / (‖A‖·‖B‖)), `textScore` the BM25 score over `textMax`, both
 * rounded to 6 decimals; `score` is one of them (CONCEPTS, TEXT) or the hybrid mix of the text score and the
 * specificity of the rarest shared concept (`hybridScore`), rounded again.
 * Both stores call this on the candidates they found, so their answers agree to the text scores' last bits.
 */
export function rankRelated(input: RankRelatedInput): RelatedPaperResult[] {
  const { totalPapers, source, by } = input;
  const minShared = Math.max(by === 'CONCEPTS' ? 1 : 0, input.minShared ?? 0);
  if (input.first <= 0) return [];
  const sourceIds = new Set(source.map((c) => c.conceptId));
  const sourceNorm = norm(source, totalPapers);
  const results: RelatedPaperResult[] = [];
  for (const candidate of input.candidates) {
    const shared = candidate.concepts
      .filter((c) => sourceIds.has(c.conceptId))
      .sort((a, b) => compareStrings(a.conceptId, b.conceptId));
    if (shared.length < minShared) continue;
    let dot = 0;
    let rarest = Infinity;
    for (const c of shared) {
      dot += conceptWeight(totalPapers, c.paperCount) ** 2;
      rarest = Math.min(rarest, c.paperCount);
    }
    const conceptScore = shared.length === 0 ? 0 : round6(dot / (sourceNorm * norm(candidate.concepts, totalPapers)));
    const textScore = input.textMax > 0 ? round6(candidate.textScore / input.textMax) : 0;
    const score =
      by === 'CONCEPTS'
        ? conceptScore
        : by === 'TEXT'
          ? textScore
          : round6(hybridScore(shared.length === 0 ? 0 : conceptSpecificity(totalPapers, rarest), textScore));
    if (score <= 0) continue;
    results.push({
      paperId: candidate.paperId,
      score,
      conceptScore,
      textScore,
      shared: shared
        .map((c) => ({ conceptId: c.conceptId, weight: conceptWeight(totalPapers, c.paperCount) }))
        .sort((a, b) => b.weight - a.weight || compareStrings(a.conceptId, b.conceptId)),
    });
  }
  return results
    .sort((a, b) => b.score - a.score || compareStrings(a.paperId, b.paperId))
    .slice(0, input.first);
}

export interface ExplainTermsInput {
  /** The source's query terms. */
  query: readonly QueryTerm[];
  /** The related paper's tokens. */
  tokens: readonly string[];
  /** The related paper's text score (the shares below add up to it). */
  textScore: number;
  /** N: all papers. */
  totalPapers: number;
  /** Papers containing each shared term; terms in more than `SHARED_TERM_MAX_PAPERS` papers may be absent. */
  documentFrequency: ReadonlyMap<string, number>;
}

/**
 * The shared terms that weigh most in a related paper's text score: each shared term found in at most
 * `SHARED_TERM_MAX_PAPERS` papers weighs `count · idf · tf·(k1+1)/(tf+k1)` (BM25 without the length norm, which
 * is one factor for the whole paper), scaled so that the weights of all such terms add up to `textScore`; the
 * best `SHARED_TERMS`, weight descending then term, rounded to 6 decimals.
 */
export function explainSharedTerms(input: ExplainTermsInput): SharedTerm[] {
  const tf = new Map<string, number>();
  for (const token of input.tokens) tf.set(token, (tf.get(token) ?? 0) + 1);
  const raw: SharedTerm[] = [];
  for (const { term, count } of input.query) {
    const freq = tf.get(term);
    const df = input.documentFrequency.get(term);
    if (freq === undefined || df === undefined || df > SHARED_TERM_MAX_PAPERS) continue;
    const idf = bm25Idf(input.totalPapers, Math.min(df, input.totalPapers));
    raw.push({ term, weight: (count * idf * freq * (BM25_K1 + 1)) / (freq + BM25_K1) });
  }
  const total = raw.reduce((sum, t) => sum + t.weight, 0);
  if (total <= 0) return [];
  return raw
    .map((t) => ({ term: t.term, weight: round6((t.weight / total) * input.textScore) }))
    .sort((a, b) => b.weight - a.weight || compareStrings(a.term, b.term))
    .slice(0, SHARED_TERMS);
}
