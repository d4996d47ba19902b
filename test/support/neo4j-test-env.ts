import neo4j from 'neo4j-driver';
import type { Neo4jConfig } from '../../src/config/index.js';

/**
 * The database the `*.int.test.ts` files may wipe: set by `npm test` (scripts/test.mjs), which starts a dedicated
 * Neo4j for it, or by hand. Never NEO4J_URI, the user's own graph. The files skip without it.
 */
export const neo4jUri = process.env.PAPERGRAPH_TEST_NEO4J_URI;

if (neo4jUri === undefined && process.env.NEO4J_URI !== undefined) {
  console.warn(
    'The Neo4j tests do not use NEO4J_URI (they would wipe that graph): run `npm test`, which starts its own test Neo4j, ' +
      'or set PAPERGRAPH_TEST_NEO4J_URI to a database they may empty.',
  );
}

export const neo4jTestConfig: Neo4jConfig = {
  uri: neo4jUri ?? '',
  user: process.env.PAPERGRAPH_TEST_NEO4J_USER ?? 'neo4j',
  password: process.env.PAPERGRAPH_TEST_NEO4J_PASSWORD ?? 'papergraph-dev',
  database: process.env.PAPERGRAPH_TEST_NEO4J_DATABASE ?? 'neo4j',
};

export const describeNeo4j: jest.Describe = neo4jUri === undefined ? describe.skip : describe;

/** Community edition has one database, so every integration file starts from an empty one. */
export async function clearNeo4jDatabase(): Promise<void> {
  const driver = neo4j.driver(neo4jTestConfig.uri, neo4j.auth.basic(neo4jTestConfig.user, neo4jTestConfig.password));
  try {
    await driver.executeQuery('MATCH (n) DETACH DELETE n', {}, { database: neo4jTestConfig.database });
  } finally {
    await driver.close();
  }
}
