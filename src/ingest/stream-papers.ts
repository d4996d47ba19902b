import { createReadStream } from 'node:fs';
import { open, readdir, stat } from 'node:fs/promises';
import { extname, join } from 'node:path';
import { pipeline, Transform, type Readable } from 'node:stream';
import { createGunzip } from 'node:zlib';
import { PapergraphError } from '../errors/index.js';
import { createJsonArrayReader, type JsonArrayReader } from './create-json-array-reader.js';
import { lineOfJsonError } from './line-of-json-error.js';
import {
  isS2AbstractRecord,
  mapArxivRecord,
  mapOpenAlexRecord,
  mapS2Record,
  s2CorpusId,
  type MappedRecord,
} from './map-source-record.js';
import { createBibtexReader, type BibtexReader } from './parse-bibtex.js';
import { createPageParser } from './parse-page-lines.js';
import { readLines, splitLines, type InputLine } from './read-lines.js';
import { isObject } from './source-ids.js';
import type { PaperRecord, RecordError } from './types.js';
import { validatePaperInput, type ValidateOptions } from './validate-paper-inputs.js';

export const INPUT_FORMATS = ['page', 'jsonl', 'arxiv', 'openalex', 's2', 'bibtex'] as const;
/**
 * `page`: the scraped trending-papers page (a title line, then an abstract paragraph); `jsonl`: papergraph's
 * JSON Lines; `arxiv`: the arXiv metadata snapshot; `openalex`: OpenAlex works; `s2`: Semantic Scholar
 * papers/abstracts datasets or Graph API records; `bibtex`: BibTeX entries with an `abstract` field.
 */
export type InputFormat = (typeof INPUT_FORMATS)[number];

/** A JSON file holding one object spread over lines (a saved API page) is read whole, and refused above this size. */
export const MAX_FILE_BYTES = 256 * 1024 * 1024;

/** One good paper, where it came from, and the concepts it carried when it came pre-extracted (unchecked). */
export interface StreamedPaper {
  paper: PaperRecord;
  source: string;
  line: number;
  /** `{ concepts, codeLinks }` of a JSON Lines record that carries `concepts` (an `export --format jsonl` line). */
  extraction?: unknown;
}

export type PaperStreamEvent = { paper: StreamedPaper } | { error: RecordError };

/** A file or directory path (a directory's files, sorted by name, not recursing), or an already open stream (standard input) with the name its errors carry. */
export type PaperSource = string | { name: string; stream: Readable };

export interface StreamPapersOptions extends ValidateOptions {
  /** Default: detected per file from its content (and `.bib` / `.gz` extensions). */
  format?: InputFormat;
  /** Called with the number of bytes just read from a file (compressed bytes for `.gz`), for progress. */
  onBytes?: (bytes: number) => void;
}

/** Default format from a path alone, before content is seen: `.bib` → `bibtex`, JSON extensions → `jsonl`, else `page`. */
export function formatFromPath(path: string): InputFormat {
  const name = path.toLowerCase().replace(/\.gz$/, '');
  const ext = extname(name);
  if (ext === '.bib' || ext === '.bibtex') return 'bibtex';
  return ext === '.jsonl' || ext === '.json' || ext === '.ndjson' ? 'jsonl' : 'page';
}

/** Which JSON source a record comes from, by the fields only that source writes. */
export function detectJsonFormat(value: unknown): InputFormat {
  if (!isObject(value)) return 'jsonl';
  if ('abstract_inverted_index' in value || 'authorships' in value || (typeof value.id === 'string' && value.id.startsWith('https://openalex.org/'))) {
    return 'openalex';
  }
  if (s2CorpusId(value) !== null || ('paperId' in value && ('externalIds' in value || 'corpusId' in value))) return 's2';
  if ('authors_parsed' in value || ('versions' in value && 'categories' in value && 'update_date' in value)) return 'arxiv';
  return 'jsonl';
}

/**
 * The format of a file from its first non-blank line: `@` starts BibTeX, `{` or `[` JSON (which source is then
 * told by the first record's fields), anything else the page format.
 */
export function detectFormat(firstLine: string, path: string): InputFormat | 'json' {
  const head = firstLine.trimStart();
  if (head.startsWith('@') || (head.startsWith('%') && formatFromPath(path) === 'bibtex')) return 'bibtex';
  if (head.startsWith('{') || head.startsWith('[')) return 'json';
  return formatFromPath(path) === 'bibtex' ? 'bibtex' : 'page';
}

interface Located {
  line: number;
  /** Absent for a record held back (a Semantic Scholar paper waiting for its abstract). */
  record?: MappedRecord;
  extraction?: unknown;
  /** Set when the record was read from another file than the one being parsed (a joined S2 paper). */
  source?: string;
}

