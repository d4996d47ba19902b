import { readFileSync } from 'node:fs';
import type { PaperRecord } from '../../src/ingest/index.js';

/**
 * Judgments made blind to every ranker, by reading the 49 seed abstracts: for each anchor paper, the papers
 * a researcher who knows it would want to find (same problem, same approach family, or a sequel).
 */
interface Judgment {
  anchor: string;
  related: string[];
  why: string;
}

export const RELATED_JUDGMENTS_PATH = 'test/fixtures/related-judgments.json';

/** Anchor paper id → the ids judged related to it. Titles in the file are prefixes of seed titles. */
export function loadRelatedJudgments(papers: readonly PaperRecord[], path = RELATED_JUDGMENTS_PATH): Map<string, string[]> {
  const byTitle = (prefix: string) => {
    const matches = papers.filter((candidate) => candidate.title.startsWith(prefix));
    if (matches.length !== 1) throw new Error(`expected one seed paper titled "${prefix}…", found ${matches.length}`);
    return matches[0]!.id;
  };
  const judgments = JSON.parse(readFileSync(path, 'utf8')) as Judgment[];
  return new Map(judgments.map((judgment) => [byTitle(judgment.anchor), judgment.related.map(byTitle)]));
}

/** Average precision of one ranking: rewards every related paper being near the top, not only the first. */
export function averagePrecision(ranking: readonly string[], related: readonly string[]): number {
  const relevant = new Set(related);
  let hits = 0;
  let precisionSum = 0;
  ranking.forEach((id, index) => {
    if (!relevant.has(id)) return;
    hits += 1;
    precisionSum += hits / (index + 1);
  });
  return precisionSum / relevant.size;
}

/** Mean average precision over the judged anchors. */
export function meanAveragePrecision(rank: (anchorId: string) => readonly string[], judged: ReadonlyMap<string, readonly string[]>): number {
  let total = 0;
  for (const [anchor, related] of judged) total += averagePrecision(rank(anchor), related);
  return total / judged.size;
}
