import { startServer } from '../api/index.js';
import { createLogger, loadConfig } from '../config/index.js';
import { createGraphStore, ingestPapers } from '../graph/index.js';
import { formatRecordError } from '../ingest/index.js';
import type { CliIo } from './main.js';
import { readCliInputs } from './read-cli-inputs.js';

/** Starts the server and resolves once a SIGTERM or SIGINT has shut it down cleanly. */
export async function runServe(options: { ingest?: string[] }, io: CliIo): Promise<number> {
  const config = loadConfig(io.env);
  const logger = createLogger({ level: config.logLevel });
  const store = createGraphStore({ config, logger });
  await store.init();
  let exitCode = 0;
  if (options.ingest !== undefined) {
    const { papers, errors } = await readCliInputs(options.ingest);
    for (const error of errors) logger.warn({ error }, `bad record skipped: ${formatRecordError(error)}`);
    const result = await ingestPapers(store, papers);
    logger.info({ papers: result.papers, badRecords: errors.length, store: store.kind }, 'ingested');
    if (errors.length > 0) exitCode = 1;
  }
  const server = await startServer({ config, store, logger });
  logger.info({ url: server.url, store: store.kind }, 'papergraph is serving GraphQL');
  io.stdout.write(`papergraph serving ${server.url} (store: ${store.kind})\n`);

  await new Promise<void>((resolve) => {
    const shutdown = (signal: NodeJS.Signals) => {
      logger.info({ signal }, 'shutting down');
      process.off('SIGTERM', shutdown);
      process.off('SIGINT', shutdown);
      server
        .close()
        .then(() => store.close())
        .catch((err: unknown) => {
          logger.error({ err }, 'error while shutting down');
          exitCode = 1;
        })
        .finally(resolve);
    };
    process.on('SIGTERM', shutdown);
    process.on('SIGINT', shutdown);
  });
  return exitCode;
}
