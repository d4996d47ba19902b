import { getManyValues, isMany, none } from 'stream-chain/defs.js';
import Assembler from 'stream-json/core/assembler.js';
import { jsonParser, type Token } from 'stream-json/core/parser.js';

/** One element of the array, with the line it starts on. */
export interface JsonArrayElement {
  value: unknown;
  line: number;
}

export interface JsonArrayReader {
  /**
   * Takes the next line of the file; returns the elements it completed. Throws (the tokenizer's message) at the
   * first line that is not valid JSON, or that follows the array's end.
   */
  push(text: string, line: number): JsonArrayElement[];
  /** Throws when the input ended before the array did. */
  end(): void;
}

/**
 * The elements of a file holding one JSON array, line by line as it is read, so memory holds one element, not the
 * file: stream-json's tokenizer turns the text into tokens and its assembler builds each element of the top-level
 * array on its own (the array itself is never built).
 */
export function createJsonArrayReader(): JsonArrayReader {
  const tokenize = jsonParser({ streamValues: false });
  // A flushable stage is called with `none` once the input has ended (its type only names the text it takes).
  const flush = tokenize as unknown as (end: typeof none) => ReturnType<typeof tokenize>;
  const assembler = new Assembler();
  let inArray = false;
  let closed = false;
  let startLine = 0;
  const take = (output: unknown, line: number): JsonArrayElement[] => {
    if (output === none) return [];
    const elements: JsonArrayElement[] = [];
    for (const token of (isMany(output) ? getManyValues(output) : [output]) as Token[]) {
      if (!inArray) {
        if (closed || token.name !== 'startArray') throw new Error('expected a JSON array');
        inArray = true;
        continue;
      }
      if (assembler.depth === 0) {
        if (token.name === 'endArray') {
          inArray = false;
          closed = true;
          continue;
        }
        startLine = line;
      }
      const value = assembler.tapChain(token);
      if (value !== none) elements.push({ value, line: startLine });
    }
    return elements;
  };
  return {
    push: (text, line) => take(tokenize(`${text}\n`), line),
    end() {
      // The tokenizer would say which character it expected next; the reader knows what is missing.
      if (!closed) throw new Error('the JSON array is not closed');
      take(flush(none), 0);
    },
  };
}
