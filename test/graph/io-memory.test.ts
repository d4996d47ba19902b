import { createMemoryStore } from '../../src/graph/index.js';
import { describeIoContract } from './io-contract.js';

describeIoContract('memory', async () => createMemoryStore());
