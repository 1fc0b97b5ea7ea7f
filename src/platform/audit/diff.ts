/** Fields whose values differ between two snapshots (bookkeeping fields ignored). */
const ignored = new Set(['version', 'updatedAt', 'createdAt', 'position', 'searchVector']);

export function changedFields(before: unknown, after: unknown): string[] {
  const a = (before ?? {}) as Record<string, unknown>;
  const b = (after ?? {}) as Record<string, unknown>;
  const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
  return [...keys].filter((k) => !ignored.has(k) && !sameValue(a[k], b[k]));
}

function sameValue(x: unknown, y: unknown): boolean {
  const norm = (v: unknown) => {
    if (Array.isArray(v)) return JSON.stringify([...v].map(String).sort());
    if (v === '' || v === undefined) return 'null';
    if (typeof v === 'number') return String(v);
    if (typeof v === 'string' && /^-?\d+(\.\d+)?$/.test(v)) return String(Number(v));
    return JSON.stringify(v);
  };
  return norm(x) === norm(y);
}
