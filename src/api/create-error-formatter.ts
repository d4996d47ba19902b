import { GraphQLError, type GraphQLFormattedError } from 'graphql';
import type { Logger } from '../config/index.js';
import { isPapergraphError } from '../errors/index.js';

export const INTERNAL_ERROR_MESSAGE = 'Internal server error';

/**
 * Apollo's codes for a request the client got wrong (syntax, validation, a malformed HTTP request, an
 * unknown operation name, persisted queries). Clients see one code for all of them, `BAD_USER_INPUT`, with
 * Apollo's code kept as `extensions.reason` for those who want the stage.
 */
const APOLLO_REQUEST_CODES = new Set([
  'GRAPHQL_PARSE_FAILED',
  'GRAPHQL_VALIDATION_FAILED',
  'BAD_REQUEST',
  'OPERATION_RESOLUTION_FAILURE',
  'PERSISTED_QUERY_NOT_FOUND',
  'PERSISTED_QUERY_NOT_SUPPORTED',
]);

/** Extensions of a refusal of what the client sent; `reason` names Apollo's stage that refused it, if one did. */
export function badUserInputExtensions(reason?: string): { code: 'BAD_USER_INPUT'; reason?: string } {
  return reason === undefined ? { code: 'BAD_USER_INPUT' } : { code: 'BAD_USER_INPUT', reason };
}

/**
 * Whether an error is about a well-formed request's document or variables, as opposed to a malformed HTTP
 * request or an operation name that matches nothing.
 */
export function isDocumentError(extensions: { code?: unknown; reason?: unknown } | undefined): boolean {
  if (extensions?.code !== 'BAD_USER_INPUT') return false;
  return extensions.reason === undefined || extensions.reason === 'GRAPHQL_PARSE_FAILED' || extensions.reason === 'GRAPHQL_VALIDATION_FAILED';
}

/** Follows `originalError` links down to what was actually thrown. */
function rootCause(error: unknown): unknown {
  let current = error;
  while (current instanceof GraphQLError && current.originalError !== undefined) current = current.originalError;
  return current;
}

/**
 * Apollo's `formatError`. Every error leaves with an `extensions.code`:
 * - `PapergraphError`: its code, message and details (internal ones masked);
 * - GraphQL errors (parse, validation, variable coercion, limits, malformed requests): `BAD_USER_INPUT`, with
 *   Apollo's code as `extensions.reason`, and our limits' refusals tagged `extensions.limit` whichever stage
 *   raised them;
 * - anything else is a bug: logged whole, answered with "Internal server error" and nothing of its content.
 */
export function createErrorFormatter(logger: Logger) {
  return (formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError => {
    const apolloCode = formatted.extensions?.['code'];
    // Apollo's own refusal of the request, whatever raised it underneath: a document nested deep enough to
    // overflow the parser's stack arrives as GRAPHQL_PARSE_FAILED over a RangeError.
    if (typeof apolloCode === 'string' && APOLLO_REQUEST_CODES.has(apolloCode) && !isTokenLimit(formatted)) {
      const overflow = rootCause(error) instanceof RangeError;
      return {
        ...formatted,
        ...(overflow ? { message: 'Syntax Error: the document is nested too deeply.' } : {}),
        extensions: { ...formatted.extensions, ...badUserInputExtensions(apolloCode) },
      };
    }
    if (isClientMistake(error)) {
      return { ...formatted, extensions: { ...formatted.extensions, ...badUserInputExtensions('BAD_REQUEST') } };
    }
    const cause = rootCause(error);
    const where = { path: formatted.path, locations: formatted.locations };
    if (isPapergraphError(cause)) {
      if (cause.code === 'INTERNAL_SERVER_ERROR') return masked(formatted, logger, cause);
      if (cause.code === 'GRAPH_UNAVAILABLE') logger.warn({ err: cause, ...where }, 'graph store unavailable');
      return { ...formatted, message: cause.message, extensions: { ...cause.details, code: cause.code } };
    }
    if (cause instanceof GraphQLError) {
      const extensions = formatted.extensions ?? {};
      const code = extensions['code'];
      const tokenLimit = isTokenLimit(formatted);
      const reason = typeof code === 'string' && APOLLO_REQUEST_CODES.has(code) ? code : undefined;
      if (typeof extensions['limit'] === 'string' || tokenLimit || reason !== undefined) {
        return {
          ...formatted,
          ...(tokenLimit ? { message: formatted.message.replace(/^Syntax Error: /, '').replace('more that', 'more than') } : {}),
          extensions: { ...extensions, ...(tokenLimit ? { limit: 'maxTokens' } : {}), ...badUserInputExtensions(reason) },
        };
      }
      if (code === undefined || code === 'INTERNAL_SERVER_ERROR') {
        logger.error({ err: cause, ...where }, 'GraphQL execution error');
        return { ...formatted, extensions: { ...extensions, code: 'INTERNAL_SERVER_ERROR' } };
      }
      return formatted;
    }
    return masked(formatted, logger, cause);
  };
}

/** graphql-js raises the parser's token limit as a plain syntax error ("more that" sic); it is our limit. */
function isTokenLimit(formatted: GraphQLFormattedError): boolean {
  return formatted.extensions?.['code'] === 'GRAPHQL_PARSE_FAILED' && /contains more tha[nt] \d+ tokens/.test(formatted.message);
}

/**
 * Refusals that Apollo and graphql-js raise without a code: a persisted query whose hash does not match (Apollo
 * sets only an HTTP 4xx status), graphql-js giving up after 50 bad variable values, and an operation type the
 * schema has no root for (`subscription`).
 */
function isClientMistake(error: unknown): boolean {
  if (!(error instanceof GraphQLError) || error.extensions['code'] !== undefined) return false;
  const status = (error.extensions['http'] as { status?: unknown } | undefined)?.status;
  if (typeof status === 'number' && status >= 400 && status < 500) return true;
  // A subscription (or any operation type the schema lacks) is refused by graphql-js at execution, uncoded.
  return error.message.startsWith('Too many errors processing variables') || /^Schema is not configured to execute \w+ operation/.test(error.message);
}

function masked(formatted: GraphQLFormattedError, logger: Logger, cause: unknown): GraphQLFormattedError {
  logger.error({ err: cause, path: formatted.path, locations: formatted.locations }, 'internal error in GraphQL operation');
  return {
    message: INTERNAL_ERROR_MESSAGE,
    ...(formatted.locations === undefined ? {} : { locations: formatted.locations }),
    ...(formatted.path === undefined ? {} : { path: formatted.path }),
    extensions: { code: 'INTERNAL_SERVER_ERROR' },
  };
}
