import { parentPort, workerData } from 'node:worker_threads';
import { extractConcepts } from './extract-concepts.js';
import type { ExtractInput } from './types.js';

// Runs one contiguous slice of a batch; the pool stitches slices back in input order.
if (parentPort) {
  const { inputs } = workerData as { inputs: ExtractInput[] };
  parentPort.postMessage(inputs.map((input) => extractConcepts(input)));
}
