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

const CONNECTION_ERRNOS = new Set(['ECONNREFUSED', 'ECONNRESET', 'ENOTFOUND', 'EHOSTUNREACH', 'ETIMEDOUT', 'EPIPE']);

/**
 * The one place Neo4j failures become papergraph errors, so the API maps every store failure the same way:
 * unreachable or refusing credentials → `GRAPH_UNAVAILABLE` (a client can retry or an operator can fix
 * configuration), anything else → `INTERNAL_SERVER_ERROR` with the original kept as `cause` for the logs.
 * `PapergraphError`s (e.g. our own validation) pass through unchanged.
 */
export function translateError(error: unknown, uri: string): PapergraphError {
  if (isPapergraphError(error)) return error;
  const code = (error as { code?: unknown } | null)?.code;
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
