import { extractConcepts } from './extract-concepts.js';
import type { ExtractInput, Extraction } from './types.js';

export interface ParallelOptions {
  workers?: number;
}

/** Provisional: in-thread; the worker pool lands next. */
export async function extractConceptsParallel(inputs: ExtractInput[], _options: ParallelOptions = {}): Promise<Extraction[]> {
  return inputs.map((i) => extractConcepts(i));
}
