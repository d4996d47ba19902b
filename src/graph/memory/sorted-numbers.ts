/** Index of the first element of `sorted` (ascending) that is not below `value`. */
function lowerBound(sorted: readonly number[], value: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((sorted[mid] as number) < value) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Adds `value` to an ascending array of distinct numbers (appending is the common, cheap case). */
export function insertSorted(sorted: number[], value: number): void {
  const last = sorted[sorted.length - 1];
  if (last === undefined || last < value) {
    sorted.push(value);
    return;
  }
  const at = lowerBound(sorted, value);
  if (sorted[at] !== value) sorted.splice(at, 0, value);
}

export function removeSorted(sorted: number[], value: number): void {
  const at = lowerBound(sorted, value);
  if (sorted[at] === value) sorted.splice(at, 1);
}

export function hasSorted(sorted: readonly number[], value: number): boolean {
  return sorted[lowerBound(sorted, value)] === value;
}

/**
 * Key → ascending numbers, as plain arrays of small integers (4 bytes an entry in V8), not Sets of strings
 * (about 40 bytes an entry): the embedded store's postings.
 */
export interface SortedIndex<K> {
  add(key: K, value: number): void;
  remove(key: K, value: number): void;
  /** The numbers under `key`, ascending; empty when none. Read-only. */
  get(key: K): readonly number[];
  has(key: K, value: number): boolean;
}

const EMPTY: readonly number[] = Object.freeze([]);

export function createSortedIndex<K>(): SortedIndex<K> {
  const lists = new Map<K, number[]>();
  return {
    add(key, value) {
      const list = lists.get(key);
      if (list === undefined) lists.set(key, [value]);
      else insertSorted(list, value);
    },
    remove(key, value) {
      const list = lists.get(key);
      if (list === undefined) return;
      removeSorted(list, value);
      if (list.length === 0) lists.delete(key);
    },
    get: (key) => lists.get(key) ?? EMPTY,
    has: (key, value) => hasSorted(lists.get(key) ?? EMPTY, value),
  };
}
