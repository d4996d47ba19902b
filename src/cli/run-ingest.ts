import { createLogger, loadConfig } from '../config/index.js';
import { createGraphStore, ingestPaperStream } from '../graph/index.js';
import { formatRecordError, type InputFormat, type PaperStreamEvent } from '../ingest/index.js';
import { createProgress } from './create-progress.js';
import type { CliIo } from './main.js';
import { resolveCliInput } from './read-cli-inputs.js';

export interface IngestCommandOptions {
  format?: InputFormat;
  strict?: boolean;
  /** Threads extracting concepts (this one included). Default: the cores available. */
  workers?: number;
  /** Papers per transaction. Default 500. */
  batchSize?: number;
  /** Rewrite papers the store already holds unchanged (default: skip them, so a re-run resumes). */
  force?: boolean;
}

/** Counts the bad records of an input without writing anything (the first pass of `--strict`). */
async function countBad(events: AsyncIterable<PaperStreamEvent>, io: CliIo): Promise<number> {
  let bad = 0;
  for await (const event of events) {
    if ('error' in event) {
      bad++;
      io.stderr.write(`${formatRecordError(event.error)}\n`);
    }
  }
  return bad;
}

/**
 * Streams the input through extraction into the store, batch by batch. Bad records are reported one by one
 * and the good ones are written (exit 1 when any was bad); with `--strict`, the input is read once to check it
 * and any bad record refuses it whole, nothing written. Papers already stored with the same content are
 * skipped, so running the same command again after an interruption completes the ingest.
 */
export async function runIngest(files: string[], options: IngestCommandOptions, io: CliIo): Promise<number> {
  const config = loadConfig(io.env);
  const logger = createLogger({ level: config.logLevel });
  const input = await resolveCliInput(files, { ...(options.format ? { format: options.format } : {}), stdin: io.stdin });
  let events: AsyncIterable<PaperStreamEvent> | null = null;
  if (options.strict) {
    // Standard input cannot be read twice: it is checked from memory.
    const buffered: PaperStreamEvent[] = [];
    const first = input.reopenable ? input.open() : gather(input.open(), buffered);
    const bad = await countBad(first, io);
    if (bad > 0) {
      io.stderr.write(`refused: ${bad} bad record(s); nothing was written (--strict)\n`);
      return 1;
    }
    if (!input.reopenable) events = replay(buffered);
  }
  if (config.neo4j === null) {
    io.stderr.write(
      'note: NEO4J_URI is not set, so this writes to the embedded in-process store, which ends with this command. ' +
        'Use `papergraph serve --ingest …` to serve from it, or set NEO4J_URI to keep the graph.\n',
    );
  }
  const store = createGraphStore({ config, logger });
  const progress = createProgress(io.stderr, { label: 'ingest' });
  let bytesRead = 0;
  const total = input.bytes;
  try {
    await store.init();
    const result = await ingestPaperStream(store, events ?? input.open((n) => (bytesRead += n)), {
      ...(options.workers === undefined ? {} : { workers: options.workers }),
      ...(options.batchSize === undefined ? {} : { batchSize: options.batchSize }),
      skipUnchanged: !options.force,
      onError: (error) => progress.log(`${formatRecordError(error)}\n`),
      onProgress: (p) =>
        progress.update({
          papers: p.read,
          fraction: total === null || total === 0 ? null : Math.min(1, bytesRead / total),
          detail: `${p.written} written, ${p.unchanged} unchanged, ${p.bad} bad`,
        }),
    });
    progress.stop();
    const stats = await store.stats();
    io.stdout.write(
      `ingested ${result.written} paper(s) into ${store.kind}` +
        (result.unchanged > 0 ? ` (${result.unchanged} already stored unchanged, skipped)` : '') +
        `; ${result.bad} bad record(s) skipped; ` +
        `graph now has ${stats.papers} papers, ${stats.concepts} concepts, ${stats.mentions} mentions\n`,
    );
    return result.bad > 0 ? 1 : 0;
  } finally {
    progress.stop();
    await store.close();
  }
}

async function* gather(events: AsyncIterable<PaperStreamEvent>, into: PaperStreamEvent[]): AsyncGenerator<PaperStreamEvent> {
  for await (const event of events) {
    into.push(event);
    yield event;
  }
}

async function* replay(events: readonly PaperStreamEvent[]): AsyncGenerator<PaperStreamEvent> {
  yield* events;
}
