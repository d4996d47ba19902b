export { CONCEPT_TYPES, FIELDS, ROLES } from './types.js';
export type { ConceptType, ExtractedConcept, ExtractInput, Extraction, Field, Mention, Role } from './types.js';
export { canonicalKey } from './canonical-key.js';
export { extractConcepts } from './extract-concepts.js';
export { extractConceptsParallel } from './extract-concepts-parallel.js';
export type { ParallelOptions } from './extract-concepts-parallel.js';
