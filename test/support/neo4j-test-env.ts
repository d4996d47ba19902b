import neo4j from 'neo4j-driver';
import type { Neo4jConfig } from '../../src/config/index.js';

/** Set by `npm test` (scripts/test.mjs) or by hand; the `*.int.test.ts` files skip without it. */
export const neo4jUri = process.env.NEO4J_URI;

export const neo4jTestConfig: Neo4jConfig = {
  uri: neo4jUri ?? '',
  user: process.env.NEO4J_USER ?? 'neo4j',
  password: process.env.NEO4J_PASSWORD ?? '',
  database: process.env.NEO4J_DATABASE ?? 'neo4j',
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
