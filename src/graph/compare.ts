import { CONCEPT_TYPES, FIELDS, ROLES } from '../nlp/index.js';
import type { ConceptType, Mention } from '../nlp/index.js';
import type { PaperConceptLink } from './types.js';

/** UTF-16 code-unit order, the order every string sort in the store contract uses. */
export function compareStrings(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

export function compareMentions(a: Mention, b: Mention): number {
  return FIELDS.indexOf(a.field) - FIELDS.indexOf(b.field) || a.start - b.start || a.end - b.end;
}

/**
 * Puts links in `getPaperConcepts` order: concept type in `CONCEPT_TYPES` order, role (PROPOSED first),
 * concept id.
 */
export function sortPaperLinks(links: readonly { link: PaperConceptLink; type: ConceptType }[]): PaperConceptLink[] {
  return [...links]
    .sort(
      (a, b) =>
        CONCEPT_TYPES.indexOf(a.type) - CONCEPT_TYPES.indexOf(b.type) ||
        ROLES.indexOf(a.link.role) - ROLES.indexOf(b.link.role) ||
        compareStrings(a.link.conceptId, b.link.conceptId),
    )
    .map(({ link }) => link);
}

/** Ranking order of concepts everywhere: paper count descending, then name, then id. */
export function compareConceptRank(
  a: { paperCount: number; name: string; id: string },
  b: { paperCount: number; name: string; id: string },
): number {
  return b.paperCount - a.paperCount || compareStrings(a.name, b.name) || compareStrings(a.id, b.id);
}
