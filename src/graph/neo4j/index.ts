export { createNeo4jStore } from './neo4j-store.js';
export type { Neo4jStoreOptions } from './neo4j-store.js';
