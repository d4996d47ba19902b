/**
 * papergraph as a library: everything a tool needs to ingest papers, extract concepts, and query the
 * graph in-process (`createPapergraph`), or to run the HTTP server itself (`startServer`).
 */
export { createPapergraph } from './create-papergraph.js';
export type { IngestReport, Papergraph, PapergraphOptions } from './create-papergraph.js';

export { loadConfig, createLogger, createSilentLogger, ConfigError } from './config/index.js';
export type { Config, Neo4jConfig, Logger, LogLevel } from './config/index.js';
export { PapergraphError, isPapergraphError, ERROR_CODES } from './errors/index.js';
export type { ErrorCode } from './errors/index.js';

export {
  readPapers,
  readPaperSources,
  parsePapers,
  validatePaperInputs,
  paperIdFromTitle,
  formatRecordError,
} from './ingest/index.js';
export type { PaperRecord, PaperInput, RecordError, ReadResult, InputFormat } from './ingest/index.js';

export { extractConcepts, extractConceptsParallel, canonicalKey, CONCEPT_TYPES, ROLES } from './nlp/index.js';
export type { ConceptType, Role, Field, Mention, ExtractedConcept, Extraction, ExtractInput } from './nlp/index.js';

export { createGraphStore, createMemoryStore, createNeo4jStore, ingestPapers } from './graph/index.js';
export type { GraphStore, StoredPaper, StoredConcept, PaperConceptLink, WriteResult } from './graph/index.js';

export { startServer, createGraphQLExecutor, installShutdownHandlers } from './api/index.js';
export type { GraphQLExecutor, GraphQLOperation, GraphQLResponse, RunningServer } from './api/index.js';
