import { once } from 'node:events';
import { formatRecordError } from '../ingest/index.js';
import { extractConcepts, extractConceptsParallel } from '../nlp/index.js';
import type { StreamedPaper } from '../ingest/index.js';
import type { CliIo } from './main.js';
import { resolveCliInput, type CliInputFormat } from './read-cli-inputs.js';

export interface ExtractCommandOptions {
  format?: CliInputFormat;
  /** Default: the graph's threshold (`DEFAULT_MIN_CONFIDENCE`). */
  minConfidence?: number;
  /** Threads extracting concepts (this one included). Default: the cores available. */
  workers?: number;
}

/** Papers extracted per round: enough to keep a worker pool busy, few enough to print as it goes. */
const BATCH = 200;

/**
 * Prints `{"id","title","concepts":[…],"codeLinks"}` per paper, in input order, streaming (a batch at a time);
 * bad records go to standard error.
 */
export async function runExtract(file: string | undefined, options: ExtractCommandOptions, io: CliIo): Promise<number> {
  const input = await resolveCliInput(file === undefined ? [] : [file], {
    ...(options.format ? { format: options.format } : {}),
    allowEmptyTitle: true,
    stdin: io.stdin,
  });
  let bad = 0;
  let batch: StreamedPaper[] = [];
  const flush = async () => {
    if (batch.length === 0) return;
    const inputs = batch.map(({ paper }) => ({ title: paper.title, abstract: paper.abstract }));
    // The worker pool extracts at the graph's threshold only; another threshold runs in this thread.
    const minConfidence = options.minConfidence;
    const extractions =
      minConfidence === undefined
        ? await extractConceptsParallel(inputs, options.workers === undefined ? {} : { workers: options.workers })
        : inputs.map((paper) => extractConcepts(paper, { minConfidence }));
    let text = '';
    batch.forEach(({ paper }, i) => {
      const { concepts, codeLinks } = extractions[i]!;
      const line = {
        id: paper.id,
        title: paper.title,
        concepts: concepts.map(({ name, type, aliases, role, confidence, mentions }) => ({
          name,
          type,
          aliases,
          role,
          confidence,
          mentions: mentions.map(({ field, start, end, text: mentionText }) => ({ field, start, end, text: mentionText })),
        })),
        codeLinks,
      };
      text += `${JSON.stringify(line)}\n`;
    });
    batch = [];
    if (!io.stdout.write(text)) await once(io.stdout, 'drain');
  };
  for await (const event of input.open()) {
    if ('error' in event) {
      bad++;
      io.stderr.write(`${formatRecordError(event.error)}\n`);
      continue;
    }
    batch.push(event.paper);
    if (batch.length >= BATCH) await flush();
  }
  await flush();
  return bad > 0 ? 1 : 0;
}
