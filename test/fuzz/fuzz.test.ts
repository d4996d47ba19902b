import { createMemoryStore } from '../../src/graph/index.js';
import { formatFuzzReport, runFuzz } from '../../scripts/fuzz/run-fuzz.js';

// The short form of `npm run fuzz` (10,000 documents and 10,000 records on both stores); the seed is fixed, so a
// failure here reproduces with the same seed and counts.
describe('fuzz (short form)', () => {
  it('answers 400 hostile documents and 400 hostile records with no 5xx, no internal error, nothing lost or changed', async () => {
    const store = createMemoryStore();
    await store.init();
    const report = await runFuzz({ store, seed: 1, documents: 400, records: 400 });
    expect(formatFuzzReport('memory', report)).toBe(
      'memory: 400 documents, 400 records; 5xx 0, internal/unknown codes 0, lost 0, changed 0, invalid accepted 0, alive true',
    );
  });
});
