import type { Config, Logger } from '../config/index.js';
import type { GraphStore } from './graph-store.js';
import { createMemoryStore } from './memory/index.js';
import { createNeo4jStore } from './neo4j/index.js';

export interface GraphStoreOptions {
  config: Config;
  logger: Logger;
  /** Passed to either store; see `selectConceptExpansion`. Default `DEFAULT_CONCEPT_BUDGET`. */
  conceptBudget?: number;
}

/** Neo4j when `config.neo4j` is set (NEO4J_URI), else the in-process store. */
export function createGraphStore(options: GraphStoreOptions): GraphStore {
  const { config, logger } = options;
  const budget = options.conceptBudget === undefined ? {} : { conceptBudget: options.conceptBudget };
  if (config.neo4j === null) {
    logger.info('NEO4J_URI is not set: using the in-process graph store');
    return createMemoryStore(budget);
  }
  logger.info({ uri: config.neo4j.uri, database: config.neo4j.database }, 'using the Neo4j graph store');
  return createNeo4jStore({ config: config.neo4j, logger, ...budget });
}
