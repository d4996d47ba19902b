import { PapergraphError } from '../errors/index.js';

const PREFIX = 'offset:';

/** The opaque cursor of the item at this absolute position in an ordered list. */
export function encodeCursor(position: number): string {
  return Buffer.from(`${PREFIX}${position}`, 'utf8').toString('base64url');
}

/**
 * The position a cursor stands for. Anything that is not a cursor this API produced is refused with
 * `BAD_USER_INPUT`, so clients never get a silently wrong page.
 */
export function decodeCursor(cursor: string): number {
  const text = Buffer.from(cursor, 'base64url').toString('utf8');
  const position = text.startsWith(PREFIX) ? Number(text.slice(PREFIX.length)) : Number.NaN;
  // Round-tripping rejects look-alikes (padding, other alphabets, leading zeros) that base64 decoding tolerates.
  if (!Number.isSafeInteger(position) || position < 0 || encodeCursor(position) !== cursor) {
    throw new PapergraphError('BAD_USER_INPUT', `after: "${cursor}" is not a valid cursor`, {
      details: { argument: 'after' },
    });
  }
  return position;
}
