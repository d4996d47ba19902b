import { PapergraphError } from '../errors/index.js';
import type { PageKey } from '../graph/index.js';

const OFFSET = 'offset:';
const KEYED = 'key:';

/** Where a cursor points: an item's absolute position, and its key in the list's order when the store gave one. */
export interface CursorPosition {
  position: number;
  key?: PageKey;
}

/**
 * The opaque cursor of an item. With a key, the next page is read after that key (keyset paging: the store
 * seeks in its sort index, as fast at any depth); the position still answers `hasPreviousPage` and edges' places.
 */
export function encodeCursor(position: number, key?: PageKey): string {
  const text = key === undefined ? `${OFFSET}${position}` : `${KEYED}${JSON.stringify([position, key])}`;
  return Buffer.from(text, 'utf8').toString('base64url');
}

const isKeyPart = (value: unknown) => value === null || typeof value === 'string' || typeof value === 'number';

function parse(text: string): CursorPosition | null {
  if (text.startsWith(OFFSET)) return { position: Number(text.slice(OFFSET.length)) };
  if (!text.startsWith(KEYED)) return null;
  try {
    const value: unknown = JSON.parse(text.slice(KEYED.length));
    if (!Array.isArray(value) || value.length !== 2 || !Array.isArray(value[1]) || !value[1].every(isKeyPart)) return null;
    return { position: Number(value[0]), key: value[1] as PageKey };
  } catch {
    return null;
  }
}

/**
 * What a cursor stands for. Anything that is not a cursor this API produced is refused with `BAD_USER_INPUT`,
 * so clients never get a silently wrong page (a key of the wrong shape for the list is refused by the store).
 */
export function decodeCursor(cursor: string): CursorPosition {
  const parsed = parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  // Round-tripping rejects look-alikes (padding, other alphabets, leading zeros) that base64 decoding tolerates.
  if (
    parsed === null ||
    !Number.isSafeInteger(parsed.position) ||
    parsed.position < 0 ||
    encodeCursor(parsed.position, parsed.key) !== cursor
  ) {
    throw new PapergraphError('BAD_USER_INPUT', `after: "${cursor}" is not a valid cursor`, {
      details: { argument: 'after' },
    });
  }
  return parsed;
}
