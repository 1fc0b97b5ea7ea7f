import { AppError } from '../errors.js';

/** One reason a file is refused: where (row and column as the user sees them in Excel) and why. */
export interface ImportProblem {
  /** 1 = the heading row; null = the file as a whole. */
  row: number | null;
  /** The heading as written in the file (or the standard heading of a missing column). */
  column: string | null;
  messageKey: string;
  params?: Record<string, string | number>;
  /** An actor, Themenfeld or Ziel the Kommune does not have yet: created on request instead. */
  unknownReference?: boolean;
}

/** All-or-nothing: the whole file is refused with every problem found. */
export function importRejected(problems: ImportProblem[]): AppError {
  return new AppError('import_rejected', 'error.import_rejected', { detail: { problems } });
}

export function problemsOf(error: unknown): ImportProblem[] | undefined {
  if (error instanceof AppError && error.code === 'import_rejected') return (error.options.detail?.problems as ImportProblem[] | undefined) ?? [];
  return undefined;
}

export const fileProblem = (messageKey: string, params?: Record<string, string | number>): ImportProblem => ({ row: null, column: null, messageKey, params });

/** Problems that stop the import; unknown references only when they may not be created. */
export const blockingProblems = (problems: ImportProblem[], createMissing: boolean) =>
  problems.filter((p) => !(createMissing && p.unknownReference));

/** Problems that differ only in their row: the same mistake repeated down a column, shown as one line. */
export interface ProblemGroup {
  problem: ImportProblem;
  rows: number[];
}

/** Groups problems by column, reason and its values, in the order their first row appears. */
export function groupedProblems(problems: ImportProblem[]): ProblemGroup[] {
  const groups = new Map<string, ProblemGroup>();
  for (const p of problems) {
    // A file-wide problem (row null) has no row to join: each stays on its own.
    const key = p.row === null ? `#${groups.size}` : JSON.stringify([p.column, p.messageKey, p.params ?? null, !!p.unknownReference]);
    const group = groups.get(key);
    if (group) group.rows.push(p.row!);
    else groups.set(key, { problem: p, rows: p.row === null ? [] : [p.row] });
  }
  return [...groups.values()];
}

/** How many runs of rows a line names before it only counts the rest. */
export const maxRowRuns = 10;

/** Rows as Excel shows them, consecutive ones as a range: 2–5, 9, 12–14 (the first maxRowRuns runs). */
export function rowRuns(rows: number[]): { runs: string[]; moreRows: number } {
  const sorted = [...new Set(rows)].sort((a, b) => a - b);
  const runs: [number, number][] = [];
  for (const r of sorted) {
    const last = runs.at(-1);
    if (last && r === last[1] + 1) last[1] = r;
    else runs.push([r, r]);
  }
  const shown = runs.slice(0, maxRowRuns);
  const covered = shown.reduce((n, [a, b]) => n + b - a + 1, 0);
  return { runs: shown.map(([a, b]) => (a === b ? String(a) : `${a}–${b}`)), moreRows: sorted.length - covered };
}
