import type { InputLine } from './read-lines.js';
import type { MappedRecord } from './map-source-record.js';

const TITLE_MAX_CHARS = 400;

/**
 * An abstract ends like a sentence and is either long or holds more than one sentence; titles and page
 * chrome ("Subscribe", "Jul 3") are short single lines, even those ending in "?".
 */
function isParagraph(line: string): boolean {
  if (!/[.!?)]["')\]]?$/.test(line)) return false;
  return line.length >= 300 || (line.length >= 60 && /[.!?]\s+["'(]?[A-Z]/.test(line));
}

export interface PageRecord {
  line: number;
  record: MappedRecord;
}

/**
 * The page format, line by line: non-empty lines are blocks; a paper is a short title line followed by an
 * abstract paragraph. Short lines before the first paper are page chrome ("Subscribe", a date…) and are
 * skipped; anything else that does not pair up is a bad record, reported with its line. Holds one block.
 */
export function createPageParser(): { push(line: InputLine): PageRecord[]; end(): PageRecord[] } {
  let pending: { content: string; line: number } | null = null;
  let started = false;
  const orphan = (block: { content: string; line: number }): PageRecord => {
    started = true;
    return {
      line: block.line,
      record: {
        ok: false,
        message: isParagraph(block.content)
          ? 'abstract paragraph without a title line before it'
          : 'title line without an abstract paragraph after it',
      },
    };
  };
  return {
    push({ text, line }) {
      const content = text.trim();
      if (content === '') return [];
      const block = { content, line };
      const previous = pending;
      if (previous === null) {
        pending = block;
        return [];
      }
      if (!isParagraph(previous.content) && isParagraph(content)) {
        pending = null;
        started = true;
        if (previous.content.length > TITLE_MAX_CHARS) {
          return [{ line: previous.line, record: { ok: false, message: `title line is longer than ${TITLE_MAX_CHARS} characters` } }];
        }
        return [{ line: previous.line, record: { ok: true, input: { title: previous.content, abstract: content } } }];
      }
      pending = block;
      if (!started && !isParagraph(previous.content)) return []; // page chrome before the first paper
      return [orphan(previous)];
    },
    end() {
      const last = pending;
      pending = null;
      if (last === null || (!started && !isParagraph(last.content))) return [];
      return [orphan(last)];
    },
  };
}
