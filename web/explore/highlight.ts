import type { Mention } from './types.js';

export interface Segment<T> {
  text: string;
  /** The highlighted mention this segment is, if any. */
  mention?: T;
}

/**
 * Cuts `text` into plain and highlighted segments from mention offsets (`[start, end)`, UTF-16 units). Where
 * mentions overlap, the earlier one wins (then the longer), so every highlighted segment is exactly
 * `text.slice(start, end)` of its mention; offsets outside the text are ignored.
 */
export function highlightSegments<T extends Pick<Mention, 'start' | 'end'>>(text: string, mentions: readonly T[]): Segment<T>[] {
  const ordered = mentions
    .filter((m) => Number.isInteger(m.start) && Number.isInteger(m.end) && m.start >= 0 && m.end <= text.length && m.start < m.end)
    .sort((a, b) => a.start - b.start || b.end - a.end);
  const segments: Segment<T>[] = [];
  let cursor = 0;
  for (const mention of ordered) {
    if (mention.start < cursor) continue;
    if (mention.start > cursor) segments.push({ text: text.slice(cursor, mention.start) });
    segments.push({ text: text.slice(mention.start, mention.end), mention });
    cursor = mention.end;
  }
  if (cursor < text.length) segments.push({ text: text.slice(cursor) });
  return segments;
}
