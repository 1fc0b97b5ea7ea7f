import { sql } from 'drizzle-orm';
import { PgTransaction } from 'drizzle-orm/pg-core';
import { queryRows, type Database, type Db } from '../db/client.js';

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

/** What a transaction already did for a Kommune: noted its change, and announced it to public caches (once each). */
const done = new WeakMap<object, Map<string, { noted: boolean; announced: boolean }>>();

/**
 * Announces a change of the Kommune's content; call inside the command's transaction.
 * `publicPages: false`: a change no public page shows (measures imported into a draft edition):
 * kept pages of signed-in readers still see it, the public pages' caches are not dropped — a
 * 5,000-row import into a draft made every instance render its concept page again for nothing.
 */
export async function announcePublicChange(db: Db, tenantId: string, opts: { publicPages?: boolean } = {}): Promise<void> {
  const publicPages = opts.publicPages ?? true;
  const perTx = db instanceof PgTransaction ? (done.get(db) ?? done.set(db, new Map()).get(db)!) : undefined;
  const state = perTx?.get(tenantId) ?? { noted: false, announced: false };
  perTx?.set(tenantId, state);
  // The row tells readers which transaction changed the Kommune (contentChangedSince); the NOTIFY tells caches now.
  if (!state.noted) {
    state.noted = true;
    await noteContentChange(db, tenantId);
  }
  if (publicPages && !state.announced) {
    state.announced = true;
    await db.execute(sql`select pg_notify(${publicChangeChannel}, ${tenantId})`);
  }
}

/** Records that this transaction changes the Kommune's content (what contentChangedSince asks); part of announcePublicChange. */
export async function noteContentChange(db: Db, tenantId: string): Promise<void> {
  noted.set(tenantId, ++notes);
  await db.execute(sql`insert into content_changes (tenant_id) values (${tenantId})`);
}

/**
 * Changes noted in this process: a count, and the count at each Kommune's last change. Counted
 * when noted, before the writing transaction commits: on a database whose transactions hold its
 * only connection (PGlite), a render that reads the count afterwards runs its queries after the
 * commit, and one that read it before is told its Kommune changed. A rollback only costs a render.
 */
let notes = 0;
const noted = new Map<string, number>();
/** The count when everything was last taken as changed (noteEverythingChanged). */
let everythingAt = 0;

/** The Kommunen whose changes `work` noted in this thread (the task thread tells the request thread, see threads/with-database.ts). */
export async function changesNotedDuring<T>(work: () => Promise<T>): Promise<{ result: T; tenantIds: string[] }> {
  const before = notes;
  const result = await work();
  return { result, tenantIds: [...noted].filter(([, at]) => at > before).map(([tenantId]) => tenantId) };
}

/** Changes another thread of this process committed to the database: kept data of these Kommunen is out of date. */
export function noteChangesOf(tenantIds: readonly string[]): void {
  for (const tenantId of tenantIds) noted.set(tenantId, ++notes);
}

/** Another thread's work failed without saying what it had changed: every Kommune counts as changed. */
export function noteEverythingChanged(): void {
  everythingAt = ++notes;
}

/**
 * What a render saw, taken before its first query: on PostgreSQL the database's snapshot; where
 * this process is the database's only writer and a transaction excludes every other query
 * (PGlite, `Database.soleWriter`), the count of changes noted in this process (no query needed).
 */
export type ContentSnapshot = { snapshot: string } | { notes: number };

/**
 * What the session lookup of a request read about the Kommune of its URL, in the same query (PostgreSQL;
 * platform/auth/sessions.ts): the database's snapshot then, and every committed change row of that Kommune
 * from transaction `floor` on. With it a kept page is checked, and a new one gets its snapshot, without a
 * query of its own: one round trip fewer for every signed-in page on PostgreSQL.
 */
export interface ContentState {
  tenantId: string;
  snapshot: string;
  floor: string;
  changes: string[];
}

/**
 * The oldest transaction a request's change list starts from: the snapshot `xmin` this process saw about
 * 15 minutes ago (kept pages live 10). A snapshot's `xmin` never goes back, so every page kept since then
 * was rendered from a snapshot whose `xmin` is at least this, and the list holds every change that can
 * concern it; an older page is checked with a query as before. Undefined until a lookup has seen one.
 */
const floorAge = 15 * 60_000;
const seenXmins: { at: number; xmin: bigint }[] = [];
export function contentFloor(): string | undefined {
  return seenXmins[0]?.xmin.toString();
}

