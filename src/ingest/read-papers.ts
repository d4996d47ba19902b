import { readdir, readFile, stat } from 'node:fs/promises';
import { extname, join } from 'node:path';
import { PapergraphError } from '../errors/index.js';
import type { PaperRecord, ReadResult, RecordError } from './types.js';
import { validateLocatedInputs, type LocatedInput, type ValidateOptions } from './validate-paper-inputs.js';

export const INPUT_FORMATS = ['page', 'jsonl'] as const;
/** `page`: the scraped trending-papers page (a title line, then an abstract paragraph); `jsonl`: JSON Lines. */
export type InputFormat = (typeof INPUT_FORMATS)[number];

/** Larger files are refused before reading: the NLP pass is meant for abstracts, not dumps of full texts. */
export const MAX_FILE_BYTES = 256 * 1024 * 1024;

export interface ReadPapersOptions extends ValidateOptions {
  /** Default: from the extension (`.jsonl`/`.json` → `jsonl`, anything else → `page`). */
  format?: InputFormat;
}

export function formatFromPath(path: string): InputFormat {
  const ext = extname(path).toLowerCase();
  return ext === '.jsonl' || ext === '.json' || ext === '.ndjson' ? 'jsonl' : 'page';
}

const TITLE_MAX_CHARS = 400;

/**
 * An abstract ends like a sentence and is either long or holds more than one sentence; titles and page
 * chrome ("Subscribe", "Jul 3") are short single lines, even those ending in "?".
 */
function isParagraph(line: string): boolean {
  if (!/[.!?)]["')\]]?$/.test(line)) return false;
  return line.length >= 300 || (line.length >= 60 && /[.!?]\s+["'(]?[A-Z]/.test(line));
}

/**
 * Parses the page format: non-empty lines are blocks; a paper is a short title line followed by an
 * abstract paragraph. Short lines before the first paper are page chrome ("Subscribe", a date…) and are
 * skipped; anything else that does not pair up is a bad record, reported with its line.
 */
function parsePage(text: string): { inputs: LocatedInput[]; errors: Omit<RecordError, 'source'>[] } {
  const blocks = text
    .split(/\r?\n/)
    .map((content, index) => ({ content: content.trim(), line: index + 1 }))
    .filter((block) => block.content !== '');
  const inputs: LocatedInput[] = [];
  const errors: Omit<RecordError, 'source'>[] = [];
  let i = 0;
  while (i < blocks.length) {
    const block = blocks[i]!;
    const next = blocks[i + 1];
    if (!isParagraph(block.content) && next !== undefined && isParagraph(next.content)) {
      if (block.content.length > TITLE_MAX_CHARS) {
        errors.push({ line: block.line, message: `title line is longer than ${TITLE_MAX_CHARS} characters` });
      } else {
        inputs.push({ value: { title: block.content, abstract: next.content }, line: block.line });
      }
      i += 2;
      continue;
    }
    if (inputs.length === 0 && errors.length === 0 && !isParagraph(block.content)) {
      i += 1; // page chrome before the first paper
      continue;
    }
    errors.push({
      line: block.line,
      message: isParagraph(block.content)
        ? 'abstract paragraph without a title line before it'
        : 'title line without an abstract paragraph after it',
    });
    i += 1;
  }
  return { inputs, errors };
}

function parseJsonLines(text: string): { inputs: LocatedInput[]; errors: Omit<RecordError, 'source'>[] } {
  const inputs: LocatedInput[] = [];
  const errors: Omit<RecordError, 'source'>[] = [];
  text.split(/\r?\n/).forEach((content, index) => {
    const line = index + 1;
    if (content.trim() === '') return;
    try {
      inputs.push({ value: JSON.parse(content) as unknown, line });
    } catch (err) {
      errors.push({ line, message: `invalid JSON: ${(err as Error).message}` });
    }
  });
  return { inputs, errors };
}

/** Reads and validates one file. I/O problems (missing file, too large) throw `BAD_USER_INPUT`. */
export async function readPapers(path: string, options: ReadPapersOptions = {}): Promise<ReadResult> {
  const info = await stat(path).catch((err: NodeJS.ErrnoException) => {
    throw new PapergraphError('BAD_USER_INPUT', `${path}: cannot read (${err.code ?? err.message})`, { cause: err });
  });
  if (!info.isFile()) throw new PapergraphError('BAD_USER_INPUT', `${path}: not a file`);
  if (info.size > MAX_FILE_BYTES) {
    throw new PapergraphError('BAD_USER_INPUT', `${path}: ${info.size} bytes is more than the ${MAX_FILE_BYTES} allowed`);
  }
  const text = await readFile(path, 'utf8');
  return parsePapers(text, path, options.format ?? formatFromPath(path), options);
}

/** Parses and validates text already in memory; `source` names it in errors. */
export function parsePapers(
  text: string,
  source: string,
  format: InputFormat,
  options: ValidateOptions = {},
): ReadResult {
  if (text.trim() === '') return { papers: [], errors: [{ source, line: 1, message: 'file is empty' }] };
  const parsed = format === 'jsonl' ? parseJsonLines(text) : parsePage(text);
  const validated = validateLocatedInputs(parsed.inputs, source, options);
  const errors = [...parsed.errors.map((error) => ({ source, ...error })), ...validated.errors].sort(
    (a, b) => a.line - b.line,
  );
  if (validated.papers.length === 0 && errors.length === 0) {
    errors.push({ source, line: 1, message: 'no papers found' });
  }
  return { papers: validated.papers, errors };
}

/**
 * Reads files and directories (their files, sorted by name, not recursing). Papers whose id repeats one
 * from an earlier file are reported, so the result never holds the same id twice.
 */
export async function readPaperSources(paths: readonly string[], options: ReadPapersOptions = {}): Promise<ReadResult> {
  const files: string[] = [];
  for (const path of paths) {
    const info = await stat(path).catch(() => null);
    if (info?.isDirectory()) {
      const entries = await readdir(path, { withFileTypes: true });
      files.push(
        ...entries
          .filter((entry) => entry.isFile() && !entry.name.startsWith('.'))
          .map((entry) => join(path, entry.name))
          .sort(),
      );
    } else {
      files.push(path);
    }
  }
  const papers: PaperRecord[] = [];
  const errors: RecordError[] = [];
  const seen = new Map<string, string>();
  for (const file of files) {
    const result = await readPapers(file, options);
    errors.push(...result.errors);
    for (const paper of result.papers) {
      const first = seen.get(paper.id);
      if (first !== undefined) {
        errors.push({ source: file, line: 0, message: `duplicate paper id "${paper.id}" (already read from ${first})` });
        continue;
      }
      seen.set(paper.id, file);
      papers.push(paper);
    }
  }
  return { papers, errors };
}
