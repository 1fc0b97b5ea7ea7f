import { and, eq, gte, lte, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { loginAttempts } from './schema.js';

/**
 * Sign-in throttling, in two parts with different jobs:
 *
 * - Per account: at most `accountAttempts` sign-ins are evaluated per window. The counter is
 *   taken (one atomic INSERT … ON CONFLICT … RETURNING) before the password is checked, so
 *   parallel guesses cannot slip past it; a successful sign-in clears it.
 * - Per client address (many people share one: a town hall behind NAT, a reverse proxy): no
 *   lock-out. After `addressFreeFailures` failed sign-ins in the window, attempts from the
 *   address are spaced `addressSpacingMs` apart (each reserves the next free slot, atomically),
 *   which bounds password spraying to one guess per slot. Only when the queue reaches
 *   `addressMaxWaitMs` is an attempt turned away, to be repeated a moment later.
 */
export const accountAttempts = 5;
export const windowMinutes = 15;
export const addressFreeFailures = 20;
export const addressSpacingMs = 1_000;
export const addressMaxWaitMs = 30_000;

const windowMs = windowMinutes * 60_000;
export const accountKey = (email: string) => `email:${email}`;
/** Failures per address: sign-ins count under `ip:`, API token attempts under `api:` (see platform/http/bearer.ts). */
export type AddressCounter = 'ip' | 'api';
export const addressKey = (address: string, counter: AddressCounter = 'ip') => `${counter}:${address}`;

/** Counts one attempt at `key`; a count after the window has passed starts a new window. */
async function countAttempt(db: Db, key: string, now: Date, windowLength = windowMs) {
  const windowStart = new Date(now.getTime() - windowLength).toISOString();
  const stale = sql`${loginAttempts.windowStart} < ${windowStart}::timestamptz`;
  const [row] = await db
    .insert(loginAttempts)
    .values({ key, failures: 1, windowStart: now })
    .onConflictDoUpdate({
      target: loginAttempts.key,
      set: {
        failures: sql`case when ${stale} then 1 else ${loginAttempts.failures} + 1 end`,
        windowStart: sql`case when ${stale} then ${now.toISOString()}::timestamptz else ${loginAttempts.windowStart} end`,
        nextAttemptAt: sql`case when ${stale} then null else ${loginAttempts.nextAttemptAt} end`,
      },
    })
    .returning({ count: loginAttempts.failures, windowStart: loginAttempts.windowStart });
  return row!;
}

/**
 * Takes one of the account's attempts. Returns 0 when the password may be checked, otherwise
 * the minutes until the account may try again.
 */
export async function takeAccountAttempt(db: Db, email: string, now = new Date()): Promise<number> {
  const { count, windowStart } = await countAttempt(db, accountKey(email), now);
  if (count <= accountAttempts) return 0;
  return Math.max(1, Math.ceil((windowStart.getTime() + windowMs - now.getTime()) / 60_000));
}

/** Counts one event at `key` within a window of `windowLength` ms; returns the count so far (this one included). */
export const countInWindow = async (db: Db, key: string, now: Date, windowLength: number) => (await countAttempt(db, key, now, windowLength)).count;

/** A failed sign-in from an address (counted after the password was checked). */
export const recordAddressFailure = (db: Db, address: string, now = new Date(), counter: AddressCounter = 'ip') => countAttempt(db, addressKey(address, counter), now);

export type AddressSlot = { waitMs: number } | { busy: true };

/**
 * When the address has used up its free failures, reserves the next slot: the attempt waits
 * `waitMs` before the password is checked. `busy` when the queue is already `addressMaxWaitMs` long.
 */
export async function reserveAddressSlot(db: Db, address: string, now = new Date(), counter: AddressCounter = 'ip'): Promise<AddressSlot> {
  const key = addressKey(address, counter);
  const nowSql = sql`${now.toISOString()}::timestamptz`;
  const throttled = and(
    eq(loginAttempts.key, key),
    gte(loginAttempts.failures, addressFreeFailures),
    gte(loginAttempts.windowStart, new Date(now.getTime() - windowMs)),
  );
  const slot = sql`greatest(coalesce(${loginAttempts.nextAttemptAt}, ${nowSql}), ${nowSql})`;
  const [reserved] = await db
    .update(loginAttempts)
    .set({ nextAttemptAt: sql`${slot} + ${addressSpacingMs} * interval '1 millisecond'` })
    .where(and(throttled, lte(slot, sql`${nowSql} + ${addressMaxWaitMs} * interval '1 millisecond'`)))
    .returning({ next: loginAttempts.nextAttemptAt });
  if (reserved?.next) return { waitMs: Math.max(0, reserved.next.getTime() - addressSpacingMs - now.getTime()) };
  const [full] = await db.select({ key: loginAttempts.key }).from(loginAttempts).where(throttled);
  return full ? { busy: true } : { waitMs: 0 };
}

export async function clearAttempts(db: Db, key: string): Promise<void> {
  await db.delete(loginAttempts).where(eq(loginAttempts.key, key));
}
