// scripts/test-neo4j.mjs decides which Neo4j `npm test` wipes; these are the rules that keep it off the user's graph.
// @ts-expect-error plain ESM script without types
import { planTestNeo4j, testRunnerEnv } from '../../scripts/test-neo4j.mjs';

describe('the Neo4j that npm test uses', () => {
  const userEnv = { NEO4J_URI: 'bolt://127.0.0.1:7687', NEO4J_USER: 'neo4j', NEO4J_PASSWORD: 'secret', NEO4J_BOLT_PORT: '7999', PATH: '/bin' };

  it('starts a dedicated instance on the free port it was given, whatever NEO4J_URI and NEO4J_BOLT_PORT say', () => {
    const plan = planTestNeo4j(userEnv, 43123);
    expect(plan).toMatchObject({ start: true, port: 43123, uri: 'bolt://127.0.0.1:43123' });
  });

  it('hides the user graph from the test runner and everything it spawns', () => {
    const env = testRunnerEnv(userEnv, planTestNeo4j(userEnv, 43123));
    expect(env.NEO4J_URI).toBeUndefined();
    expect(env.NEO4J_PASSWORD).toBeUndefined();
    expect(env.NEO4J_BOLT_PORT).toBeUndefined();
    expect(env.PAPERGRAPH_TEST_NEO4J_URI).toBe('bolt://127.0.0.1:43123');
    expect(env.PATH).toBe('/bin');
  });

  it('uses a database given as PAPERGRAPH_TEST_NEO4J_URI without starting one', () => {
    const plan = planTestNeo4j({ ...userEnv, PAPERGRAPH_TEST_NEO4J_URI: 'bolt://10.0.0.9:7687', PAPERGRAPH_TEST_NEO4J_PASSWORD: 'x' }, 43123);
    expect(plan).toMatchObject({ start: false, uri: 'bolt://10.0.0.9:7687', password: 'x' });
  });

  it('gives the runner no test database when the suite is skipped', () => {
    expect(testRunnerEnv(userEnv, null).PAPERGRAPH_TEST_NEO4J_URI).toBeUndefined();
  });
});
