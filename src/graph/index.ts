export type { GraphStore } from './graph-store.js';
export type * from './types.js';
export { PAPER_FIELDS, PAPER_SORTS, RELATED_BY, TIME_GRANULARITIES } from './types.js';
export { ingestPapers } from './ingest-papers.js';
export type { IngestPapersOptions } from './ingest-papers.js';
export { createGraphStore } from './create-graph-store.js';
export type { GraphStoreOptions } from './create-graph-store.js';
export { createMemoryStore } from './memory/index.js';
export type { MemoryStoreOptions } from './memory/index.js';
export { createNeo4jStore, relatedPapersCypher, relatedPapersStatement, runRelatedPapers, twoStageFrom } from './neo4j/index.js';
export type { Neo4jStoreOptions, RelatedQueryOptions, TermSample } from './neo4j/index.js';
export { TERM_SAMPLE_PAPERS, commonTerms, sampleTerms } from './neo4j/index.js';
export { searchTerms } from './search-terms.js';
export { ingestPaperStream } from './ingest-paper-stream.js';
export type { IngestProgress, IngestStreamOptions } from './ingest-paper-stream.js';
export { exportConcepts, exportPapers } from './export-graph.js';
export type { ExportedPaper, ExportGraphOptions } from './export-graph.js';
export type { ScanKind } from './scan-ids.js';
export { paperSearchText } from './search-terms.js';
export { conceptKeys } from './prepare-papers.js';
export { requestSignal, withRequestSignal } from './request-signal.js';
export { QUERY_TERM_MAX_SHARE, isTooCommon, textQueryTerms } from './bm25.js';
export type { QueryTerm } from './bm25.js';
export {
  DEFAULT_CONCEPT_BUDGET,
  HYBRID_CONCEPT_WEIGHT,
  FIRST_STAGE_PAPERS,
  FIRST_STAGE_TERMS,
  TEXT_CANDIDATES,
  TWO_STAGE_TEXT_MIN_PAPERS,
  conceptSpecificity,
  conceptWeight,
  explainSharedTerms,
  hybridScore,
  rankRelated,
  selectConceptExpansion,
} from './rank-related.js';
export type { ConceptFrequency, RankRelatedInput, RelatedCandidate } from './rank-related.js';
