import { parentPort } from 'node:worker_threads';
import { extractConcepts } from './extract-concepts.js';
import type { ExtractInput } from './types.js';

/** One chunk of a batch: the pool numbers chunks and stitches the answers back in input order. */
export interface ChunkRequest {
  chunk: number;
  inputs: ExtractInput[];
}

export interface ChunkResponse {
  chunk: number;
  results: ReturnType<typeof extractConcepts>[];
}

// A pool worker lives across batches: compromise and the lexicon are set up once, then it extracts chunk
// after chunk as the pool hands them out.
if (parentPort) {
  const port = parentPort;
  port.on('message', (req: ChunkRequest) => {
    const response: ChunkResponse = { chunk: req.chunk, results: req.inputs.map((input) => extractConcepts(input)) };
    port.postMessage(response);
  });
}
