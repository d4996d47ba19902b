import { createLogger, loadConfig } from '../config/index.js';
import { createGraphStore, ingestPapers } from '../graph/index.js';
import { formatRecordError, type InputFormat } from '../ingest/index.js';
import type { CliIo } from './main.js';
import { readCliInputs } from './read-cli-inputs.js';

export interface IngestCommandOptions {
  format?: InputFormat;
  strict?: boolean;
}

/**
 * Bad records are reported one by one and the good ones are written (exit 1 when any was bad); with
 * `--strict`, any bad record refuses the whole input and nothing is written.
 */
export async function runIngest(files: string[], options: IngestCommandOptions, io: CliIo): Promise<number> {
  const config = loadConfig(io.env);
  const logger = createLogger({ level: config.logLevel });
  const { papers, errors } = await readCliInputs(files, {
    ...(options.format ? { format: options.format } : {}),
    stdin: io.stdin,
  });
  for (const error of errors) io.stderr.write(`${formatRecordError(error)}\n`);
  if (errors.length > 0 && options.strict) {
    io.stderr.write(`refused: ${errors.length} bad record(s); nothing was written (--strict)\n`);
    return 1;
  }
  if (config.neo4j === null) {
    io.stderr.write(
      'note: NEO4J_URI is not set, so this writes to the embedded in-process store, which ends with this command. ' +
        'Use `papergraph serve --ingest …` to serve from it, or set NEO4J_URI to keep the graph.\n',
    );
  }
  const store = createGraphStore({ config, logger });
  try {
    await store.init();
    const result = await ingestPapers(store, papers);
    const stats = await store.stats();
    io.stdout.write(
      `ingested ${result.papers} paper(s) into ${store.kind}; ${errors.length} bad record(s) skipped; ` +
        `graph now has ${stats.papers} papers, ${stats.concepts} concepts, ${stats.mentions} mentions\n`,
    );
  } finally {
    await store.close();
  }
  return errors.length > 0 ? 1 : 0;
}
