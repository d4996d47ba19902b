export { CONCEPT_TYPES, FIELDS, ROLES } from './types.js';
export type { ConceptType, ExtractedConcept, ExtractInput, Extraction, Field, Mention, Role } from './types.js';
export { canonicalKey } from './canonical-key.js';
export { DEFAULT_MIN_CONFIDENCE, extractConcepts, familyName } from './extract-concepts.js';
export type { ExtractOptions } from './extract-concepts.js';
export { extractConceptsParallel } from './extract-concepts-parallel.js';
export type { ParallelOptions } from './extract-concepts-parallel.js';
export { createExtractionPool, ExtractionRefusedError, isExtractionRefusedError } from './extraction-pool.js';
export type { ExtractionPool, ExtractionPoolOptions, ExtractionRefusal } from './extraction-pool.js';
