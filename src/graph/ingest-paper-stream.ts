import type { PaperRecord, PaperStreamEvent, RecordError, StreamedPaper } from '../ingest/index.js';
import { extractConceptsParallel } from '../nlp/index.js';
import { isPapergraphError } from '../errors/index.js';
import type { GraphStore } from './graph-store.js';
import { preparePapers } from './prepare-papers.js';
import type { AnalyzedPaper, StoredPaper } from './types.js';

export interface IngestProgress {
  /** Good papers read so far. */
  read: number;
  /** Papers written to the store. */
  written: number;
  /** Papers already stored with the same content, not extracted or written again. */
  unchanged: number;
  /** Bad records reported. */
  bad: number;
}

export interface IngestStreamOptions {
  /** Papers per store transaction; each lands whole or not at all. Default 500. */
  batchSize?: number;
  /** Threads extracting concepts, this one included. Default: the cores available; 1 extracts in this thread. */
  workers?: number;
  /**
   * Skip papers the store already holds with the same content (title, abstract, url, date, authors, categories, DOI), so that
   * a re-run after an interruption continues where it stopped. Default true; false rewrites every paper.
   */
  skipUnchanged?: boolean;
  /** Each bad record, as soon as it is read (bad pre-extracted concepts included). */
  onError?: (error: RecordError) => void;
  /** Every 100 papers read, and after every batch extracted or written. */
  onProgress?: (progress: IngestProgress) => void;
}

const sameList = (a: readonly string[], b: readonly string[]) => a.length === b.length && a.every((x, i) => x === b[i]);

/** Whether the stored paper holds exactly what the record says (its content hash would be equal). */
function sameContent(record: PaperRecord, stored: StoredPaper | null): boolean {
  return (
    stored !== null &&
    stored.title === record.title &&
    stored.abstract === record.abstract &&
    stored.url === record.url &&
    stored.published === record.published &&
    sameList(stored.authors, record.authors) &&
    sameList(stored.categories, record.categories) &&
    stored.doi === record.doi
  );
}

/**
 * The pipeline of `papergraph ingest`: read → extract → write, in batches, memory bounded by about three batches
 * whatever the input size. The stream is pulled one batch at a time; a batch is extracted on a worker pool
 * while the previous one is being written, and the next is not read before that write has finished
 * (back-pressure). Papers that carry their concepts (an exported JSON Lines file) are checked and written
 * without extraction; one whose concepts do not hold is a bad record.
 */
export async function ingestPaperStream(
  store: GraphStore,
  events: AsyncIterable<PaperStreamEvent>,
  options: IngestStreamOptions = {},
): Promise<IngestProgress> {
  const batchSize = Math.max(1, Math.floor(options.batchSize ?? 500));
  const skipUnchanged = options.skipUnchanged ?? true;
  const progress: IngestProgress = { read: 0, written: 0, unchanged: 0, bad: 0 };
  const report = () => options.onProgress?.({ ...progress });
  const bad = (error: RecordError) => {
    progress.bad++;
    options.onError?.(error);
  };
  let writing: Promise<void> | null = null;
  let failure: { error: unknown } | null = null;

  const analyze = async (batch: StreamedPaper[]): Promise<AnalyzedPaper[]> => {
    const toExtract = batch.filter((item) => item.extraction === undefined);
    const extractions = await extractConceptsParallel(
      toExtract.map(({ paper }) => ({ title: paper.title, abstract: paper.abstract })),
      options.workers === undefined ? {} : { workers: options.workers },
    );
    const byItem = new Map(toExtract.map((item, i) => [item, extractions[i]!]));
    const analyzed: AnalyzedPaper[] = [];
    for (const item of batch) {
      const paper = { ...item.paper, extraction: (byItem.get(item) ?? item.extraction) as AnalyzedPaper['extraction'] };
      if (item.extraction !== undefined) {
        try {
          preparePapers([paper]);
        } catch (err) {
          if (!isPapergraphError(err)) throw err;
          bad({ source: item.source, line: item.line, message: `concepts: ${err.message.replace(/^Refused the batch: /, '')}` });
          continue;
        }
      }
      analyzed.push(paper);
    }
    return analyzed;
  };

  const flush = async (batch: StreamedPaper[]) => {
    let todo = batch;
    if (skipUnchanged) {
      const stored = await store.getPapers(batch.map((item) => item.paper.id));
      todo = batch.filter((item, i) => !sameContent(item.paper, stored[i] ?? null));
      progress.unchanged += batch.length - todo.length;
    }
    const analyzed = todo.length === 0 ? [] : await analyze(todo);
    if (writing !== null) await writing;
    if (failure !== null) throw failure.error;
    report();
    if (analyzed.length === 0) return;
    writing = store.upsertPapers(analyzed).then(
      (result) => {
        progress.written += result.papers;
        report();
      },
      (error: unknown) => {
        failure = { error };
      },
    );
  };

  let batch: StreamedPaper[] = [];
  for await (const event of events) {
    if ('error' in event) {
      bad(event.error);
      continue;
    }
    progress.read++;
    if (progress.read % 100 === 0) report();
    batch.push(event.paper);
    if (batch.length >= batchSize) {
      const full = batch;
      batch = [];
      await flush(full);
    }
  }
  if (batch.length > 0) await flush(batch);
  if (writing !== null) await writing;
  if (failure !== null) throw (failure as { error: unknown }).error;
  report();
  return progress;
}
