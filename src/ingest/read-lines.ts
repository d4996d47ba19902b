import type { Readable } from 'node:stream';

/** One line of an input, numbered from 1. */
export interface InputLine {
  text: string;
  line: number;
  /** Set when the line was longer than `maxLineChars`: its text is dropped, not kept. */
  overlong?: true;
}

/** Longer lines are reported and dropped rather than buffered: no paper record comes near. Default 8 Mi chars. */
export const MAX_LINE_CHARS = 8 * 1024 * 1024;

/**
 * Splits a stream into lines as it arrives (`\n`, `\r\n`), so a file of any size is read in constant memory:
 * the stream's own async iterator applies back-pressure while the consumer works on a line. A UTF-8 byte-order
 * mark at the very start is dropped (editors on Windows write one; `JSON.parse` refuses it).
 */
export async function* readLines(input: Readable, maxLineChars = MAX_LINE_CHARS): AsyncGenerator<InputLine> {
  input.setEncoding('utf8');
  let rest = '';
  let line = 0;
  let first = true;
  let skipping = false;
  for await (const chunk of input as AsyncIterable<string>) {
    let text = rest + chunk;
    if (skipping) {
      const end = text.indexOf('\n');
      if (end < 0) {
        rest = '';
        continue;
      }
      skipping = false;
      line += 1;
      yield { text: '', line, overlong: true };
      text = text.slice(end + 1);
    }
    if (first) {
      first = false;
      if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
    }
    let start = 0;
    for (let end = text.indexOf('\n'); end >= 0; end = text.indexOf('\n', start)) {
      line += 1;
      yield { text: text.slice(start, end > start && text.charCodeAt(end - 1) === 13 ? end - 1 : end), line };
      start = end + 1;
    }
    rest = text.slice(start);
    if (rest.length > maxLineChars) {
      skipping = true;
      rest = '';
    }
  }
  if (skipping) {
    yield { text: '', line: line + 1, overlong: true };
    return;
  }
  if (rest !== '') yield { text: rest.endsWith('\r') ? rest.slice(0, -1) : rest, line: line + 1 };
}

/** The same lines from text already in memory. */
export function* splitLines(text: string): Generator<InputLine> {
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const lines = body.split(/\r?\n/);
  if (lines.at(-1) === '') lines.pop();
  for (let i = 0; i < lines.length; i++) yield { text: lines[i]!, line: i + 1 };
}
