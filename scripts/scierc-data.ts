/**
 * SciERC-format JSON lines (SciERC, SciREX abstracts): reading a document back into the text papergraph
 * extracts from, with each annotated token's character span. Shared by `npm run train` and `npm run eval`.
 */
import { readFileSync } from 'node:fs';

export interface Doc {
  doc_key: string;
  sentences: string[][];
  ner: Array<Array<[number, number, string]>>;
}

/** PTB escapes back to the characters an abstract has, so "( CNNs )" reads as a parenthesis. */
const PTB: Record<string, string> = { '-LRB-': '(', '-RRB-': ')', '-LSB-': '[', '-RSB-': ']', '-LCB-': '{', '-RCB-': '}', '``': '"', "''": '"' };

export function readDocs(path: string): Doc[] {
  return readFileSync(path, 'utf8')
    .trim()
    .split('\n')
    .map((l) => JSON.parse(l) as Doc);
}

export interface DocText {
  words: string[];
  /** Character offset of each word in `text`. */
  starts: number[];
  /** The words joined by single spaces. */
  text: string;
}

/**
 * `glueHyphens`: write "few - shot" as "few-shot", as the paper did (SciREX splits every hyphen into a token
 * of its own; SciERC keeps hyphenated words whole).
 */
export function docText(words: readonly string[], glueHyphens = false): DocText {
  const out: string[] = [];
  const starts: number[] = [];
  let text = '';
  words.forEach((raw, k) => {
    const w = PTB[raw] ?? raw;
    const glued = glueHyphens && k > 0 && (w === '-' || words[k - 1] === '-');
    if (k > 0 && !glued) text += ' ';
    out.push(w);
    starts.push(text.length);
    text += w;
  });
  return { words: out, starts, text };
}

/** Token index of the word holding character `c` of a `docText`. */
export function wordAt(starts: readonly number[], c: number): number {
  let lo = 0;
  let hi = starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if ((starts[mid] as number) <= c) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}
