import type { PaperRecord } from '../ingest/index.js';
import type { ConceptType, Extraction, Mention, Role } from '../nlp/index.js';
import type { QueryTerm } from './bm25.js';

/** A paper with its extraction: the unit a store writes. */
export interface AnalyzedPaper extends PaperRecord {
  extraction: Extraction;
}

export interface StoredPaper extends PaperRecord {
  codeLinks: string[];
}

export interface StoredConcept {
  /** `${type.toLowerCase()}:${canonicalKey}`, as given by extraction. */
  id: string;
  name: string;
  type: ConceptType;
  /**
   * Union of the aliases every paper's extraction gave, in first-seen order (papers in write order,
   * aliases in extraction order), never containing `name`.
   */
  aliases: string[];
  /** Id of the broader (family) concept if extraction named one, whether or not that concept is stored. */
  broader: string | null;
  /** Number of papers that mention the concept. */
  paperCount: number;
}

/** The link `(:Paper)-[:MENTIONS]->(:Concept)`. */
export interface PaperConceptLink {
  paperId: string;
  conceptId: string;
  role: Role;
  confidence: number;
  /** Sorted by field (title first) then start. */
  mentions: Mention[];
  evidence: string;
}

/**
 * An item's place in a list's order: the values of its sort keys, ending with its id (see each list's order).
 * Opaque to callers, JSON-serializable; a store refuses one of the wrong shape with `BAD_USER_INPUT`.
 */
export type PageKey = readonly (string | number | null)[];

/**
 * A page: keyset (`after`, read through the sort keys' indexes, as fast at any depth) or offset (`offset`).
 * The API puts both in its cursors.
 */
export interface PageRequest {
  /** 0..=100 (the API enforces the maximum). */
  first: number;
  /** Number of items to skip. Default 0. Ignored when `after` is given. */
  offset?: number;
  /** The key (from `Page.keys`) of the item just before the page: the page starts strictly after it. */
  after?: PageKey;
}

export interface Page<T> {
  items: T[];
  totalCount: number;
  /** The key of each item, in order, to pass as `after` (`listPapers`, `listConcepts`, `getConceptPapers`). */
  keys?: PageKey[];
}

/** Paper properties a list read can leave out (`PaperProjection`); `id` is always read. */
export const PAPER_FIELDS = ['title', 'abstract', 'url', 'published', 'authors', 'categories', 'doi', 'codeLinks'] as const;
export type PaperField = (typeof PAPER_FIELDS)[number];

/**
 * Which properties of each listed paper to read. Default: all. A left-out property comes back as its empty
 * value (`''`, `null` or `[]`), so callers that leave one out must not show it (the API reads those papers
 * whole through its loader when a query asks for more).
 */
export interface PaperProjection {
  fields?: readonly PaperField[];
}

export const PAPER_SORTS = ['TITLE', 'NEWEST', 'OLDEST', 'MOST_CONCEPTS'] as const;
/**
 * Every sort breaks ties by paper id ascending. `TITLE`: title ascending (code-unit order, case-sensitive);
 * `NEWEST`/`OLDEST`: by `published`, papers without a date last in both; `MOST_CONCEPTS`: number of linked
 * concepts descending.
 */
export type PaperSort = (typeof PAPER_SORTS)[number];

export interface PaperFilter {
  /**
   * Full-text search over title and abstract. Terms are the query's runs of letters and digits, lowercased;
   * a paper matches when every term occurs as a whole token of its title or abstract (tokenized the same way).
   * A query with no terms matches every paper.
   */
  query?: string;
  /** Concept ids the paper must all mention. */
  allConcepts?: string[];
  /** Concept ids of which the paper must mention at least one. */
  anyConcepts?: string[];
  /** The paper must mention at least one concept of one of these types. */
  conceptTypes?: ConceptType[];
}

/** A page of papers with the properties to read. */
export interface PaperPageRequest extends PageRequest, PaperProjection {}

