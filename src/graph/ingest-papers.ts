import type { PaperRecord } from '../ingest/index.js';
import { extractConcepts, extractConceptsParallel } from '../nlp/index.js';
import type { GraphStore } from './graph-store.js';
import type { AnalyzedPaper, WriteResult } from './types.js';

export interface IngestPapersOptions {
  /**
   * Papers per store transaction. Each batch lands whole or not at all. Default 500: large enough that a
   * transaction's overhead is paid rarely, small enough to keep Neo4j's transaction memory bounded.
   */
  batchSize?: number;
  /**
   * Extract on worker threads across cores. Default true; `extractConceptsParallel` itself keeps batches too
   * small to pay for threads in this thread. False always extracts in this thread.
   */
  parallel?: boolean;
}

/** Runs the NLP pass over each paper, so a store write gets papers with their concepts. */
async function analyzePapers(
  papers: readonly PaperRecord[],
  options: Pick<IngestPapersOptions, 'parallel'> = {},
): Promise<AnalyzedPaper[]> {
  const inputs = papers.map(({ title, abstract }) => ({ title, abstract }));
  const extractions =
    options.parallel === false ? inputs.map((input) => extractConcepts(input)) : await extractConceptsParallel(inputs);
  return papers.map((paper, index) => ({ ...paper, extraction: extractions[index]! }));
}

/** Extracts concepts from validated papers and writes them, batch by batch. */
export async function ingestPapers(
  store: GraphStore,
  papers: readonly PaperRecord[],
  options: IngestPapersOptions = {},
): Promise<WriteResult> {
  const batchSize = options.batchSize ?? 500;
  const analyzed = await analyzePapers(papers, options);
  const total: WriteResult = { papers: 0, concepts: 0 };
  for (let start = 0; start < analyzed.length; start += batchSize) {
    const result = await store.upsertPapers(analyzed.slice(start, start + batchSize));
    total.papers += result.papers;
    total.concepts += result.concepts;
  }
  return total;
}
