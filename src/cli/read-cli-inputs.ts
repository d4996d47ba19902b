import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { text as readStream } from 'node:stream/consumers';
import { parsePapers, readPaperSources, type InputFormat, type ReadResult } from '../ingest/index.js';

/** The corpus shipped with papergraph, found from the source or the built file alike (both sit two levels down). */
function defaultSeedsPath(): string {
  const local = 'seeds';
  return existsSync(local) ? local : fileURLToPath(new URL('../../seeds', import.meta.url));
}

/** `text`: the whole input is one abstract without a title (extract only). */
export type CliInputFormat = InputFormat | 'text';

export interface ReadCliInputsOptions {
  format?: CliInputFormat;
  allowEmptyTitle?: boolean;
  stdin?: NodeJS.ReadableStream;
}

/**
 * Reads papers from files, directories, or `-` (standard input). Standard input without `--format` is
 * JSON Lines when it starts with `{`, the page format when that finds papers, else one untitled abstract.
 */
export async function readCliInputs(paths: readonly string[], options: ReadCliInputsOptions = {}): Promise<ReadResult> {
  if (paths.length === 1 && paths[0] === '-') {
    const text = await readStream(options.stdin ?? process.stdin);
    return parseStdin(text, options);
  }
  if (options.format === 'text') {
    throw new Error('--format text is only for standard input (-)');
  }
  return readPaperSources(paths.length > 0 ? paths : [defaultSeedsPath()], {
    ...(options.format ? { format: options.format } : {}),
    allowEmptyTitle: options.allowEmptyTitle ?? false,
  });
}

function parseStdin(text: string, options: ReadCliInputsOptions): ReadResult {
  const validate = { allowEmptyTitle: options.allowEmptyTitle ?? false };
  const asText = (): ReadResult =>
    parsePapers(JSON.stringify({ title: '', abstract: text.trim() }), 'stdin', 'jsonl', { allowEmptyTitle: true });
  switch (options.format) {
    case 'text':
      return asText();
    case 'jsonl':
    case 'page':
      return parsePapers(text, 'stdin', options.format, validate);
    case undefined: {
      if (text.trimStart().startsWith('{')) return parsePapers(text, 'stdin', 'jsonl', validate);
      const page = parsePapers(text, 'stdin', 'page', validate);
      return page.papers.length > 0 || !options.allowEmptyTitle ? page : asText();
    }
  }
}
