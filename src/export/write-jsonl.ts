import type { ExportedPaper } from '../graph/index.js';
import type { Sink } from './create-sink.js';

/**
 * One line per paper: the paper's fields, then `concepts` and `codeLinks` in the shape `papergraph extract`
 * prints, each concept with its `id`, `evidence` and `broader` too, so that `papergraph ingest` writes the
 * line back as it is (without extracting again) and the graph it builds is the same.
 */
export function jsonlLine({ paper, links }: ExportedPaper): string {
  return JSON.stringify({
    id: paper.id,
    title: paper.title,
    abstract: paper.abstract,
    url: paper.url,
    published: paper.published,
    authors: paper.authors,
    categories: paper.categories,
    doi: paper.doi,
    concepts: links.map(({ link, concept }) => ({
      id: concept.id,
      name: concept.name,
      type: concept.type,
      aliases: concept.aliases,
      role: link.role,
      confidence: link.confidence,
      mentions: link.mentions.map(({ field, start, end, text }) => ({ field, start, end, text })),
      evidence: link.evidence,
      ...(concept.broader === null ? {} : { broader: concept.broader }),
    })),
    codeLinks: paper.codeLinks,
  });
}

export async function writeJsonl(
  papers: AsyncIterable<ExportedPaper[]>,
  sink: Sink,
  onPapers: (count: number) => void = () => {},
): Promise<number> {
  let count = 0;
  for await (const page of papers) {
    await sink.write(page.map((paper) => `${jsonlLine(paper)}\n`).join(''));
    count += page.length;
    onPapers(count);
  }
  return count;
}
