/**
 * Word-level difference of two texts (Myers' O(ND) algorithm), for the version comparison of a
 * Vorlage. Words and the spaces between them are the units, so a changed figure or a new
 * sentence shows as such. Bounded: beyond `maxEdits` changed words the texts are too different
 * to show word by word, and the caller shows old and new whole (undefined).
 */
export type DiffPart = { kind: 'same' | 'added' | 'removed'; text: string };

const tokens = (s: string) => s.match(/\s+|[^\s]+/g) ?? [];

export function wordDiff(a: string, b: string, maxEdits = 800): DiffPart[] | undefined {
  const x = tokens(a);
  const y = tokens(b);
  // The common start and end cost nothing and keep the search small.
  let start = 0;
  while (start < x.length && start < y.length && x[start] === y[start]) start++;
  let end = 0;
  while (end < x.length - start && end < y.length - start && x[x.length - 1 - end] === y[y.length - 1 - end]) end++;
  const middle = myers(x.slice(start, x.length - end), y.slice(start, y.length - end), maxEdits);
  if (!middle) return undefined;
  const parts: DiffPart[] = [];
  const push = (kind: DiffPart['kind'], text: string) => {
    const last = parts.at(-1);
    if (last && last.kind === kind) last.text += text;
    else if (text) parts.push({ kind, text });
  };
  push('same', x.slice(0, start).join(''));
  for (const p of middle) push(p.kind, p.text);
  push('same', x.slice(x.length - end).join(''));
  return grouped(parts);
}

/** "[-knapp] [+89.863] [-90.000]" reads badly: changes separated only by spaces become one removed and one added run. */
function grouped(parts: DiffPart[]): DiffPart[] {
  const out: DiffPart[] = [];
  for (let i = 0; i < parts.length; i++) {
    const p = parts[i]!;
    if (p.kind === 'same') {
      out.push(p);
      continue;
    }
    let removed = '';
    let added = '';
    let j = i;
    for (; j < parts.length; j++) {
      const q = parts[j]!;
      if (q.kind === 'removed') removed += q.text;
      else if (q.kind === 'added') added += q.text;
      else if (/^\s+$/.test(q.text) && parts[j + 1] && parts[j + 1]!.kind !== 'same') {
        removed += q.text;
        added += q.text;
      } else break;
    }
    if (removed) out.push({ kind: 'removed', text: removed });
    if (added) out.push({ kind: 'added', text: added });
    i = j - 1;
  }
  return out;
}

function myers(x: string[], y: string[], limit: number): DiffPart[] | undefined {
  const n = x.length;
  const m = y.length;
  const max = Math.min(limit, n + m);
  const off = max + 1;
  const v = new Int32Array(2 * max + 3);
  const trace: Int32Array[] = [];
  for (let d = 0; d <= max; d++) {
    trace.push(v.slice());
    for (let k = -d; k <= d; k += 2) {
      let xi = k === -d || (k !== d && v[off + k - 1]! < v[off + k + 1]!) ? v[off + k + 1]! : v[off + k - 1]! + 1;
      let yi = xi - k;
      while (xi < n && yi < m && x[xi] === y[yi]) {
        xi++;
        yi++;
      }
      v[off + k] = xi;
      if (xi >= n && yi >= m) return backtrack(x, y, trace, d, off);
    }
  }
  return undefined;
}

function backtrack(x: string[], y: string[], trace: Int32Array[], last: number, off: number): DiffPart[] {
  const out: DiffPart[] = [];
  let xi = x.length;
  let yi = y.length;
  for (let d = last; d >= 0; d--) {
    const v = trace[d]!;
    const k = xi - yi;
    const prevK = k === -d || (k !== d && v[off + k - 1]! < v[off + k + 1]!) ? k + 1 : k - 1;
    const prevX = v[off + prevK]!;
    const prevY = prevX - prevK;
    while (xi > prevX && yi > prevY) {
      out.push({ kind: 'same', text: x[--xi]! });
      yi--;
    }
    if (d > 0) out.push(xi === prevX ? { kind: 'added', text: y[prevY]! } : { kind: 'removed', text: x[prevX]! });
    xi = prevX;
    yi = prevY;
  }
  return out.reverse();
}
