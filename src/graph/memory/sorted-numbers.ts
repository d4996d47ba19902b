/** Index of the first element of `sorted` (ascending) that is not below `value`. */
export function lowerBound(sorted: ArrayLike<number>, length: number, value: number): number {
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
