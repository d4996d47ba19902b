import { readFileSync } from 'node:fs';
import { makeExecutableSchema } from '@graphql-tools/schema';
import type { GraphQLSchema } from 'graphql';
import { resolvers } from './resolvers.js';

/**
 * `schema/schema.graphql`, the one source of the SDL. The path is relative to this module and holds both for
 * `src/api/` (tsx, tests) and `dist/api/` (built package, which ships `schema/`).
 */
export const SCHEMA_PATH = new URL('../../schema/schema.graphql', import.meta.url);

export function loadTypeDefs(): string {
  return readFileSync(SCHEMA_PATH, 'utf8');
}

/** The served schema: the SDL file with the generated-type-checked resolvers. */
export function createApiSchema(): GraphQLSchema {
  return makeExecutableSchema({
    typeDefs: loadTypeDefs(),
    resolvers,
    // A resolver for a field the SDL lacks is a drift; fail at start rather than serve it silently.
    resolverValidationOptions: { requireResolversToMatchSchema: 'error' },
  });
}
