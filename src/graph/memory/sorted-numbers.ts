/** Index of the first element of `sorted` (ascending) that is not below `value`. */
function lowerBound(sorted: ArrayLike<number>, length: number, value: number): number {
  let lo = 0;
  let hi = length;
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
  const at = lowerBound(sorted, sorted.length, value);
  if (sorted[at] !== value) sorted.splice(at, 0, value);
}

export function removeSorted(sorted: number[], value: number): void {
  const at = lowerBound(sorted, sorted.length, value);
  if (sorted[at] === value) sorted.splice(at, 1);
}

/**
 * Key → ascending distinct non-negative integers: the embedded store's postings. A short list is a plain array
 * (cheapest to hold few entries); past `TYPED_FROM` entries it moves to an Int32Array, 4 bytes an entry instead
 * of a plain array's 8.
 */
export interface SortedIndex<K> {
  add(key: K, value: number): void;
  remove(key: K, value: number): void;
  /** The numbers under `key`, ascending; empty when none. A view: read it before the next write. */
  get(key: K): ArrayLike<number>;
  has(key: K, value: number): boolean;
}

const TYPED_FROM = 32;

interface TypedList {
  data: Int32Array;
  length: number;
}

type List = number[] | TypedList;

const EMPTY: ArrayLike<number> = Object.freeze([]);

export function createSortedIndex<K>(): SortedIndex<K> {
  const lists = new Map<K, List>();

  function addTyped(list: TypedList, value: number): void {
    const at = list.length > 0 && (list.data[list.length - 1] as number) < value ? list.length : lowerBound(list.data, list.length, value);
    if (at < list.length && list.data[at] === value) return;
    if (list.length === list.data.length) {
      const grown = new Int32Array(Math.ceil(list.length * 1.25) + 8);
      grown.set(list.data);
      list.data = grown;
    }
    list.data.copyWithin(at + 1, at, list.length);
    list.data[at] = value;
    list.length += 1;
  }

  return {
    add(key, value) {
      const list = lists.get(key);
      if (list === undefined) lists.set(key, [value]);
      else if (Array.isArray(list)) {
        insertSorted(list, value);
        if (list.length >= TYPED_FROM) lists.set(key, { data: Int32Array.from(list), length: list.length });
      } else addTyped(list, value);
    },
    remove(key, value) {
      const list = lists.get(key);
      if (list === undefined) return;
      if (Array.isArray(list)) removeSorted(list, value);
      else {
        const at = lowerBound(list.data, list.length, value);
        if (at < list.length && list.data[at] === value) {
          list.data.copyWithin(at, at + 1, list.length);
          list.length -= 1;
        }
      }
      if ((Array.isArray(list) ? list.length : list.length) === 0) lists.delete(key);
    },
    get(key) {
      const list = lists.get(key);
      if (list === undefined) return EMPTY;
      return Array.isArray(list) ? list : list.data.subarray(0, list.length);
    },
    has(key, value) {
      const list = lists.get(key);
      if (list === undefined) return false;
      const [data, length] = Array.isArray(list) ? [list, list.length] : [list.data, list.length];
      return data[lowerBound(data, length, value)] === value && lowerBound(data, length, value) < length;
    },
  };
}
