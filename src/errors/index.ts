export { ERROR_CODES, PapergraphError, isPapergraphError } from './papergraph-error.js';
export type { ErrorCode, PapergraphErrorOptions } from './papergraph-error.js';
