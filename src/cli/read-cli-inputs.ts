import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { text as readStream } from 'node:stream/consumers';
import { Readable } from 'node:stream';
import {
  listInputFiles,
  streamPapers,
  streamPapersFromText,
  type InputFormat,
  type PaperStreamEvent,
  type StreamPapersOptions,
} from '../ingest/index.js';

/** The corpus shipped with papergraph, found from the source or the built file alike (both sit two levels down). */
function defaultSeedsPath(): string {
  const local = 'seeds';
  return existsSync(local) ? local : fileURLToPath(new URL('../../seeds', import.meta.url));
}

/** `text`: the whole input is one abstract without a title (extract only). */
export type CliInputFormat = InputFormat | 'text';

export interface CliInputOptions {
  format?: CliInputFormat;
  allowEmptyTitle?: boolean;
  stdin?: NodeJS.ReadableStream;
}

/** What a command reads: a way to (re)open the paper stream, and the bytes it will read when known (files). */
export interface CliInput {
  /** Opens the stream; for files, callable again (`--strict` reads twice). */
  open(onBytes?: (bytes: number) => void): AsyncIterable<PaperStreamEvent>;
  /** Total size of the files, or null for standard input. */
  bytes: number | null;
  /** False for standard input, which can be read once. */
  reopenable: boolean;
}

/**
 * Resolves the command's inputs: files and directories (default `seeds/`), or `-` for standard input. Standard
 * input is streamed like a file, except for `extract` when its format is neither given nor recognizable as
 * JSON or BibTeX: then it is read whole, as the page format if that finds papers, else as one untitled abstract.
 */
export async function resolveCliInput(paths: readonly string[], options: CliInputOptions = {}): Promise<CliInput> {
  const validate = { allowEmptyTitle: options.allowEmptyTitle ?? false };
  if (paths.length === 1 && paths[0] === '-') {
    const stdin = options.stdin ?? process.stdin;
    if (options.format === 'text') {
      const text = await readStream(stdin);
      return once(streamPapersFromText(JSON.stringify({ title: '', abstract: text.trim() }), 'stdin', { format: 'jsonl', allowEmptyTitle: true }));
    }
    if (options.format !== undefined) {
      return once(streamPapers([{ name: 'stdin', stream: toReadable(stdin) }], { ...validate, format: options.format }));
    }
    if (!options.allowEmptyTitle) return once(streamPapers([{ name: 'stdin', stream: toReadable(stdin) }], validate));
    const text = await readStream(stdin);
    const head = text.trimStart();
    if (head.startsWith('{') || head.startsWith('[') || head.startsWith('@')) return once(streamPapersFromText(text, 'stdin', validate));
    const page: PaperStreamEvent[] = [];
    for await (const event of streamPapersFromText(text, 'stdin', { ...validate, format: 'page' })) page.push(event);
    if (page.some((event) => 'paper' in event)) return once(toAsync(page));
    return once(streamPapersFromText(JSON.stringify({ title: '', abstract: text.trim() }), 'stdin', { format: 'jsonl', allowEmptyTitle: true }));
  }
  if (options.format === 'text') throw new Error('--format text is only for standard input (-)');
  const { files, bytes } = await listInputFiles(paths.length > 0 ? paths : [defaultSeedsPath()]);
  const streamOptions: StreamPapersOptions = { ...validate, ...(options.format ? { format: options.format } : {}) };
  return {
    open: (onBytes) => streamPapers(files, { ...streamOptions, ...(onBytes ? { onBytes } : {}) }),
    bytes,
    reopenable: true,
  };
}

function once(events: AsyncIterable<PaperStreamEvent>): CliInput {
  return { open: () => events, bytes: null, reopenable: false };
}

async function* toAsync<T>(items: readonly T[]): AsyncGenerator<T> {
  yield* items;
}

function toReadable(stream: NodeJS.ReadableStream): Readable {
  return stream instanceof Readable ? stream : Readable.from(stream as AsyncIterable<Buffer | string>);
}
