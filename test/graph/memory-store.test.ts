import { createMemoryStore } from '../../src/graph/index.js';
import { describeStoreContract } from './store-contract.js';

describeStoreContract('memory', async (options) => createMemoryStore(options));
