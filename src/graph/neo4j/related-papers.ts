import neo4j from 'neo4j-driver';
import type { ManagedTransaction } from 'neo4j-driver';
import type { ConceptType } from '../../nlp/index.js';
import {
  MAX_QUERY_TERMS,
  QUERY_STOP_WORDS,
  TEXT_FIELD,
  luceneTextQuery,
  queryTerms,
  withoutTerms,
} from '../bm25.js';
import type { TermSample } from './common-terms.js';
import {
  FIRST_STAGE_PAPERS,
  HYBRID_CONCEPT_WEIGHT,
  SHARED_TERM_MAX_PAPERS,
  TEXT_CANDIDATES,
  TWO_STAGE_TEXT_MIN_PAPERS,
  explainSharedTerms,
  rankRelated,
  rarestTerms,
} from '../rank-related.js';
import type { ConceptFrequency } from '../rank-related.js';
import type { RelatedBy, RelatedPaperResult, SharedTerm, TextMatch } from '../types.js';

const PAPER_COUNT = 'COUNT { (c)<-[:MENTIONS]-() }';

/**
 * `hybridScore` in Cypher, over `text` (the normalised BM25 score) and `shared` ([concept id, paper count] pairs
 * shared with the source): the specificity of the rarest shared concept, as `conceptSpecificity` computes it.
 */
const HYBRID_SCORE = `(1 - $conceptWeight) * text + CASE WHEN size(shared) = 0 THEN 0.0 ELSE
          $conceptWeight * log(1.0 + toFloat(n) / reduce(m = n, x IN shared | CASE WHEN x[1] < m THEN x[1] ELSE m END))
          / log(1.0 + n)
        END`;

/**
 * The candidates of a source: its text candidates from the full-text index (Lucene's BM25, the source's terms
 * each boosted by its count; in two stages when `rare` is given and finds enough papers, see `findTextCandidates`)
 * and the papers of its rarest concepts within the budget (`selectConceptExpansion` in Cypher: the concepts sorted
 * by paper count then id, kept while their counts add up to at most `$budget`). One of the RANK_ parts follows: a
 * first ranking by the same formulas as `rankRelated`, so that only the best `$keep` candidates per source come
 * back, with their concepts; `rankRelated` then scores those exactly. Needs `n` (all papers), `id`, `src` (null
 * for a text), `source` ([concept id, paper count] sorted by count then id), `lucene` and `rare` (the first stage's
 * query, or null for one stage).
 */
const CANDIDATES = `
  CALL (src, lucene, rare) {
    WITH src, lucene, rare WHERE lucene <> ''
    CALL (rare) {
      // The first stage: the best $textLimit papers of the rarest terms, ties by id as the memory store breaks them
      // (Lucene breaks them by its own document order, so it is asked for more and cut here).
      UNWIND CASE WHEN rare IS NULL THEN [] ELSE [rare] END AS firstStage
      CALL db.index.fulltext.queryNodes('paper_text', firstStage, {limit: $firstStageFetch}) YIELD node, score
      WITH node.id AS id ORDER BY score DESC, id LIMIT $textLimit
      RETURN collect(id) AS firstIds
    }
    CALL (lucene, firstIds) {
      WITH lucene WHERE size(firstIds) < $textLimit
      CALL db.index.fulltext.queryNodes('paper_text', lucene, {limit: $textLimit}) YIELD node, score
      RETURN node, score
    UNION ALL
      // The whole query, scored only at the first stage's papers: the id clause selects them and adds nothing
      // (an id with spaces is a phrase, which a longer id can also match: hence the check after).
      WITH lucene, firstIds WHERE size(firstIds) >= $textLimit
      WITH lucene, firstIds,
        reduce(q = '', id IN firstIds | q + ' "' + replace(replace(id, '\\\\', '\\\\\\\\'), '"', '\\\\"') + '"') AS idClauses
      CALL db.index.fulltext.queryNodes('paper_text', '+id:(' + idClauses + ')^0 ' + lucene, {limit: $firstStageFetch})
        YIELD node, score
      WITH node, score WHERE node.id IN firstIds
      RETURN node, score
    }
    WITH node, score WHERE src IS NULL OR node <> src
    WITH node, score ORDER BY score DESC, node.id LIMIT $textCandidates
    RETURN collect({q: node, score: score}) AS textHits
  }
  WITH n, id, src, source, textHits,
    [i IN range(0, size(source) - 1) WHERE reduce(s = 0, x IN source[..i + 1] | s + x[1]) <= $budget | source[i][0]] AS expand
  CALL (src, expand) {
    UNWIND expand AS conceptId
    MATCH (c:Concept {id: conceptId})<-[:MENTIONS]-(q:Paper) USING INDEX SEEK c:Concept(id)
    WHERE src IS NULL OR q <> src
    RETURN collect(DISTINCT q) AS conceptHits
  }
  WITH n, id, source, textHits, conceptHits,
    reduce(m = 0.0, h IN textHits | CASE WHEN h.score > m THEN h.score ELSE m END) AS textMax,
    [x IN source | x[0]] AS sourceIds,
    sqrt(reduce(s = 0.0, x IN source | s + log(1.0 + toFloat(n) / x[1]) ^ 2)) AS sourceNorm
`;