export interface FindConceptOptions {
  /** Also read this page of the concept's papers (as `getConceptPapers` would), in the same round trip. */
  papers?: PaperPageRequest;
}

/** `findConceptByName`'s answer: `papers` is there when `FindConceptOptions.papers` asked for it. */
export interface FoundConcept extends StoredConcept {
  papers?: Page<StoredPaper>;
}

export interface ListPapersOptions extends PageRequest, PaperProjection {
  filter?: PaperFilter;
  /** Default `TITLE`. */
  sort?: PaperSort;
}

export interface ListConceptsOptions extends PageRequest {
  type?: ConceptType;
  /** Case-insensitive substring of the name or of any alias. */
  query?: string;
}

export const RELATED_BY = ['HYBRID', 'CONCEPTS', 'TEXT'] as const;
/**
 * How related papers are ranked: `HYBRID` (default), the fixed mix of the concept and text scores (see
 * `rankRelated`); `CONCEPTS`, the concept score alone (only papers sharing a concept); `TEXT`, the text score alone.
 */
export type RelatedBy = (typeof RELATED_BY)[number];

export interface RelatedOptions {
  /** Maximum results. */
  first: number;
  /** Default `HYBRID`. */
  by?: RelatedBy;
  /** Only concepts of these types count (as shared concepts and in the weights' norms). Default: all. */
  types?: ConceptType[];
  /**
   * Minimum number of shared concepts. Default 0 (1 for `CONCEPTS`); with 1 or more, only papers sharing a
   * concept are related.
   */
  minShared?: number;
}

/** A text that is not in the graph, as a related-papers source: its query terms and extracted concept ids. */
export interface TextSource {
  query: QueryTerm[];
  conceptIds: string[];
}

/** Which related paper's text match to explain, for which source query. */
export interface TextMatch {
  query: readonly QueryTerm[];
  paperId: string;
  /** The paper's `textScore` for that source. */
  textScore: number;
}

export interface RelatedConceptsOptions {
  /** Maximum results. */
  first: number;
  /** Only co-occurring concepts of this type. Default: all. */
  type?: ConceptType;
}

export interface SharedConcept {
  conceptId: string;
  /** The concept's IDF weight, `ln(1 + N / paperCount)`. */
  weight: number;
}

export interface RelatedPaperResult {
  paperId: string;
  /** The ranking score (`RelatedOptions.by`), rounded to 6 decimals. */
  score: number;
  /** IDF-weighted cosine similarity of the two papers' concept sets (0 when they share none), rounded to 6 decimals. */
  conceptScore: number;
  /**
   * BM25 score of the paper for the source's whole text, as a share of the best one among the source's text
   * candidates (0 when not among them), rounded to 6 decimals.
   */
  textScore: number;
  /** Sorted by weight descending, then concept id. */
  shared: SharedConcept[];
}

/** A word two papers share, with its part of the text score. */
export interface SharedTerm {
  term: string;
  weight: number;
}

export interface ConceptCount {
  conceptId: string;
  count: number;
}

export interface GraphStats {
  papers: number;
  concepts: number;
  /** Total mention occurrences over all paper–concept links. */
  mentions: number;
  /** Concepts per type, every type present (count 0 included), in `CONCEPT_TYPES` order. */
  byType: { type: ConceptType; count: number }[];
}

export interface CooccurrenceCell {
  row: string;
  column: string;
  /** Papers mentioning both concepts; only cells with count > 0. */
  count: number;
}

export interface Cooccurrence {
  /** Top `first` concepts of the row type by paper count (ties by name, then id). */
  rows: string[];
  columns: string[];
  /** Ordered by row index, then column index. */
  cells: CooccurrenceCell[];
}

export const TIME_GRANULARITIES = ['YEAR', 'MONTH'] as const;
export type TimeGranularity = (typeof TIME_GRANULARITIES)[number];

export interface TimeBucket {
  /** `YYYY` or `YYYY-MM`. */
  period: string;
  count: number;
}

export interface WriteResult {
  papers: number;
  concepts: number;
}
