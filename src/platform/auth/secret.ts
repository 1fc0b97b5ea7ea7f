import { randomBytes } from 'node:crypto';
import { eq } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { serverSecrets } from './schema.js';

/** Shortest accepted `IKON_SECRET`: 32 characters (e.g. `openssl rand -base64 32` gives 44). */
export const minSecretLength = 32;

/**
 * The key for HMACs the server signs (CSRF tokens). `IKON_SECRET` when configured; otherwise
 * generated once and kept in the database: the first instance to ask inserts it, every later
 * one (and every other instance on the same database) reads the same value back.
 */
export async function loadServerSecret(db: Db, configured: string | undefined, name = 'hmac'): Promise<string> {
  if (configured) return configured;
  await db.insert(serverSecrets).values({ name, value: randomBytes(32).toString('base64url') }).onConflictDoNothing();
  const [row] = await db.select({ value: serverSecrets.value }).from(serverSecrets).where(eq(serverSecrets.name, name));
  if (!row) throw new Error(`server secret "${name}" missing after insert`);
  return row.value;
}
