export { loadConfig, ConfigError, LOG_LEVELS } from './load-config.js';
export type { Config, Neo4jConfig, LogLevel } from './load-config.js';
export { createLogger, createSilentLogger } from './create-logger.js';
export type { Logger, LoggerOptions } from './create-logger.js';
