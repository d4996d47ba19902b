import { realpathSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Command, CommanderError, InvalidArgumentError, Option } from 'commander';
import { ConfigError } from '../config/index.js';
import { isPapergraphError } from '../errors/index.js';
import { INPUT_FORMATS } from '../ingest/index.js';
import { EXPORT_FORMATS } from '../export/index.js';
import { runExport, type ExportCommandOptions } from './run-export.js';
import { runExtract, type ExtractCommandOptions } from './run-extract.js';
import { runIngest, type IngestCommandOptions } from './run-ingest.js';
import { runServe } from './run-serve.js';

export interface CliIo {
  stdout: NodeJS.WritableStream;
  stderr: NodeJS.WritableStream;
  stdin: NodeJS.ReadableStream;
  env: NodeJS.ProcessEnv;
}

const formatOption = () =>
  new Option('-f, --format <format>', 'input format (default: detected from the content)').choices(INPUT_FORMATS);

const workersOption = () =>
  new Option('-w, --workers <n>', 'threads extracting concepts, this one included (default: the cores available)').argParser(
    parsePositiveInt('--workers'),
  );

function parsePositiveInt(name: string): (value: string) => number {
  return (value) => {
    const n = Number(value);
    if (!/^\d+$/.test(value.trim()) || !Number.isSafeInteger(n) || n < 1) {
      throw new InvalidArgumentError(`${name} must be a whole number of at least 1`);
    }
    return n;
  };
}

/** Runs the CLI and resolves to the exit code; `serve` resolves only once the server has shut down. */
export async function main(argv: readonly string[], io: CliIo = defaultIo()): Promise<number> {
  let exitCode = 0;
  const program = new Command('papergraph')
    .description('A knowledge graph of research papers: concepts from abstracts, served over GraphQL.')
    .exitOverride()
    .configureOutput({
      writeOut: (text) => io.stdout.write(text),
      writeErr: (text) => io.stderr.write(text),
    });

  program
    .command('ingest')
    .description('Read papers, extract their concepts and write them to the graph (default: seeds/).')
    .argument('[files...]', 'files or directories; - for standard input')
    .addOption(formatOption())
    .option('--strict', 'refuse the whole input when any record is bad (default: write the good ones)')
    .addOption(workersOption())
    .addOption(new Option('--batch-size <n>', 'papers per transaction (default: 500)').argParser(parsePositiveInt('--batch-size')))
    .option('--force', 'rewrite papers already stored unchanged (default: skip them, so a re-run resumes)')
    .action(async (files: string[], options: IngestCommandOptions) => {
      exitCode = await runIngest(files, options, io);
    });

  program
    .command('serve')
    .description('Serve the GraphQL API (embedded store unless NEO4J_URI is set).')
    .option('--ingest <paths...>', 'ingest these files or directories before serving')
    .action(async (options: { ingest?: string[] }) => {
      exitCode = await runServe(options, io);
    });

  program
    .command('extract')
    .description('Print the concepts of each paper as one JSON line per paper; stores nothing.')
    .argument('[file]', 'a papers file, or - for standard input (default: seeds/)')
    .addOption(
      new Option('-f, --format <format>', 'input format; text = the whole input is one abstract').choices([
        ...INPUT_FORMATS,
        'text',
      ]),
    )
    .addOption(
      new Option(
        '--min-confidence <n>',
        'keep concepts at least this confident; 0 lists every typed phrase (default: the graph threshold, 0.5)',
      ).argParser(parseConfidence),
    )
    .addOption(workersOption())
    .action(async (file: string | undefined, options: ExtractCommandOptions) => {
      exitCode = await runExtract(file, options, io);
    });

  program
    .command('export')
    .description('Write the whole graph as GraphML, neo4j-admin CSV or JSON Lines, streaming from the store.')
    .addOption(new Option('-f, --format <format>', 'output format').choices(EXPORT_FORMATS).makeOptionMandatory())
    .option('-o, --out <path>', 'file (graphml, jsonl; default: standard output) or directory (csv)')
    .option('--cooccurrence', 'graphml: add concept–concept co-occurrence edges with counts')
    .option('--ingest <paths...>', 'ingest these files or directories first (what the embedded store exports)')
    .action(async (options: ExportCommandOptions) => {
      exitCode = await runExport(options, io);
    });

  try {
    await program.parseAsync(argv as string[]);
    return exitCode;
  } catch (err) {
    if (err instanceof CommanderError) return err.exitCode;
    io.stderr.write(`papergraph: ${describeError(err)}\n`);
    return 1;
  }
}

function parseConfidence(value: string): number {
  const n = Number(value);
  if (value.trim() === '' || !Number.isFinite(n) || n < 0 || n > 1) {
    throw new InvalidArgumentError('must be a number from 0 to 1');
  }
  return n;
}

function describeError(err: unknown): string {
  if (err instanceof ConfigError) return err.message;
  if (isPapergraphError(err)) return `${err.message} [${err.code}]`;
  return err instanceof Error ? (err.stack ?? err.message) : String(err);
}

function defaultIo(): CliIo {
  return { stdout: process.stdout, stderr: process.stderr, stdin: process.stdin, env: process.env };
}

function isEntryPoint(): boolean {
  const entry = process.argv[1];
  if (entry === undefined) return false;
  try {
    return realpathSync(entry) === realpathSync(fileURLToPath(import.meta.url));
  } catch {
    return false;
  }
}

if (isEntryPoint()) {
  main(process.argv).then(
    (code) => {
      process.exitCode = code;
    },
    (err: unknown) => {
      console.error(err);
      process.exitCode = 1;
    },
  );
}