/** Files of the given paths (a directory's files, sorted by name, not recursing), refusing what cannot be read. */
export async function listInputFiles(paths: readonly string[]): Promise<{ files: string[]; bytes: number }> {
  const files: string[] = [];
  let bytes = 0;
  for (const path of paths) {
    const info = await stat(path).catch((err: NodeJS.ErrnoException) => {
      throw new PapergraphError('BAD_USER_INPUT', `${path}: cannot read (${err.code ?? err.message})`, { cause: err });
    });
    if (info.isDirectory()) {
      const entries = await readdir(path, { withFileTypes: true });
      const names = entries.filter((e) => e.isFile() && !e.name.startsWith('.')).map((e) => join(path, e.name)).sort();
      for (const name of names) {
        files.push(name);
        bytes += (await stat(name)).size;
      }
    } else if (info.isFile()) {
      files.push(path);
      bytes += info.size;
    } else {
      throw new PapergraphError('BAD_USER_INPUT', `${path}: not a file`);
    }
  }
  return { files, bytes };
}

async function isGzip(path: string): Promise<boolean> {
  const handle = await open(path, 'r');
  try {
    const { buffer, bytesRead } = await handle.read(Buffer.alloc(2), 0, 2, 0);
    return bytesRead === 2 && buffer[0] === 0x1f && buffer[1] === 0x8b;
  } finally {
    await handle.close();
  }
}

/** A file as a stream of text, gunzipped when it is gzip (by its magic bytes), counting raw bytes read. */
async function openFile(path: string, onBytes?: (bytes: number) => void): Promise<Readable> {
  const streams: (Readable | Transform)[] = [createReadStream(path, { highWaterMark: 256 * 1024 })];
  if (onBytes) {
    streams.push(
      new Transform({
        transform(chunk: Buffer, _encoding, done) {
          onBytes(chunk.length);
          done(null, chunk);
        },
      }),
    );
  }
  if (await isGzip(path)) streams.push(createGunzip());
  if (streams.length === 1) return streams[0] as Readable;
  // pipeline destroys every stream on an error and passes it to the last, whose reader then throws.
  return pipeline(streams as unknown as [Readable, Transform], () => {}) as unknown as Readable;
}

/**
 * Whether a JSON file is one document rather than JSON Lines: an array, or (in a `.json` file) an object spread
 * over lines, like a saved API page.
 */
function startsWholeJson(firstLine: string, source: string): boolean {
  const head = firstLine.trim();
  if (head.startsWith('[') || head === '{') return true;
  if (!head.startsWith('{') || extname(source.toLowerCase().replace(/\.gz$/, '')) !== '.json') return false;
  try {
    JSON.parse(head);
    return false;
  } catch {
    return true;
  }
}

/** Maps a parsed JSON value by format, expanding API pages (`{"results": […]}`, `{"data": […]}`). */
function mapJsonValue(value: unknown, format: InputFormat): { record: MappedRecord; extraction?: unknown; value: unknown }[] {
  if (isObject(value) && !('title' in value) && (Array.isArray(value.results) || Array.isArray(value.data))) {
    const items = (Array.isArray(value.results) ? value.results : value.data) as unknown[];
    return items.flatMap((item) => mapJsonValue(item, format));
  }
  switch (format) {
    case 'arxiv':
      return [{ record: mapArxivRecord(value), value }];
    case 'openalex':
      return [{ record: mapOpenAlexRecord(value), value }];
    case 's2':
      return [{ record: mapS2Record(value), value }];
    default: {
      const carries = isObject(value) && Array.isArray(value.concepts);
      return [
        {
          record: { ok: true, input: value },
          value,
          ...(carries ? { extraction: { concepts: value.concepts, codeLinks: value.codeLinks ?? [] } } : {}),
        },
      ];
    }
  }
}

/** Joins Semantic Scholar `papers` records without an abstract to their `abstracts` records, across files. */
class S2Join {
  private readonly papers = new Map<string, { source: string; line: number; value: unknown }>();
  private readonly abstracts = new Map<string, string>();

