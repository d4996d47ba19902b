import { ApolloServer, type ApolloServerPlugin } from '@apollo/server';
import { ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import type { Logger } from '../config/index.js';
import type { ApiContext } from './api-context.js';
import { createApiSchema } from './create-api-schema.js';
import { createAuthPlugin } from './create-auth-plugin.js';
import { createErrorFormatter } from './create-error-formatter.js';
import { createQueryLimits, type QueryLimitsOptions } from './create-query-limits.js';

export interface ApolloServerOptions {
  logger: Logger;
  /** The key mutations require; null refuses every mutation. */
  apiKey: string | null;
  /** Defaults as documented on `QueryLimitsOptions`. */
  limits?: QueryLimitsOptions;
  /** Whether the schema can be introspected. Default true (`Config.introspection`). */
  introspection?: boolean;
  /** Whether validation errors suggest names ("Did you mean …?"). Default true (`Config.suggestions`). */
  suggestions?: boolean;
  /** Extra plugins, e.g. the HTTP drain. */
  plugins?: ApolloServerPlugin<ApiContext>[];
}

export function createApolloServer(options: ApolloServerOptions): ApolloServer<ApiContext> {
  const { logger } = options;
  const schema = createApiSchema();
  const limits = createQueryLimits(schema, options.limits);
  const apolloLogger = logger.child({ component: 'apollo' });
  return new ApolloServer<ApiContext>({
    schema,
    introspection: options.introspection ?? true,
    hideSchemaDetailsFromClientErrors: !(options.suggestions ?? true),
    includeStacktraceInErrorResponses: false,
    // The process owner stops the server (`installShutdownHandlers`): Apollo's own handlers would stop it first
    // and then re-raise the signal, which reads as a second signal and skips the drain.
    stopOnTerminationSignals: false,
    // Batching multiplies one request's cost past every per-operation limit.
    allowBatchedHttpRequests: false,
    formatError: createErrorFormatter(logger),
    validationRules: limits.validationRules,
    parseOptions: limits.parseOptions,
    logger: {
      debug: (message: unknown) => apolloLogger.debug(String(message)),
      info: (message: unknown) => apolloLogger.info(String(message)),
      warn: (message: unknown) => apolloLogger.warn(String(message)),
      error: (message: unknown) => apolloLogger.error(String(message)),
    },
    plugins: [
      // The default landing page loads Apollo Sandbox from a CDN; the HTTP server serves an offline page instead.
      ApolloServerPluginLandingPageDisabled(),
      createAuthPlugin(options.apiKey),
      ...(limits.plugins as ApolloServerPlugin<ApiContext>[]),
      ...(options.plugins ?? []),
    ],
  });
}
