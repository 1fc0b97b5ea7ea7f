import fs from 'node:fs';
import path from 'node:path';

/** One import between two files of src/, paths relative to the repository root. */
export interface Edge {
  from: string;
  to: string;
  typeOnly: boolean;
}

const sourceFile = /\.tsx?$/;
// Static imports and re-exports (`import … from '…'`, `export … from '…'`, `import '…'`) and dynamic `import('…')`.
const importPattern = /(?:^|[;\s])(import|export)\s+(type\s+)?(?:[\w*{}\s,$]*?\s+from\s+)?['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)/g;

function walk(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const full = path.join(dir, e.name);
    return e.isDirectory() ? walk(full) : sourceFile.test(e.name) ? [full] : [];
  });
}

function stripComments(code: string): string {
  return code.replace(/\/\*[\s\S]*?\*\//g, '').replace(/(^|[^:'"\\])\/\/.*$/gm, '$1');
}

/** `./x.js` written in TypeScript's NodeNext style names `./x.ts` or `./x.tsx`. */
function resolve(fromFile: string, specifier: string, known: Set<string>): string | undefined {
  if (!specifier.startsWith('.')) return undefined;
  const base = path.join(path.dirname(fromFile), specifier);
  const stem = base.replace(/\.(js|jsx|ts|tsx)$/, '');
  return [`${stem}.ts`, `${stem}.tsx`, path.join(base, 'index.ts')].find((f) => known.has(f));
}

/** Every relative import between the files under `root` (a folder such as `src`). */
export function importGraph(root: string): { files: string[]; edges: Edge[] } {
  const files = walk(root).map((f) => path.relative(process.cwd(), f)).sort();
  const known = new Set(files);
  const edges: Edge[] = [];
  for (const from of files) {
    const code = stripComments(fs.readFileSync(from, 'utf8'));
    for (const m of code.matchAll(importPattern)) {
      const specifier = m[3] ?? m[4]!;
      const to = resolve(from, specifier, known);
      if (to) edges.push({ from, to, typeOnly: Boolean(m[2]) });
    }
  }
  return { files, edges };
}

/** Strongly connected components with more than one file (Tarjan): each is one import cycle or a knot of them. */
export function cycles(files: string[], edges: Edge[]): string[][] {
  const next = new Map<string, string[]>(files.map((f) => [f, []]));
  for (const e of edges) next.get(e.from)!.push(e.to);
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const found: string[][] = [];
  let counter = 0;
  const visit = (v: string) => {
    index.set(v, counter);
    low.set(v, counter++);
    stack.push(v);
    onStack.add(v);
    for (const w of next.get(v)!) {
      if (!index.has(w)) {
        visit(w);
        low.set(v, Math.min(low.get(v)!, low.get(w)!));
      } else if (onStack.has(w)) low.set(v, Math.min(low.get(v)!, index.get(w)!));
    }
    if (low.get(v) === index.get(v)) {
      const component: string[] = [];
      let w: string;
      do {
        w = stack.pop()!;
        onStack.delete(w);
        component.push(w);
      } while (w !== v);
      if (component.length > 1 || next.get(v)!.includes(v)) found.push(component.sort());
    }
  };
  for (const f of files) if (!index.has(f)) visit(f);
  return found;
}
