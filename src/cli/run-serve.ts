import { installShutdownHandlers, startServer } from '../api/index.js';
import { createLogger, loadConfig } from '../config/index.js';
import { createGraphStore, ingestPapers } from '../graph/index.js';
import { formatRecordError, readPaperSources } from '../ingest/index.js';
import type { CliIo } from './main.js';

/** Starts the server and resolves once a SIGTERM or SIGINT has shut it down cleanly. */
export async function runServe(options: { ingest?: string[] }, io: CliIo): Promise<number> {
  const config = loadConfig(io.env);
  const logger = createLogger({ level: config.logLevel });
  const store = createGraphStore({ config, logger });
  await store.init();
  if (options.ingest !== undefined) {
    const { papers, errors } = await readPaperSources(options.ingest);
    for (const error of errors) logger.warn({ error }, `bad record skipped: ${formatRecordError(error)}`);
    const result = await ingestPapers(store, papers);
    logger.info({ papers: result.papers, badRecords: errors.length, store: store.kind }, 'ingested');
  }
  const server = await startServer({ config, store, logger });
  logger.info({ url: server.url, store: store.kind }, 'papergraph is serving GraphQL');
  io.stdout.write(`papergraph serving ${server.url} (store: ${store.kind})\n`);

  return new Promise<number>((resolve) => {
    installShutdownHandlers({ server, store, logger, exit: resolve });
  });
}
