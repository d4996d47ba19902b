export type { GraphStore } from './graph-store.js';
export type * from './types.js';
export { PAPER_SORTS, TIME_GRANULARITIES } from './types.js';
export { ingestPapers, analyzePapers } from './ingest-papers.js';
export type { IngestPapersOptions } from './ingest-papers.js';
