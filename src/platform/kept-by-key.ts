/**
 * Values that cost much to compute and depend on nothing but their key (a digest of their whole
 * input), kept in this process: at most `max`, the one used longest ago goes first. There is
 * nothing to invalidate: other input is another key. Callers must not change a value they get.
 * For values derived from a Kommune's content, which changes under the same key, see kept-derived.ts.
 */
export function keptByKey<T>(max: number): (key: string, compute: () => T) => T {
  const kept = new Map<string, T>();
  return (key, compute) => {
    const hit = kept.get(key);
    if (hit !== undefined) {
      // Maps iterate in insertion order: moved to the end, it is the most recently used.
      kept.delete(key);
      kept.set(key, hit);
      return hit;
    }
    const value = compute();
    kept.set(key, value);
    if (kept.size > max) kept.delete(kept.keys().next().value!);
    return value;
  };
}
