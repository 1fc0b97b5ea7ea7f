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