  /** The records ready now: a paper with its abstract, or a paper carrying one. */
  take(value: unknown, source: string, line: number): Located[] {
    const corpusId = s2CorpusId(value);
    if (corpusId === null || !isObject(value)) return [{ line, record: mapS2Record(value) }];
    if (isS2AbstractRecord(value)) {
      if (typeof value.abstract !== 'string' || value.abstract.trim() === '') return [{ line }];
      const paper = this.papers.get(corpusId);
      if (paper === undefined) {
        this.abstracts.set(corpusId, value.abstract);
        return [{ line }];
      }
      this.papers.delete(corpusId);
      return [{ line: paper.line, record: mapS2Record(paper.value, value.abstract), source: paper.source }];
    }
    if (typeof value.abstract === 'string' && value.abstract.trim() !== '') return [{ line, record: mapS2Record(value) }];
    const abstract = this.abstracts.get(corpusId);
    if (abstract !== undefined) {
      this.abstracts.delete(corpusId);
      return [{ line, record: mapS2Record(value, abstract) }];
    }
    this.papers.set(corpusId, { source, line, value });
    return [{ line }];
  }

  /** Papers whose abstract never came, as bad records. Abstracts without a paper are dropped. */
  unmatched(): RecordError[] {
    const errors = [...this.papers.entries()].map(([corpusId, paper]) => ({
      source: paper.source,
      line: paper.line,
      message: `Semantic Scholar paper ${corpusId} has no abstract (no record carries one, and no abstracts record with its corpusid was read)`,
    }));
    this.papers.clear();
    this.abstracts.clear();
    return errors;
  }
}

/**
 * Parses one file's lines into located records, streaming: line formats line by line, BibTeX entry by entry, a
 * JSON array (a file whose first character is `[`) element by element. Only a JSON object spread over lines (a
 * saved API page) is gathered whole first.
 */
async function* parseLines(
  lines: AsyncIterable<InputLine> | Iterable<InputLine>,
  source: string,
  given: InputFormat | undefined,
  join: S2Join,
  seen: { content: boolean },
): AsyncGenerator<Located> {
  let mode: InputFormat | 'json' | undefined = given === 'page' || given === 'bibtex' ? given : given === undefined ? undefined : 'json';
  let jsonFormat: InputFormat | undefined = given === 'page' || given === 'bibtex' ? undefined : given;
  let whole: string[] | null = null;
  let wholeSize = 0;
  let wholeLine = 1;
  let bibtex: BibtexReader | null = null;
  let array: JsonArrayReader | null = null;
  /** Set once a JSON array turned out invalid: the rest of the file cannot be read as its elements. */
  let broken = false;
  let lastLine = 0;
  const page = createPageParser();
  const comments: InputLine[] = [];
  const mapJson = (value: unknown, line: number): Located[] => {
    jsonFormat ??= detectJsonFormat(isObject(value) && Array.isArray(value.results ?? value.data) ? ((value.results ?? value.data) as unknown[])[0] : value);
    return mapJsonValue(value, jsonFormat).flatMap(({ record, extraction, value: item }) =>
      jsonFormat === 's2' && record.ok ? join.take(item, source, line) : [{ line, record, ...(extraction === undefined ? {} : { extraction }) }],
    );
  };
  for await (const input of lines) {
    lastLine = input.line;
    if (broken) continue;
    if (input.overlong) {
      yield { line: input.line, record: { ok: false, message: 'line is too long to be a paper record' } };
      broken = array !== null;
      continue;
    }
    if (mode === undefined || !seen.content) {
      if (input.text.trim() === '') continue;
      seen.content = true;
      if (mode === undefined && input.text.trimStart().startsWith('%')) {
        comments.push(input); // BibTeX comments before the first entry: the next lines decide
        continue;
      }
      mode ??= detectFormat(input.text, source);
      if (mode === 'json' && startsWholeJson(input.text, source)) {
        if (input.text.trimStart().startsWith('[')) array = createJsonArrayReader();
        else {
          whole = [];
          wholeLine = input.line;
        }
      }
      if (mode === 'bibtex') {
        bibtex = createBibtexReader();
        for (const comment of comments) yield* bibtex.push(comment.text, comment.line);
      } else if (mode === 'page') for (const comment of comments) yield* page.push(comment);
    }
    if (bibtex !== null) {
      yield* bibtex.push(input.text, input.line);
      continue;
    }
    if (array !== null) {
      try {
        for (const element of array.push(input.text, input.line)) yield* mapJson(element.value, element.line);
      } catch (err) {
        yield { line: input.line, record: { ok: false, message: `invalid JSON: ${(err as Error).message}` } };
        broken = true;
      }
      continue;
    }
    if (whole !== null) {
      wholeSize += input.text.length + 1;
      if (wholeSize > MAX_FILE_BYTES) {
        throw new PapergraphError('BAD_USER_INPUT', `${source}: more than ${MAX_FILE_BYTES} bytes of one JSON object; split it or use JSON Lines`);
      }
      whole.push(input.text);
      continue;
    }
    if (mode === 'page') {
      yield* page.push(input);
      continue;
    }
    if (input.text.trim() === '') continue;
    let value: unknown;
    try {
      value = JSON.parse(input.text);
    } catch (err) {
      yield { line: input.line, record: { ok: false, message: `invalid JSON: ${(err as Error).message}` } };
      continue;
    }
    yield* mapJson(value, input.line);
  }
  if (mode === undefined && comments.length > 0) {
    mode = 'page';
    for (const comment of comments) yield* page.push(comment);
  }
  if (mode === 'page') yield* page.end();
  if (bibtex !== null) yield* bibtex.end();
  if (array !== null && !broken) {
    try {
      array.end();
    } catch (err) {
      yield { line: lastLine, record: { ok: false, message: `invalid JSON: ${(err as Error).message}` } };
    }
  }
  if (whole === null) return;
  const text = whole.join('\n');
  whole = null;
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (err) {
    yield { line: wholeLine - 1 + lineOfJsonError(text, err as Error), record: { ok: false, message: `invalid JSON: ${(err as Error).message}` } };
    return;
  }
  yield* mapJson(value, wholeLine);
}

