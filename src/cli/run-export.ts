import { createWriteStream } from 'node:fs';
import { finished } from 'node:stream/promises';
import { createLogger, loadConfig } from '../config/index.js';
import { createSink, neo4jAdminImportArgs, writeGraphml, writeJsonl, writeNeo4jCsv, type ExportFormat } from '../export/index.js';
import { createGraphStore, exportConcepts, exportPapers, ingestPaperStream } from '../graph/index.js';
import { formatRecordError, listInputFiles, streamPapers } from '../ingest/index.js';
import { createProgress } from './create-progress.js';
import type { CliIo } from './main.js';

export interface ExportCommandOptions {
  format: ExportFormat;
  /** A file for `graphml` and `jsonl` (default: standard output), a directory for `csv` (required). */
  out?: string;
  /** GraphML only: concept–concept co-occurrence edges with counts. */
  cooccurrence?: boolean;
  /** Ingest these files first (into the embedded store, which otherwise starts empty in this process). */
  ingest?: string[];
}

/**
 * Streams the graph out of the store (Neo4j, or the embedded store after `--ingest`) page by page, with a
 * progress bar on a terminal. Standard output carries the data when no `--out` is given, so messages go to
 * standard error.
 */
export async function runExport(options: ExportCommandOptions, io: CliIo): Promise<number> {
  if (options.format === 'csv' && options.out === undefined) {
    io.stderr.write('papergraph export --format csv needs --out DIR (it writes five files)\n');
    return 2;
  }
  if (options.cooccurrence && options.format !== 'graphml') {
    io.stderr.write('--cooccurrence is for --format graphml\n');
    return 2;
  }
  const config = loadConfig(io.env);
  const logger = createLogger({ level: config.logLevel });
  const store = createGraphStore({ config, logger });
  const progress = createProgress(io.stderr, { label: 'export' });
  try {
    await store.init();
    if (options.ingest !== undefined) {
      const { written, bad } = await ingestPaperStream(store, streamPapers((await listInputFiles(options.ingest)).files), {
        onError: (error) => io.stderr.write(`${formatRecordError(error)}\n`),
      });
      io.stderr.write(`ingested ${written} paper(s); ${bad} bad record(s) skipped\n`);
    }
    const total = (await store.stats()).papers;
    const onPapers = (count: number) =>
      progress.update({ papers: count, fraction: total === 0 ? 1 : count / total, detail: `of ${total}` });
    const concepts = exportConcepts(store);
    const papers = exportPapers(store);
    let count: number;
    if (options.format === 'csv') {
      const dir = options.out!;
      count = await writeNeo4jCsv(concepts, papers, dir, onPapers);
      progress.stop();
      io.stderr.write(
        `exported ${count} paper(s) as CSV to ${dir}; import into an empty, stopped Neo4j with:\n` +
          `  neo4j-admin ${neo4jAdminImportArgs(dir).join(' ')}\n`,
      );
      return 0;
    }
    const file = options.out === undefined ? null : createWriteStream(options.out);
    const sink = createSink(file ?? io.stdout);
    count =
      options.format === 'jsonl'
        ? await writeJsonl(papers, sink, onPapers)
        : await writeGraphml(concepts, papers, sink, { cooccurrence: options.cooccurrence ?? false }, onPapers);
    if (file !== null) {
      file.end();
      await finished(file);
    }
    progress.stop();
    io.stderr.write(`exported ${count} paper(s) as ${options.format}${options.out === undefined ? '' : ` to ${options.out}`}\n`);
    return 0;
  } finally {
    progress.stop();
    await store.close();
  }
}
