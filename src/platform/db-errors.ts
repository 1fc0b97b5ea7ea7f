/**
 * Whether `e` (or what the driver or drizzle wrapped in it, `cause`) is a unique violation of
 * `constraint`: two people saving the same number at the same moment pass the check before the
 * insert, and the unique index decides. The command turns it into the field error the check gives.
 */
export function violatesUnique(e: unknown, constraint: string): boolean {
  const x = e as { code?: string; constraint?: string; cause?: unknown } | null;
  return !!x && ((x.code === '23505' && x.constraint === constraint) || (x.cause !== undefined && x.cause !== e && violatesUnique(x.cause, constraint)));
}
