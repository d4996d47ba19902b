import { checkCount } from './check-arguments.js';
import { compareStrings } from './compare.js';

/** What `GraphStore.scanIds` walks. */
export type ScanKind = 'paper' | 'concept';

/** The arguments of `scanIds`, checked alike by both stores. */
export function checkScan(kind: ScanKind, first: number): void {
  if (kind !== 'paper' && kind !== 'concept') throw new TypeError(`scanIds: unknown kind ${String(kind)}`);
  checkCount('first', first);
}

/**
 * The memory store's `scanIds`: the `first` smallest ids after `after`. One pass over the ids and a sort of
 * those after the cursor; an export pages through every id once, so this is paid once per page.
 */
export function scanMemoryIds(ids: Iterable<string>, after: string | null, first: number): string[] {
  const later: string[] = [];
  for (const id of ids) if (after === null || compareStrings(id, after) > 0) later.push(id);
  return later.sort(compareStrings).slice(0, first);
}
