import type { ApolloServerPlugin } from '@apollo/server';
import { HeaderMap } from '@apollo/server';
import { GraphQLError } from 'graphql';
import { isPapergraphError } from '../errors/index.js';
import type { ApiContext } from './api-context.js';
import { checkApiKey } from './check-api-key.js';

/**
 * Refuses a mutation operation as a whole, before any field runs, unless the caller presented the configured
 * API key; queries are public. Over HTTP the refusal is a 401 with `WWW-Authenticate: Bearer`.
 */
export function createAuthPlugin(apiKey: string | null): ApolloServerPlugin<ApiContext> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ operation, contextValue }) {
          if (operation?.operation !== 'mutation') return;
          try {
            checkApiKey(apiKey, contextValue.presentedApiKey);
          } catch (error) {
            if (!isPapergraphError(error)) throw error;
            throw new GraphQLError(error.message, {
              originalError: error,
              extensions: {
                code: error.code,
                http: { status: 401, headers: new HeaderMap([['www-authenticate', 'Bearer realm="papergraph"']]) },
              },
            });
          }
        },
      };
    },
  };
}
