export type { GraphStore } from './graph-store.js';
export type * from './types.js';
export { PAPER_SORTS, TIME_GRANULARITIES } from './types.js';
