/**
 * The one set of error codes papergraph reports, in GraphQL `extensions.code` and in CLI messages.
 * Each layer throws `PapergraphError`; the API maps the code, so no layer needs to know GraphQL.
 */
export const ERROR_CODES = [
  'BAD_USER_INPUT',
  'NOT_FOUND',
  'UNAUTHENTICATED',
  'GRAPH_UNAVAILABLE',
  'INTERNAL_SERVER_ERROR',
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

export interface PapergraphErrorOptions {
  cause?: unknown;
  /** Extra machine-readable detail, e.g. `{ file, line }` of a bad record; safe to show to clients. */
  details?: Record<string, unknown>;
}

export class PapergraphError extends Error {
  readonly code: ErrorCode;
  readonly details: Record<string, unknown> | undefined;

  constructor(code: ErrorCode, message: string, options: PapergraphErrorOptions = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'PapergraphError';
    this.code = code;
    this.details = options.details;
  }
}

export function isPapergraphError(value: unknown): value is PapergraphError {
  return value instanceof PapergraphError;
}
