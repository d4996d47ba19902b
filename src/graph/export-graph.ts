import type { GraphStore } from './graph-store.js';
import type { PaperConceptLink, StoredConcept, StoredPaper } from './types.js';

/** A paper with its links, each with the concept it points to. */
export interface ExportedPaper {
  paper: StoredPaper;
  /** In `getPaperConcepts` order. */
  links: { link: PaperConceptLink; concept: StoredConcept }[];
}

export interface ExportGraphOptions {
  /** Papers or concepts per store read. Default 500. */
  pageSize?: number;
}

/** Pages through the ids of one kind with `scanIds`, in id order. */
async function* scan(store: GraphStore, kind: 'paper' | 'concept', pageSize: number): AsyncGenerator<string[]> {
  let after: string | null = null;
  for (;;) {
    const ids: string[] = await store.scanIds(kind, after, pageSize);
    if (ids.length === 0) return;
    yield ids;
    if (ids.length < pageSize) return;
    after = ids[ids.length - 1]!;
  }
}

/**
 * Every concept of the store, a page at a time in id order: memory bounded by the page whatever the graph's
 * size. A concept deleted between the scan and the read is skipped.
 */
export async function* exportConcepts(store: GraphStore, options: ExportGraphOptions = {}): AsyncGenerator<StoredConcept[]> {
  for await (const ids of scan(store, 'concept', options.pageSize ?? 500)) {
    yield (await store.getConcepts(ids)).filter((concept): concept is StoredConcept => concept !== null);
  }
}

/** Every paper with its links and their concepts, a page at a time in id order (three batch reads a page). */
export async function* exportPapers(store: GraphStore, options: ExportGraphOptions = {}): AsyncGenerator<ExportedPaper[]> {
  for await (const ids of scan(store, 'paper', options.pageSize ?? 500)) {
    const [papers, links] = await Promise.all([store.getPapers(ids), store.getPaperConcepts(ids)]);
    const conceptIds = [...new Set(links.flat().map((link) => link.conceptId))];
    const concepts = new Map(
      (await store.getConcepts(conceptIds)).filter((c): c is StoredConcept => c !== null).map((c) => [c.id, c]),
    );
    const page: ExportedPaper[] = [];
    papers.forEach((paper, i) => {
      if (paper === null) return;
      page.push({
        paper,
        links: (links[i] ?? []).flatMap((link) => {
          const concept = concepts.get(link.conceptId);
          return concept === undefined ? [] : [{ link, concept }];
        }),
      });
    });
    yield page;
  }
}
