import type { ConceptType } from '../nlp/index.js';
import type { ScanKind } from './scan-ids.js';
import type {
  AnalyzedPaper,
  ConceptCount,
  Cooccurrence,
  FindConceptOptions,
  FoundConcept,
  GraphStats,
  ListConceptsOptions,
  ListPapersOptions,
  Page,
  PaperConceptLink,
  PaperPageRequest,
  RelatedConceptsOptions,
  RelatedOptions,
  RelatedPaperResult,
  SharedTerm,
  StoredConcept,
  StoredPaper,
  TimeBucket,
  TextMatch,
  TextSource,
  TimeGranularity,
  WriteResult,
} from './types.js';

/**
 * What papergraph needs from a graph store. Two implementations: Neo4j (`createNeo4jStore`) and the
 * in-process default (`createMemoryStore`). The contract suite in `test/graph/` runs every method
 * against both and requires identical answers, so every ordering is fully specified here.
 *
 * Batch reads (the methods taking `ids`) exist for the API's per-request loaders, so that a field asked for
 * a whole page of parents costs one store call, one Neo4j read transaction of a fixed number of queries (two
 * for related papers, one for the others), whatever the page size. They answer one result per id, in the
 * order given, repeats included (each its own copy), each exactly what that id alone would get; an unknown id
 * gets null, an empty list or an empty page. Their other arguments apply to every id and are checked before
 * anything is read, even for an empty id list.
 *
 * Failures are `PapergraphError`s: `GRAPH_UNAVAILABLE` when the store cannot be reached,
 * `BAD_USER_INPUT` for arguments the store refuses.
 */
export interface GraphStore {
  /** `"neo4j"` or `"memory"`. */
  readonly kind: string;

  /** Create constraints and indexes (idempotent). Called once at start. */
  init(): Promise<void>;
  /** Resolves true when the store answers a trivial read. Never throws. */
  ping(): Promise<boolean>;
  close(): Promise<void>;

  /**
   * Write papers with their concepts in ONE transaction: all land or none. Idempotent: writing the same
   * papers again leaves the same graph. A paper written again replaces its previous links (and its
   * properties); concepts left without papers by that are removed. Concept `name` and `type` are set when the
   * concept is created; aliases are merged (see `StoredConcept.aliases`). Duplicate ids in one batch: the
   * last one wins.
   */
  upsertPapers(papers: AnalyzedPaper[]): Promise<WriteResult>;
  /** Remove the paper and the concepts no other paper mentions. False when no such paper. */
  deletePaper(id: string): Promise<boolean>;

  /** Batch read: the papers, null for unknown ids. */
  getPapers(ids: readonly string[]): Promise<(StoredPaper | null)[]>;
  /** Batch read: the concepts, null for unknown ids. */
  getConcepts(ids: readonly string[]): Promise<(StoredConcept | null)[]>;
  /**
   * Batch read: each paper's links (of `types` when given), sorted by concept type in `CONCEPT_TYPES` order,
   * then role (PROPOSED first), then concept id.
   */
  getPaperConcepts(paperIds: readonly string[], types?: ConceptType[]): Promise<PaperConceptLink[][]>;
  /**
   * Batch read: each concept's papers ordered by title then id, the same `page` of each list (keys
   * `[title, id]`), with that concept's own total.
   */
  getConceptPapers(conceptIds: readonly string[], page: PaperPageRequest): Promise<Page<StoredPaper>[]>;
  /**
   * Batch read: for each paper, other papers ranked as `options.by` says (hybrid by default; see
   * `RelatedPaperResult`): score descending, then paper id. Candidates are the source's best
   * `TEXT_CANDIDATES` BM25 matches for its whole title and abstract (full-text index) and the papers reached
   * through its rarest concepts within `conceptBudget` (`selectConceptExpansion`); `rankRelated` scores them.
   */
  getRelatedPapers(paperIds: readonly string[], options: RelatedOptions): Promise<RelatedPaperResult[][]>;
  /** Papers related to a text that is not in the graph, found and ranked as `getRelatedPapers` does. */
  getRelatedToText(source: TextSource, options: RelatedOptions): Promise<RelatedPaperResult[]>;
  /** Batch read: for each text match, the shared terms that weigh most in it (`explainSharedTerms`). */
  explainTextMatches(matches: readonly TextMatch[]): Promise<SharedTerm[][]>;
  /** Batch read: for each concept, concepts co-occurring with it in papers: count descending, then concept id. */
  getRelatedConcepts(conceptIds: readonly string[], options: RelatedConceptsOptions): Promise<ConceptCount[][]>;
  /** Batch read: for each concept, the concepts whose `broader` it is, ordered by name then id. */
  getNarrowerConcepts(conceptIds: readonly string[]): Promise<StoredConcept[][]>;
  /**
   * Batch read: for each concept, its papers with a `published` date counted per period, ascending; empty
   * periods omitted.
   */
  conceptTimeline(conceptIds: readonly string[], granularity: TimeGranularity): Promise<TimeBucket[][]>;

  /**
   * The concept whose name or alias equals `name` under `canonicalKey` (from nlp). Where several match
   * (e.g. same name, two types), the one with most papers, then lowest id. With `options.papers`, also a page
   * of its papers, read with it (one round trip instead of two).
   */
  findConceptByName(name: string, options?: FindConceptOptions): Promise<FoundConcept | null>;

  /** Keys as `PAPER_KEY_SHAPES` (src/graph/page-keys.ts) says for the sort. */
  listPapers(options: ListPapersOptions): Promise<Page<StoredPaper>>;
  /** Ordered by paper count descending, then name, then id; keys `[paperCount, name, id]`. */
  listConcepts(options: ListConceptsOptions): Promise<Page<StoredConcept>>;

  /**
   * Up to `first` paper or concept ids greater than `after` (null: from the start), ascending: pages through a
   * whole graph in constant memory per page, for exports. Ids written meanwhile may or may not be seen.
   */
  scanIds(kind: ScanKind, after: string | null, first: number): Promise<string[]>;

  /** Reads counters kept on write, never the whole graph. */
  stats(): Promise<GraphStats>;
  /** All papers with a `published` date counted per period, ascending; empty periods omitted. */
  papersTimeline(granularity: TimeGranularity): Promise<TimeBucket[]>;
  /** Ordered by paper count descending, then name, then id. */
  topConcepts(options: { type?: ConceptType; first: number }): Promise<StoredConcept[]>;
  cooccurrence(options: { rowType: ConceptType; columnType: ConceptType; first: number }): Promise<Cooccurrence>;
}