/**
 * The first ranking when `by` is CONCEPTS: every candidate's concepts with their paper counts (the cosine needs
 * each candidate's whole concept set). Works for any `$by`.
 */
const RANK_EVERY_CONCEPT = `
  CALL (n, textHits, conceptHits, textMax, sourceIds, sourceNorm) {
    UNWIND textHits + [q IN conceptHits | {q: q, score: 0.0}] AS hit
    WITH hit.q AS q, max(hit.score) AS textScore
    CALL (q) {
      MATCH (q)-[:MENTIONS]->(c:Concept) WHERE $types IS NULL OR c.type IN $types
      RETURN collect([c.id, ${PAPER_COUNT}]) AS concepts
    }
    WITH q, textScore, concepts, [x IN concepts WHERE x[0] IN sourceIds] AS shared
    WHERE size(shared) >= $minShared
    WITH q, textScore, concepts, shared,
      CASE WHEN textMax > 0 THEN textScore / textMax ELSE 0.0 END AS text
    WITH q, textScore, concepts,
      CASE $by
        WHEN 'TEXT' THEN text
        WHEN 'CONCEPTS' THEN
          CASE WHEN size(shared) = 0 THEN 0.0 ELSE
            reduce(s = 0.0, x IN shared | s + log(1.0 + toFloat(n) / x[1]) ^ 2)
            / (sourceNorm * sqrt(reduce(s = 0.0, x IN concepts | s + log(1.0 + toFloat(n) / x[1]) ^ 2)))
          END
        ELSE ${HYBRID_SCORE}
      END AS approximate
    WHERE approximate > 0
    WITH q, textScore, concepts ORDER BY approximate DESC, q.id LIMIT $keep
    RETURN collect([q.id, textScore, concepts]) AS candidates
  }
  RETURN id, n, source, textMax, candidates`;

/**
 * The first ranking when `by` is HYBRID or TEXT: the mix needs only the concepts a candidate shares with the source,
 * whose paper counts the source already has, so a candidate costs one walk of its mentions and no degree reads;
 * only the best `$keep` then read their whole concept sets (with paper counts) for `rankRelated`'s exact scores.
 */
const RANK_SHARED_CONCEPTS = `
  CALL (n, source, textHits, conceptHits, textMax, sourceIds) {
    UNWIND textHits + [q IN conceptHits | {q: q, score: 0.0}] AS hit
    WITH hit.q AS q, max(hit.score) AS textScore
    CALL (q, sourceIds) {
      MATCH (q)-[:MENTIONS]->(c:Concept) WHERE c.id IN sourceIds
      RETURN collect(c.id) AS sharedIds
    }
    WITH q, textScore, [x IN source WHERE x[0] IN sharedIds] AS shared
    WHERE size(shared) >= $minShared
    WITH q, textScore, shared, CASE WHEN textMax > 0 THEN textScore / textMax ELSE 0.0 END AS text
    WITH q, textScore,
      CASE $by WHEN 'TEXT' THEN text
        ELSE ${HYBRID_SCORE}
      END AS approximate
    WHERE approximate > 0
    WITH q, textScore ORDER BY approximate DESC, q.id LIMIT $keep
    CALL (q) {
      MATCH (q)-[:MENTIONS]->(c:Concept) WHERE $types IS NULL OR c.type IN $types
      RETURN collect([c.id, ${PAPER_COUNT}]) AS concepts
    }
    RETURN collect([q.id, textScore, concepts]) AS candidates
  }
  RETURN id, n, source, textMax, candidates`;

