import type { GraphQLFormattedError } from 'graphql';
import { createSilentLogger, type Config, type Logger } from '../config/index.js';
import type { GraphStore } from '../graph/index.js';
import { createExtractionPool, type ExtractionPool } from '../nlp/index.js';
import { createApiContext } from './api-context.js';
import { createApolloServer } from './create-apollo-server.js';
import type { QueryLimitsOptions } from './create-query-limits.js';

export interface GraphQLExecutorOptions {
  store: GraphStore;
  /** Default: a logger that drops everything. */
  logger?: Logger;
  /** `apiKey`, `introspection` and `suggestions` are used. Default: no key, so mutations are refused. */
  config?: Partial<Pick<Config, 'apiKey' | 'introspection' | 'suggestions'>>;
  /** Runs `extract`; default a pool of one worker thread, started on first use and stopped by `stop()`. */
  extractor?: ExtractionPool;
  /** Defaults as documented on `QueryLimitsOptions`. */
  limits?: QueryLimitsOptions;
}

export interface GraphQLOperation {
  query: string;
  variables?: Record<string, unknown>;
  operationName?: string;
  /** The API key mutations need, as an HTTP client would send it in `Authorization: Bearer …`. */
  apiKey?: string;
}

/** A GraphQL response, as it would be serialized over HTTP. */
export interface GraphQLResponse {
  data?: Record<string, unknown> | null;
  errors?: readonly GraphQLFormattedError[];
}

export interface GraphQLExecutor {
  execute(operation: GraphQLOperation): Promise<GraphQLResponse>;
  /** Stops the underlying Apollo server; the store is the caller's to close. */
  stop(): Promise<void>;
}

/**
 * Runs GraphQL operations in-process, with the same schema, limits, auth and error handling as the HTTP server,
 * for tools that embed papergraph.
 */
export function createGraphQLExecutor(options: GraphQLExecutorOptions): GraphQLExecutor {
  const logger = options.logger ?? createSilentLogger();
  const apiKey = options.config?.apiKey ?? null;
  const server = createApolloServer({
    logger,
    apiKey,
    ...(options.config?.introspection === undefined ? {} : { introspection: options.config.introspection }),
    ...(options.config?.suggestions === undefined ? {} : { suggestions: options.config.suggestions }),
    ...(options.limits ? { limits: options.limits } : {}),
  });
  const extractor = options.extractor ?? createExtractionPool();
  let started: Promise<void> | undefined;
  return {
    async execute({ query, variables, operationName, apiKey: presentedApiKey }) {
      started ??= server.start();
      await started;
      const response = await server.executeOperation(
        { query, ...(variables ? { variables } : {}), ...(operationName ? { operationName } : {}) },
        {
          contextValue: createApiContext({
            store: options.store,
            logger,
            presentedApiKey: presentedApiKey ?? null,
            extractor,
          }),
        },
      );
      if (response.body.kind !== 'single') {
        throw new Error('incremental delivery is not supported by the in-process executor');
      }
      const { data, errors } = response.body.singleResult;
      return { ...(data === undefined ? {} : { data }), ...(errors === undefined ? {} : { errors }) };
    },
    async stop() {
      if (options.extractor === undefined) await extractor.close();
      if (started) {
        await started;
        await server.stop();
      }
    },
  };
}
