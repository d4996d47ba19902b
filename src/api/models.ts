import type {
  ConceptCount,
  PageKey,
  Cooccurrence,
  CooccurrenceCell,
  GraphStats,
  PaperConceptLink,
  QueryTerm,
  RelatedPaperResult,
  SharedConcept,
  SharedTerm,
  StoredConcept,
  StoredPaper,
} from '../graph/index.js';
import type { ExtractedConcept, Extraction } from '../nlp/index.js';

// The parent values resolvers receive (codegen `mappers`): the store's and nlp's own shapes wherever they fit,
// so no resolver converts data it does not need to.

export type PaperModel = StoredPaper;
export type ConceptModel = StoredConcept;
export type PaperConceptModel = PaperConceptLink;
/** A result with its source (a paper, or a text's query terms), which `sharedTerms` explains the text score against. */
export type RelatedPaperModel = RelatedPaperResult & { source: { paperId: string } | { query: QueryTerm[] } };
export type SharedTermModel = SharedTerm;
export type SharedConceptModel = SharedConcept;
export type RelatedConceptModel = ConceptCount;
export type CooccurrenceModel = Cooccurrence;
export type CooccurrenceCellModel = CooccurrenceCell;
export type StatsModel = GraphStats;
export type ExtractionModel = Extraction;
export type ExtractedConceptModel = ExtractedConcept;

/** One page of a Relay connection: the items plus where they sit, so edges and cursors are derived lazily. */
export interface ConnectionModel<T> {
  items: T[];
  totalCount: number;
  /** Absolute position of `items[0]` in the full ordered list. */
  offset: number;
  /** Each item's key in the list's order (keyset cursors), when the store gave them. */
  keys?: PageKey[];
}

export interface EdgeModel<T> {
  node: T;
  /** Absolute position of `node` in the full ordered list. */
  position: number;
  key?: PageKey;
}

export type PaperConnectionModel = ConnectionModel<StoredPaper>;
export type ConceptConnectionModel = ConnectionModel<StoredConcept>;
export type PaperEdgeModel = EdgeModel<StoredPaper>;
export type ConceptEdgeModel = EdgeModel<StoredConcept>;

export interface IngestResultModel {
  ingested: number;
  concepts: number;
  /** Ids of the written papers, in input order. */
  paperIds: string[];
  errors: { index: number; message: string }[];
}