/** A stored source's concepts, [concept id, paper count] sorted by count then id; needs `src`. */
const SOURCE_CONCEPTS = `MATCH (src)-[:MENTIONS]->(c:Concept) WHERE $types IS NULL OR c.type IN $types
    WITH c.id AS conceptId, ${PAPER_COUNT} AS paperCount ORDER BY paperCount, conceptId
    RETURN collect([conceptId, paperCount]) AS source`;

const PAPER_SOURCES = `
  MATCH (everyPaper:Paper) WITH count(everyPaper) AS n
  UNWIND $ids AS id
  MATCH (src:Paper {id: id}) USING INDEX SEEK src:Paper(id)
  CALL (src) {
    ${SOURCE_CONCEPTS}
  }
  CALL (src) {
    UNWIND split(src.searchText, ' ') AS term
    WITH term, count(*) AS count WHERE term <> '' AND NOT term IN $stopWords AND NOT term IN $commonTerms
    WITH term, count ORDER BY count DESC, term LIMIT ${MAX_QUERY_TERMS}
    WITH term, count ORDER BY term
    RETURN reduce(q = '', clause IN collect('${TEXT_FIELD}:"' + term + '"^' + toString(count)) | q + ' ' + clause) AS lucene
  }
  WITH n, id, src, source, lucene, null AS rare
`;

/**
 * Stored sources whose text queries are given (`$sources`: id, lucene and rare), for a two-stage search: choosing
 * the rarest terms needs document frequencies, which the store estimates outside Cypher.
 */
const GIVEN_PAPER_SOURCES = `
  MATCH (everyPaper:Paper) WITH count(everyPaper) AS n
  UNWIND $sources AS s
  MATCH (src:Paper {id: s.id}) USING INDEX SEEK src:Paper(id)
  CALL (src) {
    ${SOURCE_CONCEPTS}
  }
  WITH n, s.id AS id, src, source, s.lucene AS lucene, s.rare AS rare
`;

const TEXT_SOURCE = `
  MATCH (everyPaper:Paper) WITH count(everyPaper) AS n
  CALL () {
    UNWIND $conceptIds AS conceptId
    OPTIONAL MATCH (c:Concept {id: conceptId})
    WITH conceptId, CASE WHEN c IS NULL THEN 1 ELSE ${PAPER_COUNT} END AS paperCount ORDER BY paperCount, conceptId
    RETURN collect([conceptId, paperCount]) AS source
  }
  WITH n, null AS id, null AS src, source, $lucene AS lucene, $rare AS rare
`;

/**
 * One statement for a batch of stored papers (each source's concepts and query come from the graph), any `$by`.
 * `relatedPapersCypher` picks the cheaper one for HYBRID and TEXT.
 */
const RELATED_PAPERS_CYPHER = PAPER_SOURCES + CANDIDATES + RANK_EVERY_CONCEPT;

/** The same for a text not in the graph: its concept ids and Lucene query are parameters. */
const RELATED_TO_TEXT_CYPHER = TEXT_SOURCE + CANDIDATES + RANK_EVERY_CONCEPT;

const RELATED_PAPERS_BY_SHARED = PAPER_SOURCES + CANDIDATES + RANK_SHARED_CONCEPTS;
const RELATED_TO_TEXT_BY_SHARED = TEXT_SOURCE + CANDIDATES + RANK_SHARED_CONCEPTS;

const GIVEN_RELATED_PAPERS = GIVEN_PAPER_SOURCES + CANDIDATES + RANK_EVERY_CONCEPT;
const GIVEN_RELATED_PAPERS_BY_SHARED = GIVEN_PAPER_SOURCES + CANDIDATES + RANK_SHARED_CONCEPTS;

/**
 * The related-papers statement for `by`: the one reading only shared concepts unless the cosine ranks; with
 * `givenQueries`, the one taking each source's text queries as `$sources` (a two-stage search).
 */
