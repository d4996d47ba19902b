import { PapergraphError } from '../errors/index.js';
import {
  listInputFiles,
  streamPapers,
  streamPapersFromText,
  type InputFormat,
  type PaperStreamEvent,
} from './stream-papers.js';
import type { PaperRecord, ReadResult, RecordError } from './types.js';
import type { ValidateOptions } from './validate-paper-inputs.js';

export interface ReadPapersOptions extends ValidateOptions {
  /** Default: detected from the content (see `detectFormat`). */
  format?: InputFormat;
}

/** Gathers a paper stream into memory, errors sorted by source order then line. */
async function collect(events: AsyncIterable<PaperStreamEvent>): Promise<ReadResult> {
  const papers: PaperRecord[] = [];
  const errors: RecordError[] = [];
  for await (const event of events) {
    if ('error' in event) errors.push(event.error);
    else papers.push(event.paper.paper);
  }
  return { papers, errors };
}

/** Reads and validates one file into memory. I/O problems (missing file) throw `BAD_USER_INPUT`. */
export async function readPapers(path: string, options: ReadPapersOptions = {}): Promise<ReadResult> {
  const { files } = await listInputFiles([path]);
  if (files.length !== 1 || files[0] !== path) throw new PapergraphError('BAD_USER_INPUT', `${path}: not a file`);
  return collect(streamPapers([path], options));
}

/** Parses and validates text already in memory; `source` names it in errors. */
export async function parsePapers(
  text: string,
  source: string,
  format: InputFormat | undefined,
  options: ValidateOptions = {},
): Promise<ReadResult> {
  return collect(streamPapersFromText(text, source, { ...options, ...(format ? { format } : {}) }));
}

/**
 * Reads files and directories (their files, sorted by name, not recursing) into memory. For inputs of any
 * size, use `streamPapers`. Papers whose id repeats an earlier one are reported, so the result never holds the
 * same id twice.
 */
export async function readPaperSources(paths: readonly string[], options: ReadPapersOptions = {}): Promise<ReadResult> {
  const { files } = await listInputFiles(paths);
  return collect(streamPapers(files, options));
}
