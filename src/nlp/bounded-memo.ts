/**
 * `compute` remembered per key, for pure string functions that extraction asks of the same words and names many
 * times a paper and across papers. Bounded at `maxEntries` (it starts over when full), because a long-running
 * ingest sees an open vocabulary.
 */
export function createBoundedMemo<T>(compute: (key: string) => T, maxEntries: number): (key: string) => T {
  const known = new Map<string, T>();
  return (key) => {
    let value = known.get(key);
    if (value === undefined) {
      value = compute(key);
      if (known.size >= maxEntries) known.clear();
      known.set(key, value);
    }
    return value;
  };
}
