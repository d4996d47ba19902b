export { createNeo4jStore } from './neo4j-store.js';
export type { Neo4jStoreOptions } from './neo4j-store.js';
export { relatedPapersCypher, relatedPapersStatement, runRelatedPapers, twoStageFrom } from './related-papers.js';
export type { RelatedQueryOptions } from './related-papers.js';
export { TERM_SAMPLE_PAPERS, commonTerms, sampleTerms } from './common-terms.js';
export type { TermSample } from './common-terms.js';
