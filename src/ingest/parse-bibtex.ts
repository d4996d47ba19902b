import { parse, type Creator } from '@retorquere/bibtex-parser';
import type { MappedRecord } from './map-source-record.js';
import { bareDoi, collapseSpace, sourcePaperId } from './source-ids.js';

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

/**
 * The parser writes accents as combining marks (`\"u` → u + U+0308); composed, they compare and search like
 * typed text. `{\'\i}` (a dotless i with an accent) becomes the accented i it stands for.
 */
function composed(value: unknown): unknown {
  if (typeof value !== 'string') return value;
  return value.replace(/\u0131(?=[\u0300-\u036f])/g, 'i').normalize('NFC');
}

function creatorName(creator: Creator): string {
  return composed(creator.name ?? [creator.firstName, creator.prefix, creator.lastName, creator.suffix].filter(Boolean).join(' ')) as string;
}

/** A full date only: BibTeX's `date` (biblatex), or `year` + `month` + `day` when all three are given. */
function dateOf(fields: Record<string, unknown>): string | null {
  if (typeof fields.date === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(fields.date)) return fields.date;
  const year = typeof fields.year === 'string' ? fields.year.trim() : '';
  const monthText = typeof fields.month === 'string' ? fields.month.trim().toLowerCase() : '';
  const month = /^\d{1,2}$/.test(monthText) ? Number(monthText) : MONTHS.indexOf(monthText.slice(0, 3)) + 1;
  const day = typeof fields.day === 'string' && /^\d{1,2}$/.test(fields.day.trim()) ? Number(fields.day) : 0;
  if (!/^\d{4}$/.test(year) || month < 1 || day < 1) return null;
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** 1-based line of `offset` in `text`, counting on from `from` (moved to `offset`). */
function lineAt(text: string, offset: number, from: { offset: number; line: number }): number {
  let line = from.line;
  for (let i = from.offset; i < offset; i++) if (text.charCodeAt(i) === 10) line++;
  from.offset = offset;
  from.line = line;
  return line;
}

export interface LocatedRecord {
  line: number;
  record: MappedRecord;
}

/** An entry longer than this is reported and skipped rather than held: no paper's entry comes near. */
export const MAX_BIBTEX_ENTRY_CHARS = 4 * 1024 * 1024;

/**
 * Entries given to the parser at once. It costs about twice as much per entry when called for each one, and a
 * group of this size bounds memory just as well.
 */
const GROUP_ENTRIES = 64;
const GROUP_CHARS = 1024 * 1024;

/** A line that opens an entry: `@type{` or `@type(`. */
const ENTRY_START = /^\s*@\s*[A-Za-z]+\s*[{(]/;

/** Braces opened minus closed on a line (TeX escapes `\{` and `\}` are text, not grouping). */
function braceBalance(text: string): number {
  let balance = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 92) i++; // backslash: skip the escaped character
    else if (c === 123) balance++;
    else if (c === 125) balance--;
  }
  return balance;
}

export interface BibtexReader {
  /** Takes the next line of the file; returns the records of the entries it completed, if any. */
  push(text: string, line: number): LocatedRecord[];
  /** Returns the records of the entries still held. */
  end(): LocatedRecord[];
}

/**
 * Reads a BibTeX file a group of entries at a time, so memory holds a group (at most 64 entries or 1 MiB) and the
 * `@string` macros, not the file. Entries end where a line opens the next one (`@article{`) and the braces of the
 * previous one are balanced, or where one opens at the very start of a line whatever the braces: an unterminated
 * entry then ends its group, so it cannot swallow the entries after it. Each group is parsed by
 * @retorquere/bibtex-parser (the parser of Better BibTeX for Zotero), which turns TeX into Unicode
 * (`Z\"urich` → Zürich, `{\'e}` → é), with the `@string` macros defined before it. Each entry becomes a paper:
 * `title`, `abstract`, `author`, `doi` (kept), `url`, arXiv's `primaryClass` as its category, the date when year,
 * month and day are all given; id from the DOI, an arXiv `eprint`, or `bibtex:<key>`. Entries are located by the
 * line they start on; an entry the parser cannot read is a bad record.
 */
export function createBibtexReader(): BibtexReader {
  const strings: Record<string, string> = {};
  /** Lines of whole entries (and the text around them) not parsed yet, then those of the current entry. */
  let lines: string[] = [];
  let firstLine = 1;
  let chars = 0;
  let entries = 0;
  /** Where the current entry starts in `lines`, its line in the file, its size and its open braces. */
  let entryStart = 0;
  let entryLine = 0;
  let entryChars = 0;
  let depth = 0;
  let inEntry = false;
  /** The current entry is too long: its lines are dropped and it is reported when it ends. */
  let skipping = false;

  const parseHeld = (): LocatedRecord[] => {
    const text = lines.join('\n');
    const from = firstLine;
    lines = [];
    chars = 0;
    entries = 0;
    entryStart = 0;
    return text.trim() === '' ? [] : parseEntries(text, from, strings);
  };
  const endEntry = (): LocatedRecord[] => {
    const out: LocatedRecord[] = [];
    if (skipping) out.push({ line: entryLine, record: { ok: false, message: `BibTeX entry longer than ${MAX_BIBTEX_ENTRY_CHARS} characters` } });
    else if (inEntry) entries++;
    skipping = false;
    inEntry = false;
    entryChars = 0;
    depth = 0;
    entryStart = lines.length;
    return out;
  };

  return {
    push(text, line) {
      const out: LocatedRecord[] = [];
      const opens = ENTRY_START.test(text);
      if (opens && inEntry && (depth <= 0 || text.startsWith('@'))) {
        const unterminated = depth > 0;
        out.push(...endEntry());
        if (unterminated || entries >= GROUP_ENTRIES || chars >= GROUP_CHARS) out.push(...parseHeld());
      }
      if (opens && !inEntry) {
        inEntry = true;
        entryStart = lines.length;
        entryLine = line;
      }
      depth += braceBalance(text);
      entryChars += text.length + 1;
      if (!skipping && entryChars > MAX_BIBTEX_ENTRY_CHARS) {
        // The entries before it are parsed now, so records stay in file order.
        lines.length = entryStart;
        out.push(...parseHeld());
        skipping = true;
      }
      if (!skipping) {
        if (lines.length === 0) firstLine = line;
        lines.push(text);
        chars += text.length + 1;
      }
      return out;
    },
    end: () => [...endEntry(), ...parseHeld()],
  };
}

/** Parses the text of whole entries starting on line `firstLine`, with the macros in `strings`; adds its own to them. */
function parseEntries(text: string, firstLine: number, strings: Record<string, string>): LocatedRecord[] {
  const library = parse(text, { english: false, sentenceCase: false, unsupported: 'ignore', strings });
  Object.assign(strings, library.strings);
  const out: LocatedRecord[] = [];
  const cursor = { offset: 0, line: firstLine };
  let searchFrom = 0;
  const locate = (input: string | undefined): number => {
    const at = input ? text.indexOf(input, searchFrom) : -1;
    if (at < 0) return firstLine;
    searchFrom = at + input!.length;
    return lineAt(text, at, cursor);
  };
  for (const entry of library.entries) {
    if (entry.input === '') continue; // an unreadable entry, reported from `errors` below
    const line = locate(entry.input);
    const fields = entry.fields as Record<string, unknown>;
    const doi = bareDoi(fields.doi);
    const eprint = typeof fields.eprint === 'string' && /arxiv/i.test(String(fields.archiveprefix ?? fields.eprinttype ?? '')) ? fields.eprint : null;
    // arXiv's own BibTeX gives the primary category (`primaryClass = {cs.CL}`) with the eprint.
    const primaryClass = eprint !== null ? (fields.primaryclass ?? fields.eprintclass) : undefined;
    const authors = Array.isArray(fields.author) ? (fields.author as Creator[]).map(creatorName).filter((name) => name !== '') : [];
    const url = typeof fields.url === 'string' ? fields.url.trim() : null;
    out.push({
      line,
      record: {
        ok: true,
        input: {
          id: sourcePaperId(doi, eprint ? `arxiv:${eprint}` : `bibtex:${entry.key.replace(/[^\p{L}\p{N}._:/-]/gu, '-')}`),
          title: composed(collapseSpace(fields.title)),
          abstract: composed(collapseSpace(fields.abstract)),
          url: url ?? (doi !== null ? `https://doi.org/${doi}` : null),
          published: dateOf(fields),
          authors,
          categories: typeof primaryClass === 'string' ? primaryClass.split(/\s+/).filter(Boolean) : [],
          doi,
        },
      },
    });
  }
  for (const error of library.errors) {
    // Where the entry starts, as for good entries; the parser's own line is where it gave up.
    const at = error.input ? text.indexOf(error.input) : -1;
    const where = /at line (\d+)/.exec(error.error);
    const line = at >= 0 ? lineAt(text, at, { offset: 0, line: firstLine }) : where ? firstLine + Number(where[1]) - 1 : firstLine;
    out.push({ line, record: { ok: false, message: `BibTeX: ${error.error}` } });
  }
  return out.sort((a, b) => a.line - b.line);
}

