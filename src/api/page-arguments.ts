import { PapergraphError } from '../errors/index.js';
import type { PageKey } from '../graph/index.js';
import { decodeCursor } from './page-cursor.js';

/** Largest page any list field returns; larger requests are refused rather than silently cut. */
export const MAX_PAGE_SIZE = 100;

/** Checks a `first` argument: an integer from 0 to `MAX_PAGE_SIZE`. */
export function checkFirst(first: number, argument = 'first'): number {
  if (!Number.isInteger(first) || first < 0 || first > MAX_PAGE_SIZE) {
    throw new PapergraphError('BAD_USER_INPUT', `${argument} must be between 0 and ${MAX_PAGE_SIZE}, got ${first}`, {
      details: { argument, max: MAX_PAGE_SIZE },
    });
  }
  return first;
}

/**
 * Turns Relay `first`/`after` into the store's page: the offset of the item after the cursor, and its key
 * when the cursor has one (the store then pages by key and the offset only numbers the edges).
 */
export function pageArguments(
  first: number,
  after: string | null | undefined,
): { first: number; offset: number; after?: PageKey } {
  if (after == null) return { first: checkFirst(first), offset: 0 };
  const cursor = decodeCursor(after);
  return {
    first: checkFirst(first),
    offset: cursor.position + 1,
    ...(cursor.key === undefined ? {} : { after: cursor.key }),
  };
}
