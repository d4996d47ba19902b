import { afterAll, beforeAll, expect, it } from '@jest/globals';
import neo4j from 'neo4j-driver';
import type { Driver, ManagedTransaction } from 'neo4j-driver';
import { createSilentLogger } from '../../src/config/index.js';
import type { PapergraphError } from '../../src/errors/index.js';
import { withRequestSignal } from '../../src/graph/index.js';
import { createNeo4jSessions, type Neo4jSessions } from '../../src/graph/neo4j/neo4j-sessions.js';
import { describeNeo4j, neo4jTestConfig as config, neo4jUri } from '../support/neo4j-test-env.js';

/** A read that runs for minutes unless stopped; tagged so the test can find it among Neo4j's transactions. */
const SLOW = 'UNWIND range(1, 2000000000) AS x WITH x WHERE x = -1 RETURN count(x) AS papergraphSlowRead';
const slowRead = (tx: ManagedTransaction) => tx.run(SLOW);

let admin: Driver;
let sessions: Neo4jSessions;
beforeAll(() => {
  if (neo4jUri === undefined) return;
  admin = neo4j.driver(config.uri, neo4j.auth.basic(config.user, config.password));
  sessions = createNeo4jSessions(config, createSilentLogger(), { readTimeoutMillis: 300 });
});
afterAll(async () => {
  await sessions?.close();
  await admin?.close();
});

/** Neo4j's running transactions whose query is the slow read (SHOW TRANSACTIONS lists its own query too). */
async function slowReadsRunning(): Promise<number> {
  const { records } = await admin.executeQuery('SHOW TRANSACTIONS YIELD currentQuery RETURN currentQuery', {}, { database: config.database });
  return records.filter((r) => String(r.get('currentQuery')).includes('papergraphSlowRead')).length;
}

async function until(condition: () => Promise<boolean>, attempts = 200): Promise<boolean> {
  for (let i = 0; i < attempts; i++) {
    if (await condition()) return true;
    await new Promise((resolve) => setImmediate(resolve));
  }
  return false;
}

describeNeo4j('Neo4j sessions', () => {
  it('stops a read at its transaction timeout with GRAPH_UNAVAILABLE (reason TIMEOUT)', async () => {
    const error = (await sessions.read(slowRead).catch((e: unknown) => e)) as PapergraphError;
    expect(error.code).toBe('GRAPH_UNAVAILABLE');
    expect(error.details).toMatchObject({ reason: 'TIMEOUT' });
    expect(await until(async () => (await slowReadsRunning()) === 0)).toBe(true);
  });

  it('cancels a read in Neo4j when its request is aborted (the client disconnected)', async () => {
    const patient = createNeo4jSessions(config, createSilentLogger(), { readTimeoutMillis: 120_000 });
    try {
      const controller = new AbortController();
      const reading = withRequestSignal(controller.signal, () => patient.read(slowRead)).catch((e: unknown) => e);
      expect(await until(async () => (await slowReadsRunning()) === 1, 2_000)).toBe(true);
      controller.abort();
      const error = (await reading) as PapergraphError;
      expect(error.details).toMatchObject({ reason: 'CANCELLED' });
      expect(await until(async () => (await slowReadsRunning()) === 0, 2_000)).toBe(true);
    } finally {
      await patient.close();
    }
  });

  it('answers ping while every read slot is taken', async () => {
    const narrow = createNeo4jSessions(config, createSilentLogger(), { readTimeoutMillis: 120_000, maxConcurrentReads: 1 });
    const controller = new AbortController();
    try {
      const reading = withRequestSignal(controller.signal, () => narrow.read(slowRead)).catch(() => undefined);
      expect(await until(async () => (await slowReadsRunning()) === 1, 2_000)).toBe(true);
      expect(await narrow.ping()).toBe(true);
      controller.abort();
      await reading;
    } finally {
      await narrow.close();
    }
  });
});