export function relatedPapersCypher(by: RelatedBy, givenQueries = false): string {
  if (givenQueries) return by === 'CONCEPTS' ? GIVEN_RELATED_PAPERS : GIVEN_RELATED_PAPERS_BY_SHARED;
  return by === 'CONCEPTS' ? RELATED_PAPERS_CYPHER : RELATED_PAPERS_BY_SHARED;
}

/** The same for a text not in the graph. */
export function relatedToTextCypher(by: RelatedBy): string {
  return by === 'CONCEPTS' ? RELATED_TO_TEXT_CYPHER : RELATED_TO_TEXT_BY_SHARED;
}

export interface RelatedQueryOptions {
  first: number;
  by: RelatedBy;
  types: ConceptType[] | null;
  minShared: number | undefined;
  conceptBudget: number;
  /** Terms left out of a stored source's text query, as too common (see `createCommonTermsCache`). */
  commonTerms: readonly string[];
  /**
   * Each term's papers (estimated from the store's sample) when text searches run in two stages (the graph has
   * more than `TWO_STAGE_TEXT_MIN_PAPERS` papers); null for one stage.
   */
  twoStage: ((term: string) => number) | null;
}

function toNumber(value: unknown): number {
  return neo4j.isInt(value) ? value.toNumber() : (value as number);
}

const frequencies = (pairs: unknown): ConceptFrequency[] =>
  (pairs as [string, unknown][]).map(([conceptId, count]) => ({ conceptId, paperCount: toNumber(count) }));

/** The parameters both statements take. */
export function relatedParameters(options: RelatedQueryOptions): Record<string, unknown> {
  return {
    types: options.types,
    by: options.by,
    minShared: neo4j.int(Math.max(options.by === 'CONCEPTS' ? 1 : 0, options.minShared ?? 0)),
    budget: neo4j.int(options.conceptBudget),
    textLimit: neo4j.int(FIRST_STAGE_PAPERS),
    firstStageFetch: neo4j.int(2 * FIRST_STAGE_PAPERS),
    textCandidates: neo4j.int(TEXT_CANDIDATES),
    conceptWeight: HYBRID_CONCEPT_WEIGHT,
    stopWords: QUERY_STOP_WORDS,
    commonTerms: options.commonTerms,
    // A margin over `first`, so rounding in the exact scores cannot pull in a candidate the first pass cut.
    keep: neo4j.int(options.first + 20),
  };
}

/**
 * `RelatedQueryOptions.twoStage` for the graph a sample stands for: the sample's counts when the graph has more than
 * `minPapers` papers, else null.
 */
export function twoStageFrom(sample: TermSample, minPapers = TWO_STAGE_TEXT_MIN_PAPERS): ((term: string) => number) | null {
  return sample.totalPapers > minPapers ? (term) => sample.papersWith.get(term) ?? 0 : null;
}

/** A stored source's text queries, as `GIVEN_PAPER_SOURCES` takes them. */
interface GivenSource {
  id: string;
  lucene: string;
  rare: string | null;
}

/** Each stored paper's search tokens (its `searchText`, split), by id; unknown ids are left out. */
async function readSearchTokens(tx: ManagedTransaction, ids: readonly string[]): Promise<Map<string, string[]>> {
  const { records } = await tx.run(
    'UNWIND $ids AS id MATCH (p:Paper {id: id}) USING INDEX SEEK p:Paper(id) RETURN id, p.searchText AS text',
    { ids },
  );
  return new Map(
    records.map((r) => [r.get('id') as string, ((r.get('text') as string | null) ?? '').split(' ').filter((token) => token !== '')]),
  );
}

/**
 * The text queries of stored sources for a two-stage search, from their `searchText` as `PAPER_SOURCES` builds
 * them in Cypher (`queryTerms`), with the rarest terms by `papersWith`. Unknown ids are left out.
 */
async function readGivenSources(
  tx: ManagedTransaction,
  ids: readonly string[],
  commonTerms: readonly string[],
  papersWith: (term: string) => number,
): Promise<GivenSource[]> {
  const common = new Set(commonTerms);
  return [...(await readSearchTokens(tx, ids))].map(([id, tokens]) => {
    const query = queryTerms(tokens, (term) => common.has(term));
    const rare = rarestTerms(query, papersWith);
    return { id, lucene: luceneTextQuery(query), rare: rare === null ? null : luceneTextQuery(rare) };
  });
}

