import type { ConceptType } from '../nlp/index.js';
import type {
  AnalyzedPaper,
  ConceptCount,
  Cooccurrence,
  GraphStats,
  ListConceptsOptions,
  ListPapersOptions,
  Page,
  PageRequest,
  PaperConceptLink,
  RelatedOptions,
  RelatedPaperResult,
  StoredConcept,
  StoredPaper,
  TimeBucket,
  TimeGranularity,
  WriteResult,
} from './types.js';

/**
 * What papergraph needs from a graph store. Two implementations: Neo4j (`createNeo4jStore`) and the
 * in-process default (`createMemoryStore`). The contract suite in `test/graph/` runs every method
 * against both and requires identical answers, so every ordering is fully specified here.
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

  /** Batch lookups for loaders: one result per id, in the order given, null for unknown ids. */
  getPapers(ids: readonly string[]): Promise<(StoredPaper | null)[]>;
  getConcepts(ids: readonly string[]): Promise<(StoredConcept | null)[]>;
  /**
   * Links per paper, one array per id in the order given (empty for unknown ids). Each array is sorted by
   * concept type in `CONCEPT_TYPES` order, then role (PROPOSED first), then concept id.
   */
  getPaperConcepts(paperIds: readonly string[], types?: ConceptType[]): Promise<PaperConceptLink[][]>;

  /**
   * The concept whose name or alias equals `name` under `canonicalKey` (from nlp). Where several match
   * (e.g. same name, two types), the one with most papers, then lowest id.
   */
  findConceptByName(name: string): Promise<StoredConcept | null>;

  listPapers(options: ListPapersOptions): Promise<Page<StoredPaper>>;
  /** Ordered by paper count descending, then name, then id. */
  listConcepts(options: ListConceptsOptions): Promise<Page<StoredConcept>>;
  /** Papers mentioning the concept, ordered by title then id. */
  getConceptPapers(conceptId: string, page: PageRequest): Promise<Page<StoredPaper>>;

  /**
   * Other papers ranked by shared concepts, IDF-weighted (see `RelatedPaperResult`): score descending,
   * then paper id. Empty for an unknown paper.
   */
  getRelatedPapers(paperId: string, options: RelatedOptions): Promise<RelatedPaperResult[]>;
  /** Concepts co-occurring with the concept in papers: count descending, then concept id. */
  getRelatedConcepts(conceptId: string, options: { first: number; type?: ConceptType }): Promise<ConceptCount[]>;
  /** Concepts whose `broader` is this concept, ordered by name then id. */
  getNarrowerConcepts(conceptId: string): Promise<StoredConcept[]>;

  stats(): Promise<GraphStats>;
  /** Ordered by paper count descending, then name, then id. */
  topConcepts(options: { type?: ConceptType; first: number }): Promise<StoredConcept[]>;
  cooccurrence(options: { rowType: ConceptType; columnType: ConceptType; first: number }): Promise<Cooccurrence>;
  /** Papers with a `published` date that mention the concept, counted per period, ascending; empty periods omitted. */
  conceptTimeline(conceptId: string, granularity: TimeGranularity): Promise<TimeBucket[]>;
}
