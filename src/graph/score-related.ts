import { compareStrings } from './compare.js';
import type { RelatedPaperResult } from './types.js';

/** Default for `maxConceptFanout`: concepts in more papers than this are hubs (see `selectExpansion`). */
export const DEFAULT_MAX_CONCEPT_FANOUT = 10_000;

/** A concept of a paper, with the number of papers that mention it. */
export interface ConceptFrequency {
  conceptId: string;
  paperCount: number;
}

/** Which concepts of the source paper the stores traverse to find candidate papers. */
export interface RelatedExpansion {
  conceptIds: string[];
  /**
   * Null: every paper linked to `conceptIds` is a candidate. A number: the source has only hub concepts,
   * so candidates are the first `limit` papers by id (the source excluded) linked to the one concept in
   * `conceptIds`.
   */
  limit: number | null;
}

/**
 * Bounds the related-papers traversal. Candidates are found only through the source's concepts with
 * `paperCount <= maxConceptFanout`, so a hub (a concept in a large share of all papers, like "Transformer")
 * is never expanded when the paper has anything rarer; hubs still count in every candidate's score. When the
 * source has only hubs, only its least common one (ties by id) is expanded, and only its first
 * `maxConceptFanout` papers by id. So at most `concepts × maxConceptFanout` candidates are ever scored.
 *
 * This is the only copy of the rule: both stores call it (the Neo4j store between its two batch queries).
 */
export function selectExpansion(source: readonly ConceptFrequency[], maxConceptFanout: number): RelatedExpansion {
  const rare = source.filter((c) => c.paperCount <= maxConceptFanout).map((c) => c.conceptId);
  if (rare.length > 0 || source.length === 0) return { conceptIds: rare.sort(compareStrings), limit: null };
  const leastCommon = [...source].sort(
    (a, b) => a.paperCount - b.paperCount || compareStrings(a.conceptId, b.conceptId),
  )[0] as ConceptFrequency;
  return { conceptIds: [leastCommon.conceptId], limit: maxConceptFanout };
}

export interface ScoreRelatedInput {
  /** N: all papers in the store. */
  totalPapers: number;
  /** The source paper's concepts (restricted to the requested types). */
  source: readonly ConceptFrequency[];
  /** Candidate papers with all their concepts (restricted to the same types). */
  candidates: readonly { paperId: string; concepts: readonly ConceptFrequency[] }[];
  /** Default 1; papers sharing nothing are never related. */
  minShared?: number;
  first: number;
}

/** IDF weight of a concept: `ln(1 + N / paperCount)`. */
export function conceptWeight(totalPapers: number, paperCount: number): number {
  return Math.log(1 + totalPapers / paperCount);
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
 * IDF-weighted cosine of the source's and each candidate's concept sets: Σ_shared w² / (‖A‖·‖B‖), rounded
 * to 6 decimals; ordered by score descending, then paper id. Both stores call this so their answers are
 * identical to the bit.
 */
export function scoreRelated(input: ScoreRelatedInput): RelatedPaperResult[] {
  const { totalPapers, source } = input;
  const minShared = Math.max(1, input.minShared ?? 1);
  if (input.first <= 0 || source.length === 0) return [];
  const sourceIds = new Set(source.map((c) => c.conceptId));
  const sourceNorm = norm(source, totalPapers);
  const results: RelatedPaperResult[] = [];
  for (const candidate of input.candidates) {
    const shared = candidate.concepts
      .filter((c) => sourceIds.has(c.conceptId))
      .sort((a, b) => compareStrings(a.conceptId, b.conceptId));
    if (shared.length < minShared) continue;
    let dot = 0;
    for (const c of shared) dot += conceptWeight(totalPapers, c.paperCount) ** 2;
    const score = round6(dot / (sourceNorm * norm(candidate.concepts, totalPapers)));
    results.push({
      paperId: candidate.paperId,
      score,
      shared: shared
        .map((c) => ({ conceptId: c.conceptId, weight: conceptWeight(totalPapers, c.paperCount) }))
        .sort((a, b) => b.weight - a.weight || compareStrings(a.conceptId, b.conceptId)),
    });
  }
  return results
    .sort((a, b) => b.score - a.score || compareStrings(a.paperId, b.paperId))
    .slice(0, input.first);
}