/**
 * The related-papers statement for a batch of stored papers, with its parameters: in a two-stage search
 * (`options.twoStage`), after one read of the sources' texts.
 */
export async function relatedPapersStatement(
  tx: ManagedTransaction,
  ids: readonly string[],
  options: RelatedQueryOptions,
): Promise<{ cypher: string; params: Record<string, unknown> }> {
  if (options.twoStage === null) return { cypher: relatedPapersCypher(options.by), params: { ...relatedParameters(options), ids } };
  const sources = await readGivenSources(tx, ids, options.commonTerms, options.twoStage);
  return { cypher: relatedPapersCypher(options.by, true), params: { ...relatedParameters(options), sources } };
}

/** Related papers of stored papers, each ranked exactly: `relatedPapersStatement`, then `runRelated`. */
export async function runRelatedPapers(
  tx: ManagedTransaction,
  ids: readonly string[],
  options: RelatedQueryOptions,
  observe?: (totalPapers: number) => void,
): Promise<Map<string | null, RelatedPaperResult[]>> {
  const { cypher, params } = await relatedPapersStatement(tx, ids, options);
  return runRelated(tx, cypher, params, options, observe);
}

/**
 * Runs a related-papers statement and ranks each row's candidates exactly, as rows arrive; `observe` is told
 * the number of papers the statement saw.
 */
export async function runRelated(
  tx: ManagedTransaction,
  cypher: string,
  params: Record<string, unknown>,
  options: RelatedQueryOptions,
  observe?: (totalPapers: number) => void,
): Promise<Map<string | null, RelatedPaperResult[]>> {
  const related = new Map<string | null, RelatedPaperResult[]>();
  for await (const record of tx.run(cypher, params)) {
    observe?.(toNumber(record.get('n')));
    related.set(
      record.get('id') as string | null,
      rankRelated({
        totalPapers: toNumber(record.get('n')),
        source: frequencies(record.get('source')),
        candidates: (record.get('candidates') as [string, number, unknown][]).map(([paperId, textScore, concepts]) => ({
          paperId,
          textScore,
          concepts: frequencies(concepts),
        })),
        textMax: record.get('textMax') as number,
        by: options.by,
        minShared: options.minShared,
        first: options.first,
      }),
    );
  }
  return related;
}

/**
 * `explainSharedTerms` for each match, its query without `commonTerms` (they were not queried): the papers'
 * tokens, then the number of papers of each shared term, each counted through the full-text index up to one over
 * `SHARED_TERM_MAX_PAPERS` (a term past that is left out).
 */
export async function explainOnNeo4j(
  tx: ManagedTransaction,
  textMatches: readonly TextMatch[],
  commonTerms: readonly string[],
): Promise<SharedTerm[][]> {
  const common = new Set(commonTerms);
  const matches = textMatches.map((m) => ({ ...m, query: withoutTerms(m.query, (term) => common.has(term)) }));
  const tokens = await readSearchTokens(tx, [...new Set(matches.map((m) => m.paperId))]);
  const terms = new Set<string>();
  for (const match of matches) {
    const present = new Set(tokens.get(match.paperId) ?? []);
    for (const { term } of match.query) if (present.has(term)) terms.add(term);
  }
  const countRecords = await tx.run(
    `MATCH (everyPaper:Paper) WITH count(everyPaper) AS n
     UNWIND $terms AS term
     CALL (term) {
       CALL db.index.fulltext.queryNodes('paper_text', '${TEXT_FIELD}:"' + term + '"', {limit: $cap}) YIELD node
       RETURN count(node) AS papers
     }
     RETURN n, term, papers`,
    { terms: [...terms], cap: neo4j.int(SHARED_TERM_MAX_PAPERS + 1) },
  );
  const documentFrequency = new Map(countRecords.records.map((r) => [r.get('term') as string, toNumber(r.get('papers'))]));
  const totalPapers = toNumber(countRecords.records[0]?.get('n') ?? 0);
  return matches.map((match) =>
    explainSharedTerms({ ...match, tokens: tokens.get(match.paperId) ?? [], totalPapers, documentFrequency }),
  );
}
