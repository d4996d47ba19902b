import { withoutTerms } from '../bm25.js';
import type { QueryTerm } from '../bm25.js';
import {
  FIRST_STAGE_PAPERS,
  TEXT_CANDIDATES,
  TWO_STAGE_TEXT_MIN_PAPERS,
  explainSharedTerms,
  rankRelated,
  rarestTerms,
  selectConceptExpansion,
} from '../rank-related.js';
import type { ConceptFrequency, RelatedCandidate } from '../rank-related.js';
import { searchTerms } from '../search-terms.js';
import type { RelatedBy, RelatedPaperResult, SharedTerm, TextMatch } from '../types.js';
import type { TextHit, TextIndex } from './text-index.js';

/** What the embedded store's related-papers search reads: its concept index and its text index. */
export interface RelatedCorpus {
  totalPapers: number;
  /** A paper's concepts of the requested types with their paper counts; null for an unknown paper. */
  conceptsOf(paperId: string): ConceptFrequency[] | null;
  papersOf(conceptId: string): Iterable<string>;
  text: TextIndex;
  /** A paper's tokens (title then abstract), for explanations. */
  tokensOf(paperId: string): string[];
  /** Whether a term is in too many papers to query (`isTooCommon`, exact here). */
  tooCommon(term: string): boolean;
  /** Text searches run in two stages above this many papers. Default `TWO_STAGE_TEXT_MIN_PAPERS`. */
  twoStageTextMinPapers?: number;
}

export interface RelatedSearch {
  /** The source paper, left out of its own candidates; undefined for a text not in the graph. */
  paperId?: string;
  concepts: readonly ConceptFrequency[];
  query: readonly QueryTerm[];
  by: RelatedBy;
  minShared: number | undefined;
  first: number;
  conceptBudget: number;
}

/**
 * The best `TEXT_CANDIDATES` BM25 matches of a query, the source left out, as the Neo4j store finds them. In a
 * graph of more than `twoStageTextMinPapers` papers, the query's rarest terms (`rarestTerms`) are asked first: when
 * they find `FIRST_STAGE_PAPERS` papers (the source may be one; ties by paper id), the candidates are the best of
 * those by the whole query; when they find fewer (they are too rare: in few papers, or in the source alone), the
 * whole query is asked.
 */
export function findTextCandidates(corpus: RelatedCorpus, query: readonly QueryTerm[], source?: string): TextHit[] {
  const rare =
    corpus.totalPapers > (corpus.twoStageTextMinPapers ?? TWO_STAGE_TEXT_MIN_PAPERS)
      ? rarestTerms(query, (term) => corpus.text.documentFrequency(term))
      : null;
  const firstStage = rare === null ? [] : corpus.text.search(rare, FIRST_STAGE_PAPERS);
  if (firstStage.length < FIRST_STAGE_PAPERS) return corpus.text.search(query, TEXT_CANDIDATES, source);
  return corpus.text.search(query, TEXT_CANDIDATES, source, new Set(firstStage.map((hit) => hit.paperId)));
}

/**
 * Candidates as the Neo4j store finds them (`findTextCandidates`, and the papers of the concepts
 * `selectConceptExpansion` picks), ranked by `rankRelated`.
 */
export function findRelatedPapers(corpus: RelatedCorpus, search: RelatedSearch): RelatedPaperResult[] {
  if (search.first <= 0) return [];
  const textHits = findTextCandidates(corpus, search.query, search.paperId);
  const textScores = new Map(textHits.map((hit) => [hit.paperId, hit.score]));
  const ids = new Set(textScores.keys());
  for (const conceptId of selectConceptExpansion(search.concepts, search.conceptBudget)) {
    for (const id of corpus.papersOf(conceptId)) if (id !== search.paperId) ids.add(id);
  }
  const candidates: RelatedCandidate[] = [...ids].map((id) => ({
    paperId: id,
    concepts: corpus.conceptsOf(id) ?? [],
    textScore: textScores.get(id) ?? 0,
  }));
  return rankRelated({
    totalPapers: corpus.totalPapers,
    source: search.concepts,
    candidates,
    textMax: textHits[0]?.score ?? 0,
    by: search.by,
    minShared: search.minShared,
    first: search.first,
  });
}

export function explainMatches(corpus: RelatedCorpus, matches: readonly TextMatch[]): SharedTerm[][] {
  return matches.map((match) => {
    const tokens = corpus.tokensOf(match.paperId);
    const present = new Set(tokens);
    const query = withoutTerms(match.query, corpus.tooCommon);
    const documentFrequency = new Map(
      query.filter(({ term }) => present.has(term)).map(({ term }) => [term, corpus.text.documentFrequency(term)] as const),
    );
    return explainSharedTerms({ ...match, query, tokens, totalPapers: corpus.totalPapers, documentFrequency });
  });
}

/** A paper's tokens as the text index holds them. */
export const paperTokens = (paper: { title: string; abstract: string }): string[] => [
  ...searchTerms(paper.title),
  ...searchTerms(paper.abstract),
];
