import { readFileSync } from 'node:fs';
import type { ExtractInput } from '../src/nlp/index.js';

/**
 * Papers of a scraped "trending papers" page: page chrome, then per paper a title line and one abstract
 * paragraph. A paper is recognised as a short line followed by a long one, so chrome lines drop out.
 */
export function parseSeedPapers(text: string): ExtractInput[] {
  const lines = text.split(/\r?\n/).map((l) => l.trim()).filter((l) => l.length > 0);
  const papers: ExtractInput[] = [];
  for (let i = 0; i + 1 < lines.length; i++) {
    const title = lines[i] as string;
    const abstract = lines[i + 1] as string;
    if (title.length < 250 && abstract.length >= 200 && abstract.length > title.length) {
      papers.push({ title, abstract });
      i++;
    }
  }
  return papers;
}

export function readSeedPapers(path: string): ExtractInput[] {
  return parseSeedPapers(readFileSync(path, 'utf8'));
}
