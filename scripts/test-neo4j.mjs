// Which Neo4j the integration suite may use. The suite empties its database before every file, so it must
// never be the one a user ingests into (NEO4J_URI): by default `npm test` starts a dedicated instance
// (scripts/neo4j --instance test, its own home under .neo4j/instances/test) on a free port.
import net from 'node:net';

export const TEST_INSTANCE = 'test';
const TEST_USER = 'neo4j';
const TEST_PASSWORD = 'papergraph-dev';

/**
 * @param {Record<string, string | undefined>} env
 * @param {number} freePort a port nothing listens on, for the dedicated instance
 * @returns {{ start: boolean, port?: number, uri: string, user: string, password: string, database: string }}
 */
export function planTestNeo4j(env, freePort) {
  const database = env.PAPERGRAPH_TEST_NEO4J_DATABASE || 'neo4j';
  if (env.PAPERGRAPH_TEST_NEO4J_URI) {
    return {
      start: false,
      uri: env.PAPERGRAPH_TEST_NEO4J_URI,
      user: env.PAPERGRAPH_TEST_NEO4J_USER || TEST_USER,
      password: env.PAPERGRAPH_TEST_NEO4J_PASSWORD ?? TEST_PASSWORD,
      database,
    };
  }
  return { start: true, port: freePort, uri: `bolt://127.0.0.1:${freePort}`, user: TEST_USER, password: TEST_PASSWORD, database };
}

/**
 * The environment the test runner gets: the user's Neo4j settings removed (so no test, and no CLI or server a test
 * spawns, can reach the user's graph), the test database's added under PAPERGRAPH_TEST_NEO4J_*.
 * @param {Record<string, string | undefined>} env
 * @param {ReturnType<typeof planTestNeo4j> | null} plan null when the integration suite is skipped
 */
export function testRunnerEnv(env, plan) {
  const out = Object.fromEntries(Object.entries(env).filter(([key]) => !/^NEO4J_/.test(key) && !/^PAPERGRAPH_TEST_NEO4J_/.test(key)));
  if (plan !== null) {
    out.PAPERGRAPH_TEST_NEO4J_URI = plan.uri;
    out.PAPERGRAPH_TEST_NEO4J_USER = plan.user;
    out.PAPERGRAPH_TEST_NEO4J_PASSWORD = plan.password;
    out.PAPERGRAPH_TEST_NEO4J_DATABASE = plan.database;
  }
  return out;
}

/** A TCP port free on 127.0.0.1 right now. */
export function findFreePort() {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });
}