/** Remembers a snapshot a session lookup saw (at most one a minute), for `contentFloor`. */
export function noteSnapshotSeen(snapshot: string, now = Date.now()): void {
  const last = seenXmins.at(-1);
  if (!last || now - last.at >= 60_000) seenXmins.push({ at: now, xmin: parseSnapshot(snapshot).xmin });
  while (seenXmins.length > 1 && seenXmins[1]!.at <= now - floorAge) seenXmins.shift();
}

/** `xmin:xmax:xip,…` (pg_snapshot's text form). */
function parseSnapshot(text: string): { xmin: bigint; xmax: bigint; inProgress: Set<bigint> } {
  const [xmin, xmax, xip] = text.split(':');
  return { xmin: BigInt(xmin!), xmax: BigInt(xmax!), inProgress: new Set(xip ? xip.split(',').map(BigInt) : []) };
}

/** pg_visible_in_snapshot for a committed transaction. */
const visibleIn = (tx: bigint, s: ReturnType<typeof parseSnapshot>) => tx < s.xmin || (tx < s.xmax && !s.inProgress.has(tx));

/** `contentChangedSince` answered from the request's `ContentState`, or undefined where it cannot say (another Kommune, an older page). */
function changedPerState(known: ContentState | undefined, tenantId: string, seen: ContentSnapshot): { changed: boolean; snapshot: ContentSnapshot } | undefined {
  if (!known || known.tenantId !== tenantId || !('snapshot' in seen)) return undefined;
  const s = parseSnapshot(seen.snapshot);
  if (s.xmin < BigInt(known.floor)) return undefined;
  const changed = known.changes.some((tx) => !visibleIn(BigInt(tx), s));
  return { changed, snapshot: { snapshot: known.snapshot } };
}

/**
 * The current snapshot, to be taken before rendering something that `contentChangedSince` will check later.
 * `known`: the request's content state (taken before any query of the render), used instead of a query.
 */
export async function contentSnapshot(database: Database, known?: ContentState): Promise<ContentSnapshot> {
  await pruneContentChanges(database.db);
  if (database.soleWriter) return { notes };
  if (known) return { snapshot: known.snapshot };
  const [row] = await queryRows<{ snapshot: string }>(database.db, sql`select pg_current_snapshot()::text as snapshot`);
  return { snapshot: row!.snapshot };
}

/**
 * Whether a write in the Kommune committed that the snapshot did not see: exact whatever the order
 * in which transactions commit (an id or a timestamp would miss a long transaction that began
 * before and committed after the snapshot). One indexed query (none on a sole writer: every write
 * was noted in this process; none with the request's `known` content state where it can say);
 * it also returns the current snapshot for a render that follows.
 */
export async function contentChangedSince(database: Database, tenantId: string, seen: ContentSnapshot, known?: ContentState): Promise<{ changed: boolean; snapshot: ContentSnapshot }> {
  // A hit on a sole writer writes nothing either (pruning would make the kept session lookups read again, see sessions.ts).
  if ('notes' in seen && database.soleWriter) return { changed: Math.max(noted.get(tenantId) ?? 0, everythingAt) > seen.notes, snapshot: { notes } };
  if (!('snapshot' in seen)) return { changed: true, snapshot: await contentSnapshot(database, known) };
  await pruneContentChanges(database.db);
  const answered = changedPerState(known, tenantId, seen);
  if (answered) return answered;
  const [row] = await queryRows<{ changed: boolean; snapshot: string }>(
    database.db,
    sql`select pg_current_snapshot()::text as snapshot, exists (
          select 1 from content_changes
          where tenant_id = ${tenantId} and tx >= pg_snapshot_xmin(${seen.snapshot}::pg_snapshot) and not pg_visible_in_snapshot(tx, ${seen.snapshot}::pg_snapshot)
        ) as changed`,
  );
  return { changed: row!.changed, snapshot: { snapshot: row!.snapshot } };
}

/** Kept pages live for minutes; rows older than an hour can tell nothing. Pruned before renders and PostgreSQL's checks, at most every 10 minutes per process. */
let prunedAt = 0;
async function pruneContentChanges(db: Db): Promise<void> {
  if (Date.now() - prunedAt < 10 * 60_000) return;
  prunedAt = Date.now();
  await db.execute(sql`delete from content_changes where at < now() - interval '1 hour'`);
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
