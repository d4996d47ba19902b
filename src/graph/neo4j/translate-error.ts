import neo4j from 'neo4j-driver';
import { PapergraphError, isPapergraphError } from '../../errors/index.js';

const AUTH_CODES = new Set([
  'Neo.ClientError.Security.Unauthorized',
  'Neo.ClientError.Security.AuthenticationRateLimit',
  'Neo.ClientError.Security.CredentialsExpired',
  'Neo.ClientError.Security.TokenExpired',
]);

const UNAVAILABLE_CODES = new Set([
  neo4j.error.SERVICE_UNAVAILABLE,
  neo4j.error.SESSION_EXPIRED,
  'Neo.TransientError.General.DatabaseUnavailable',
]);

/** Neo4j stopped the transaction at its timeout (the read timeout papergraph sets). */
const TIMEOUT_CODES = new Set([
  'Neo.ClientError.Transaction.TransactionTimedOut',
  'Neo.ClientError.Transaction.TransactionTimedOutClientConfiguration',
]);

/** The transaction hit Neo4j's memory limit for transactions, which protects its heap. */
const MEMORY_CODES = new Set([
  'Neo.TransientError.General.MemoryPoolOutOfMemoryError',
  'Neo.TransientError.General.TransactionMemoryLimit',
  'Neo.TransientError.General.OutOfMemoryError',
]);

export interface TranslateErrorOptions {
  /** The read timeout in force, for the message of a timed-out read. */
  readTimeoutMillis?: number;
}

const CONNECTION_ERRNOS = new Set(['ECONNREFUSED', 'ECONNRESET', 'ENOTFOUND', 'EHOSTUNREACH', 'ETIMEDOUT', 'EPIPE']);

/**
 * The one place Neo4j failures become papergraph errors, so the API maps every store failure the same way:
 * unreachable or refusing credentials → `GRAPH_UNAVAILABLE` (a client can retry or an operator can fix
 * configuration), a read stopped at its timeout or at the transaction memory limit → `GRAPH_UNAVAILABLE` with
 * `reason` `TIMEOUT` or `MEMORY` (the request asked too much for now), anything else →
 * `INTERNAL_SERVER_ERROR` with the original kept as `cause` for the logs.
 * `PapergraphError`s (e.g. our own validation) pass through unchanged.
 */
export function translateError(error: unknown, uri: string, options: TranslateErrorOptions = {}): PapergraphError {
  if (isPapergraphError(error)) return error;
  const code = (error as { code?: unknown } | null)?.code;
  if (typeof code === 'string' && TIMEOUT_CODES.has(code)) {
    const limit = options.readTimeoutMillis === undefined ? '' : ` of ${options.readTimeoutMillis} ms`;
    return new PapergraphError(
      'GRAPH_UNAVAILABLE',
      `The query ran past its time limit${limit} and was stopped; ask for less (a smaller \`first\`, fewer nested lists).`,
      { cause: error, details: { reason: 'TIMEOUT', ...(options.readTimeoutMillis === undefined ? {} : { maxMillis: options.readTimeoutMillis }) } },
    );
  }
  if (typeof code === 'string' && MEMORY_CODES.has(code)) {
    return new PapergraphError(
      'GRAPH_UNAVAILABLE',
      'The query needed more memory than Neo4j allows one transaction; ask for less, or retry when the graph is less busy.',
      { cause: error, details: { reason: 'MEMORY' } },
    );
  }
  if (typeof code === 'string' && AUTH_CODES.has(code)) {
    return new PapergraphError(
      'GRAPH_UNAVAILABLE',
      `Neo4j at ${uri} refused the credentials; check NEO4J_USER/NEO4J_PASSWORD.`,
      { cause: error },
    );
  }
  if (code === 'Neo.ClientError.Database.DatabaseNotFound') {
    return new PapergraphError('GRAPH_UNAVAILABLE', `Neo4j at ${uri} has no such database; check NEO4J_DATABASE.`, {
      cause: error,
    });
  }
  if (typeof code === 'string' && (UNAVAILABLE_CODES.has(code) || CONNECTION_ERRNOS.has(code))) {
    return new PapergraphError('GRAPH_UNAVAILABLE', `Neo4j at ${uri} is unavailable; is the server running and reachable?`, {
      cause: error,
    });
  }
  const message = error instanceof Error ? error.message : String(error);
  return new PapergraphError('INTERNAL_SERVER_ERROR', `Neo4j query failed: ${message}`, { cause: error });
}
