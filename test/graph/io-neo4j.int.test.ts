import { createSilentLogger } from '../../src/config/index.js';
import { createNeo4jStore } from '../../src/graph/index.js';
import { clearNeo4jDatabase, describeNeo4j, neo4jTestConfig } from '../support/neo4j-test-env.js';
import { describeIoContract } from './io-contract.js';

describeNeo4j('Neo4j store', () => {
  describeIoContract('neo4j', async () => {
    await clearNeo4jDatabase();
    const store = createNeo4jStore({ config: neo4jTestConfig, logger: createSilentLogger(), batchSize: 3 });
    await store.init();
    return store;
  });
});
