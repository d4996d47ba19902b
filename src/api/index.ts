export { startServer, GRAPHQL_PATH } from './start-server.js';
export type { StartServerOptions, RunningServer } from './start-server.js';
export { installShutdownHandlers } from './install-shutdown-handlers.js';
export type { ShutdownHandlersOptions } from './install-shutdown-handlers.js';
export { createGraphQLExecutor } from './create-graphql-executor.js';
export type {
  GraphQLExecutor,
  GraphQLExecutorOptions,
  GraphQLOperation,
  GraphQLResponse,
} from './create-graphql-executor.js';
export { createApiSchema, SCHEMA_PATH } from './create-api-schema.js';
export type { QueryLimitsOptions } from './create-query-limits.js';
export { MAX_PAGE_SIZE } from './page-arguments.js';
export { MAX_INGEST_BATCH } from './resolvers.js';
