import { formatRecordError } from '../ingest/index.js';
import { extractConcepts } from '../nlp/index.js';
import type { CliIo } from './main.js';
import { readCliInputs, type CliInputFormat } from './read-cli-inputs.js';

export interface ExtractCommandOptions {
  format?: CliInputFormat;
  /** Default: the graph's threshold (`DEFAULT_MIN_CONFIDENCE`). */
  minConfidence?: number;
}

/** Prints `{"id","title","concepts":[…]}` per paper, in input order; bad records go to standard error. */
export async function runExtract(file: string | undefined, options: ExtractCommandOptions, io: CliIo): Promise<number> {
  const { papers, errors } = await readCliInputs(file === undefined ? [] : [file], {
    ...(options.format ? { format: options.format } : {}),
    allowEmptyTitle: true,
    stdin: io.stdin,
  });
  for (const error of errors) io.stderr.write(`${formatRecordError(error)}\n`);
  for (const paper of papers) {
    const { concepts, codeLinks } = extractConcepts(
      paper,
      options.minConfidence === undefined ? {} : { minConfidence: options.minConfidence },
    );
    const line = {
      id: paper.id,
      title: paper.title,
      concepts: concepts.map(({ name, type, aliases, role, confidence, mentions }) => ({
        name,
        type,
        aliases,
        role,
        confidence,
        mentions: mentions.map(({ field, start, end, text }) => ({ field, start, end, text })),
      })),
      codeLinks,
    };
    io.stdout.write(`${JSON.stringify(line)}\n`);
  }
  return errors.length > 0 ? 1 : 0;
}
