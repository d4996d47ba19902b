/**
 * npm run fuzz -- [--seed 1] [--documents 10000] [--records 10000] [--store both|memory|neo4j] [--clear]
 *
 * Fuzzes a real papergraph HTTP server (scripts/fuzz/run-fuzz.ts) on the embedded store and on the Neo4j of
 * NEO4J_URI. The fuzz writes papers, so a Neo4j database must be empty, or `--clear` given to empty it first.
 * Exits 1 when anything is found: a 5xx, an INTERNAL_SERVER_ERROR, a lost, changed or wrongly accepted record.
 */
import neo4j from 'neo4j-driver';
import { createSilentLogger, loadConfig } from '../src/config/index.js';
import { createMemoryStore, createNeo4jStore, type GraphStore } from '../src/graph/index.js';
import { formatFuzzReport, runFuzz } from './fuzz/run-fuzz.js';
import { cliArg } from './cli-arg.js';

const seed = Number(cliArg('--seed') ?? '1');
const documents = Number(cliArg('--documents') ?? '10000');
const records = Number(cliArg('--records') ?? '10000');
const which = cliArg('--store') ?? 'both';
const config = loadConfig();
let failed = false;

async function fuzz(name: string, store: GraphStore): Promise<void> {
  await store.init();
  const started = Date.now();
  const report = await runFuzz({ store, seed, documents, records, progress: (line) => console.error(`  ${name}: ${line}`) });
  console.log(`${formatFuzzReport(name, report)} (${((Date.now() - started) / 1000).toFixed(0)} s, seed ${seed})`);
  const problems = report.serverErrors.length + report.internalErrors.length + report.lost.length + report.changed.length + report.accepted.length;
  if (problems > 0 || !report.alive) failed = true;
  await store.close();
}

if (which !== 'neo4j') await fuzz('memory', createMemoryStore());
if (which !== 'memory') {
  if (config.neo4j === null) {
    console.log('neo4j: skipped (set NEO4J_URI and NEO4J_PASSWORD)');
  } else {
    const driver = neo4j.driver(config.neo4j.uri, neo4j.auth.basic(config.neo4j.user, config.neo4j.password));
    try {
      const { records: counted } = await driver.executeQuery('MATCH (n) RETURN count(n) AS n', {}, { database: config.neo4j.database });
      const nodes = neo4j.integer.toNumber(counted[0]?.get('n') ?? 0);
      if (nodes > 0 && !process.argv.includes('--clear')) {
        console.error(`neo4j: ${config.neo4j.uri} holds ${nodes} nodes; the fuzz writes papers, so give --clear to empty it first`);
        process.exit(2);
      }
      if (nodes > 0) {
        // CALL … IN TRANSACTIONS needs an auto-commit transaction. Relationships first: a hub concept's DETACH
        // DELETE alone can pass the transaction memory limit.
        const session = driver.session({ database: config.neo4j.database });
        try {
          await session.run('MATCH ()-[r]->() CALL (r) { DELETE r } IN TRANSACTIONS OF 5000 ROWS');
          await session.run('MATCH (n) CALL (n) { DELETE n } IN TRANSACTIONS OF 5000 ROWS');
        } finally {
          await session.close();
        }
      }
    } finally {
      await driver.close();
    }
    await fuzz('neo4j', createNeo4jStore({ config: config.neo4j, logger: createSilentLogger() }));
  }
}
process.exit(failed ? 1 : 0);
