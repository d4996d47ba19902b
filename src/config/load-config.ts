import { z } from 'zod';

export interface Neo4jConfig {
  uri: string;
  user: string;
  password: string;
  /** Default `neo4j`. */
  database: string;
  /** Longest one read transaction may run, in ms (`NEO4J_READ_TIMEOUT_MS`). Default 10 000. */
  readTimeoutMillis?: number;
  /** Reads sent to Neo4j at once; more wait their turn (`NEO4J_MAX_CONCURRENT_READS`). Default 8. */
  maxConcurrentReads?: number;
}

export interface Config {
  /** HTTP port. `PORT`, default 4000. */
  port: number;
  /** Interface to bind. `HOST`, default `0.0.0.0`. */
  host: string;
  /** Set when `NEO4J_URI` is; otherwise papergraph uses the embedded in-process store. */
  neo4j: Neo4jConfig | null;
  /** Bearer key that mutations require (`PAPERGRAPH_API_KEY`). Null: mutations are refused. */
  apiKey: string | null;
  /** Origins allowed by CORS (`CORS_ORIGINS`, comma-separated, `*` for any). Default: none. */
  corsOrigins: string[];
  /** `LOG_LEVEL`: fatal, error, warn, info, debug, trace or silent. Default `info`. */
  logLevel: LogLevel;
  /** Whether the schema can be introspected (`GRAPHQL_INTROSPECTION`, `true` or `false`). Default true. */
  introspection: boolean;
  /** Whether validation errors suggest field names ("Did you mean …?"; `GRAPHQL_SUGGESTIONS`). Default true. */
  suggestions: boolean;
}

export const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

const blankToUndefined = (value: unknown) => (typeof value === 'string' && value.trim() === '' ? undefined : value);
const optionalString = z.preprocess(blankToUndefined, z.string().trim().optional());

const flag = (fallback: boolean) =>
  z.preprocess(
    blankToUndefined,
    z
      .enum(['true', 'false', '1', '0'], { message: 'must be true or false' })
      .default(fallback ? 'true' : 'false')
      .transform((value) => value === 'true' || value === '1'),
  );
const positiveInt = (max: number) => z.preprocess(blankToUndefined, z.coerce.number().int().min(1).max(max).optional());

const envSchema = z.object({
  PORT: z.preprocess(blankToUndefined, z.coerce.number().int().min(0).max(65535).default(4000)),
  HOST: z.preprocess(blankToUndefined, z.string().default('0.0.0.0')),
  NEO4J_URI: z.preprocess(
    blankToUndefined,
    z
      .string()
      .regex(/^(bolt|neo4j)(\+s|\+ssc)?:\/\/[^\s]+$/, 'must look like bolt://host:7687 or neo4j://host:7687')
      .optional(),
  ),
  NEO4J_USER: optionalString,
  NEO4J_PASSWORD: optionalString,
  NEO4J_DATABASE: optionalString,
  PAPERGRAPH_API_KEY: z.preprocess(blankToUndefined, z.string().min(16, 'must be at least 16 characters').optional()),
  CORS_ORIGINS: optionalString,
  NEO4J_READ_TIMEOUT_MS: positiveInt(600_000),
  NEO4J_MAX_CONCURRENT_READS: positiveInt(1_000),
  LOG_LEVEL: z.preprocess(blankToUndefined, z.enum(LOG_LEVELS).default('info')),
  GRAPHQL_INTROSPECTION: flag(true),
  GRAPHQL_SUGGESTIONS: flag(true),
});

export class ConfigError extends Error {
  override readonly name = 'ConfigError';
}

/**
 * Reads and validates the environment: the only place papergraph does. Throws `ConfigError` naming each
 * variable to fix.
 */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = envSchema.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((issue) => `  ${issue.path.join('.')}: ${issue.message}`);
    throw new ConfigError(`Invalid configuration; fix these environment variables:\n${lines.join('\n')}`);
  }
  const e = parsed.data;
  if (e.NEO4J_URI === undefined && (e.NEO4J_PASSWORD !== undefined || e.NEO4J_USER !== undefined)) {
    throw new ConfigError(
      'Invalid configuration: NEO4J_USER/NEO4J_PASSWORD are set but NEO4J_URI is not. Set NEO4J_URI (e.g. bolt://127.0.0.1:7687) or unset them to use the embedded store.',
    );
  }
  if (e.NEO4J_URI !== undefined && e.NEO4J_PASSWORD === undefined) {
    throw new ConfigError('Invalid configuration: NEO4J_URI is set but NEO4J_PASSWORD is not. Set NEO4J_PASSWORD.');
  }
  return {
    port: e.PORT,
    host: e.HOST,
    neo4j:
      e.NEO4J_URI === undefined
        ? null
        : {
            uri: e.NEO4J_URI,
            user: e.NEO4J_USER ?? 'neo4j',
            password: e.NEO4J_PASSWORD ?? '',
            database: e.NEO4J_DATABASE ?? 'neo4j',
            ...(e.NEO4J_READ_TIMEOUT_MS === undefined ? {} : { readTimeoutMillis: e.NEO4J_READ_TIMEOUT_MS }),
            ...(e.NEO4J_MAX_CONCURRENT_READS === undefined ? {} : { maxConcurrentReads: e.NEO4J_MAX_CONCURRENT_READS }),
          },
    apiKey: e.PAPERGRAPH_API_KEY ?? null,
    corsOrigins: (e.CORS_ORIGINS ?? '')
      .split(',')
      .map((origin) => origin.trim())
      .filter((origin) => origin !== ''),
    logLevel: e.LOG_LEVEL,
    introspection: e.GRAPHQL_INTROSPECTION,
    suggestions: e.GRAPHQL_SUGGESTIONS,
  };
}
