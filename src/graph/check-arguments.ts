import { PapergraphError } from '../errors/index.js';
import { CONCEPT_TYPES } from '../nlp/index.js';
import type { ConceptType } from '../nlp/index.js';
import { PAPER_SORTS, RELATED_BY, TIME_GRANULARITIES } from './types.js';
import type { PageKey, PageRequest, PaperSort, RelatedBy, TimeGranularity } from './types.js';

/** Both stores refuse the same arguments with the same error, before touching any data. */
export function checkCount(name: string, value: number): number {
  if (!Number.isSafeInteger(value) || value < 0) {
    throw new PapergraphError('BAD_USER_INPUT', `${name} must be a non-negative integer, got ${String(value)}`);
  }
  return value;
}

export function checkPage(page: PageRequest): { first: number; offset: number } {
  return { first: checkCount('first', page.first), offset: checkCount('offset', page.offset ?? 0) };
}

/** What one position of a `PageKey` must hold; `?` also allows null. */
export type KeyPart = 'string' | 'number' | 'string?';

/**
 * Checks a keyset `after` against the shape of the list's order; undefined when none was given. A key of
 * another list or a forged one is refused, never read as something else.
 */
export function checkAfter<T extends PageKey>(after: PageKey | undefined, shape: readonly KeyPart[]): T | undefined {
  if (after === undefined) return undefined;
  const fits =
    Array.isArray(after) &&
    after.length === shape.length &&
    shape.every((part, i) => {
      const value: unknown = after[i];
      if (part === 'number') return typeof value === 'number' && Number.isSafeInteger(value);
      return typeof value === 'string' || (part === 'string?' && value === null);
    });
  if (!fits) {
    throw new PapergraphError('BAD_USER_INPUT', 'after: not a position in this list', { details: { argument: 'after' } });
  }
  return after as unknown as T;
}

export function checkType(type: ConceptType | undefined): ConceptType | undefined {
  if (type !== undefined && !CONCEPT_TYPES.includes(type)) {
    throw new PapergraphError('BAD_USER_INPUT', `type must be one of ${CONCEPT_TYPES.join(', ')}, got ${String(type)}`);
  }
  return type;
}

export function checkTypes(types: ConceptType[] | undefined): ConceptType[] | undefined {
  types?.forEach(checkType);
  return types;
}

export function checkSort(sort: PaperSort | undefined): PaperSort {
  if (sort !== undefined && !PAPER_SORTS.includes(sort)) {
    throw new PapergraphError('BAD_USER_INPUT', `sort must be one of ${PAPER_SORTS.join(', ')}, got ${String(sort)}`);
  }
  return sort ?? 'TITLE';
}

export function checkRelatedBy(by: RelatedBy | undefined): RelatedBy {
  if (by !== undefined && !RELATED_BY.includes(by)) {
    throw new PapergraphError('BAD_USER_INPUT', `by must be one of ${RELATED_BY.join(', ')}, got ${String(by)}`);
  }
  return by ?? 'HYBRID';
}

export function checkGranularity(granularity: TimeGranularity): TimeGranularity {
  if (!TIME_GRANULARITIES.includes(granularity)) {
    throw new PapergraphError(
      'BAD_USER_INPUT',
      `granularity must be one of ${TIME_GRANULARITIES.join(', ')}, got ${String(granularity)}`,
    );
  }
  return granularity;
}

/** `YYYY` or `YYYY-MM` of an ISO date. */
export function periodOf(published: string, granularity: TimeGranularity): string {
  return granularity === 'YEAR' ? published.slice(0, 4) : published.slice(0, 7);
}
