import { eq, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { loginAttempts } from './schema.js';

/** After this many failed sign-ins within the window, the key is locked until the window ends. */
export const maxFailures = 5;
export const windowMinutes = 15;

/** Minutes until the key may try again, or 0 when it may try now. */
export async function lockedMinutes(db: Db, key: string, now = new Date()): Promise<number> {
  const [row] = await db.select().from(loginAttempts).where(eq(loginAttempts.key, key));
  if (!row || row.failures < maxFailures) return 0;
  const ends = row.windowStart.getTime() + windowMinutes * 60_000;
  return ends > now.getTime() ? Math.ceil((ends - now.getTime()) / 60_000) : 0;
}

export async function recordFailure(db: Db, key: string, now = new Date()): Promise<void> {
  const windowStart = new Date(now.getTime() - windowMinutes * 60_000);
  await db
    .insert(loginAttempts)
    .values({ key, failures: 1, windowStart: now })
    .onConflictDoUpdate({
      target: loginAttempts.key,
      set: {
        // A failure after the window has passed starts a new window.
        failures: sql`case when ${loginAttempts.windowStart} < ${windowStart.toISOString()}::timestamptz then 1 else ${loginAttempts.failures} + 1 end`,
        windowStart: sql`case when ${loginAttempts.windowStart} < ${windowStart.toISOString()}::timestamptz then ${now.toISOString()}::timestamptz else ${loginAttempts.windowStart} end`,
      },
    });
}

export async function clearFailures(db: Db, key: string): Promise<void> {
  await db.delete(loginAttempts).where(eq(loginAttempts.key, key));
}
