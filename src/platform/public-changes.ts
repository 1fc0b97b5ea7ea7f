import { sql } from 'drizzle-orm';
import { PgTransaction } from 'drizzle-orm/pg-core';
import type { Database, Db } from '../db/client.js';

/**
 * "The public content of a Kommune may have changed": a PostgreSQL NOTIFY on this channel with
 * the Kommune's id. Every write is audited (platform/audit/record.ts), and recording the audit
 * entry announces the change inside the command's transaction, so the notification goes out when
 * the change commits, and not at all when it is rolled back. Every ikon instance on the database
 * listens and drops that Kommune's cached public pages (platform/http/cached-page.ts); on PGlite
 * the same NOTIFY arrives in process before the commit returns.
 *
 * A notification lost while an instance was disconnected (database restart) is covered twice:
 * the listener reconnects and drops every cached page, and each page expires after 30 s anyway.
 */
export const publicChangeChannel = 'ikon_public_change';

/** Transactions that already announced a change of this Kommune (one NOTIFY per transaction and Kommune). */
const announced = new WeakMap<object, Set<string>>();

/** Announces a change of the Kommune's public content; call inside the command's transaction. */
export async function announcePublicChange(db: Db, tenantId: string): Promise<void> {
  if (db instanceof PgTransaction) {
    const seen = announced.get(db) ?? new Set<string>();
    if (seen.has(tenantId)) return;
    seen.add(tenantId);
    announced.set(db, seen);
  }
  await db.execute(sql`select pg_notify(${publicChangeChannel}, ${tenantId})`);
}

/** A Kommune's id, or undefined: anything may have changed (notifications were lost). */
export type PublicChangeHandler = (tenantId: string | undefined) => void;

class PublicChanges {
  private readonly handlers = new Set<PublicChangeHandler>();
  private listening: Promise<unknown> | undefined;
  private retryAfter = 0;
  constructor(private readonly database: Database) {}

  /** Calls `handler` on every announced change from now on; the first subscriber starts the LISTEN. */
  subscribe(handler: PublicChangeHandler): Promise<unknown> {
    this.handlers.add(handler);
    if (!this.listening && Date.now() < this.retryAfter) return Promise.resolve();
    this.listening ??= this.database
      .listen(publicChangeChannel, { onMessage: (tenantId) => this.emit(tenantId || undefined), onGap: () => this.emit(undefined) })
      .catch((error: unknown) => {
        // A request after 30 s tries again (not every request: no connection storm); meanwhile pages expire after 30 s.
        this.listening = undefined;
        this.retryAfter = Date.now() + 30_000;
        console.error('Öffentliche Seiten: LISTEN nicht möglich, Seiten veralten bis zu 30 s', error);
      });
    return this.listening;
  }

  private emit(tenantId: string | undefined) {
    for (const handler of this.handlers) handler(tenantId);
  }
}

const byDatabase = new WeakMap<Database, PublicChanges>();

/** The announcements on one database (one per database: tests run several apps in one process). */
export function publicChangesOf(database: Database): PublicChanges {
  let changes = byDatabase.get(database);
  if (!changes) byDatabase.set(database, (changes = new PublicChanges(database)));
  return changes;
}