/**
 * Reads papers from files, directories and streams as they arrive, in constant memory whatever the input
 * size (save the ids seen, to report repeats, and Semantic Scholar papers waiting for their abstracts): each
 * good paper and each bad record (with file and line) is yielded in input order, per file. A paper id repeated
 * anywhere in the input is a bad record naming where it was first read. Each file's format is `format`, or
 * detected from its content; `.gz` files are decompressed as they are read.
 */
export async function* streamPapers(
  sources: readonly PaperSource[],
  options: StreamPapersOptions = {},
): AsyncGenerator<PaperStreamEvent> {
  const seen = new SeenIds();
  const join = new S2Join();
  for (const input of sources) {
    const files = typeof input === 'string' ? (await listInputFiles([input])).files : [input];
    for (const file of files) {
      const source = typeof file === 'string' ? file : file.name;
      const stream = typeof file === 'string' ? await openFile(file, options.onBytes) : file.stream;
      const content = { content: false };
      yield* validateRecords(parseLines(readLines(stream), source, options.format, join, content), source, options, seen, content);
    }
  }
  for (const error of join.unmatched()) yield { error };
}

/** `streamPapers` over text already in memory (one source). */
export async function* streamPapersFromText(
  text: string,
  source: string,
  options: StreamPapersOptions = {},
): AsyncGenerator<PaperStreamEvent> {
  const join = new S2Join();
  const content = { content: false };
  yield* validateRecords(parseLines(splitLines(text), source, options.format, join, content), source, options, new SeenIds(), content);
  for (const error of join.unmatched()) yield { error };
}

/**
 * Every paper id read, with where it was read, to report a repeat: the one thing a stream keeps per paper. The
 * place is packed in a number (source index, line), so an entry costs about the id's own size plus ~40 bytes.
 */
class SeenIds {
  private readonly ids = new Map<string, number>();
  private readonly sources: string[] = [];
  private readonly sourceIndex = new Map<string, number>();

  /** Records the id; null when new, else where it was first read (`file:line`). */
  add(id: string, source: string, line: number): string | null {
    const first = this.ids.get(id);
    if (first !== undefined) return `${this.sources[Math.floor(first / LINES)]!}:${first % LINES}`;
    let index = this.sourceIndex.get(source);
    if (index === undefined) {
      index = this.sources.push(source) - 1;
      this.sourceIndex.set(source, index);
    }
    this.ids.set(id, index * LINES + line);
    return null;
  }
}

/** Lines per source in a packed place: 2^32, so sources × LINES stays an exact integer below 2^53. */
const LINES = 2 ** 32;

async function* validateRecords(
  records: AsyncIterable<Located>,
  fileSource: string,
  options: ValidateOptions,
  seen: SeenIds,
  content: { content: boolean },
): AsyncGenerator<PaperStreamEvent> {
  let count = 0;
  for await (const { line, record, extraction, source = fileSource } of records) {
    count++;
    if (record === undefined) continue;
    if (!record.ok) {
      yield { error: { source, line, message: record.message } };
      continue;
    }
    const result = validatePaperInput(record.input, options);
    if ('message' in result) {
      yield { error: { source, line, message: result.message } };
      continue;
    }
    const first = seen.add(result.paper.id, source, line);
    if (first !== null) {
      yield { error: { source, line, message: `duplicate paper id "${result.paper.id}" (first at ${first})` } };
      continue;
    }
    yield { paper: { paper: result.paper, source, line, ...(extraction === undefined ? {} : { extraction }) } };
  }
  if (count === 0) {
    yield { error: { source: fileSource, line: 1, message: content.content ? 'no papers found' : 'file is empty' } };
  }
}
