import type { KeyPart } from './check-arguments.js';
import type { PaperSort } from './types.js';

/**
 * The shape of each list's `PageKey` (its sort keys, then the id), shared by both stores so a key from one
 * order is refused by another.
 *
 * - papers by `TITLE`: `[title, id]`; `NEWEST`/`OLDEST`: `[published or null, id]`; `MOST_CONCEPTS`:
 *   `[concept count, id]`;
 * - concepts (`listConcepts`): `[paperCount, name, id]`;
 * - a concept's papers (`getConceptPapers`): `[title, id]`.
 */
export const PAPER_KEY_SHAPES: Record<PaperSort, readonly KeyPart[]> = {
  TITLE: ['string', 'string'],
  NEWEST: ['string?', 'string'],
  OLDEST: ['string?', 'string'],
  MOST_CONCEPTS: ['number', 'string'],
};

export const CONCEPT_KEY_SHAPE: readonly KeyPart[] = ['number', 'string', 'string'];

export const CONCEPT_PAPERS_KEY_SHAPE: readonly KeyPart[] = ['string', 'string'];
