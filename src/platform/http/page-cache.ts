/**
 * A small in-memory cache of rendered portal pages, keyed by path and query string (so by slug,
 * language and filters). Portal pages are the same for every visitor, so a rendered page can
 * be served again for a short while; a change made in the internal app shows up publicly
 * after at most `ttlMs`.
 *
 * This is per process. With several app instances each keeps its own copy; every write in a
 * Kommune is announced with PostgreSQL NOTIFY and every instance drops that Kommune's pages
 * (platform/public-changes.ts, wired in cached-page.ts).
 *
 * Bytes are bounded for the whole process (`publicCacheBudget`), not only entries per cache: a
 * query string is chosen by the visitor, and 500 made-up ones on the Arabic concept page (273 kB
 * each) grew the server from 247 to 475 MB (session 10).
 */

/** The bytes the page caches of a process hold together, and the most they may. */
export class CacheBudget {
  usedBytes = 0;
  private readonly caches = new Set<PageCache<any>>();

  constructor(public maxBytes: number) {}

  join(cache: PageCache<any>): void {
    this.caches.add(cache);
  }

  /** Drops the oldest entries of any cache until `bytes` more fit; false when they never can. */
  makeRoom(bytes: number): boolean {
    if (bytes > this.maxBytes) return false;
    while (this.usedBytes + bytes > this.maxBytes) {
      let oldest: PageCache<any> | undefined;
      let oldestAt = Infinity;
      for (const cache of this.caches) {
        const at = cache.oldestStoredAt();
        if (at !== undefined && at < oldestAt) [oldest, oldestAt] = [cache, at];
      }
      if (!oldest) return false;
      oldest.dropOldest();
    }
    return true;
  }
}

/**
 * Every public page cache of this process together: enough for a Kommune's pages in all its
 * languages, its measure pages and its documents many times over (the concept page is ~180 kB,
 * the concept PDF ~1 MB).
 */
export const publicCacheBudget = new CacheBudget(32 * 1024 * 1024);

interface Entry<V> {
  value: V;
  storedAt: number;
  expires: number;
  group: string | undefined;
  bytes: number;
}

export class PageCache<V = Uint8Array> {
  private readonly entries = new Map<string, Entry<V>>();

  constructor(
    private readonly ttlMs = 30_000,
    /** Bounds memory: query strings are chosen by visitors (search terms, filters). */
    private readonly maxEntries = 500,
    private readonly now: () => number = Date.now,
    /** How long past its time to live an entry may still be served while a fresh one renders. */
    private readonly staleMs = 5 * 60_000,
    /** The bytes an entry holds, counted against `budget` (uncounted without). */
    private readonly sizing?: { sizeOf: (value: V) => number; budget: CacheBudget },
  ) {
    sizing?.budget.join(this);
  }

  /**
   * The entry and whether it is still fresh. A stale one (expired less than `staleMs` ago) is
   * served while the page renders again: a visitor does not wait because the database is busy
   * (PGlite during a large import holds its only connection for the import's transaction).
   */
  lookup(key: string): { value: V; fresh: boolean; group: string | undefined } | undefined {
    const entry = this.entries.get(key);
    if (!entry) return undefined;
    const now = this.now();
    if (entry.expires + this.staleMs <= now) {
      this.drop(key);
      return undefined;
    }
    return { value: entry.value, fresh: entry.expires > now, group: entry.group };
  }

  get(key: string): V | undefined {
    const entry = this.entries.get(key);
    if (!entry) return undefined;
    if (entry.expires <= this.now()) {
      this.drop(key);
      return undefined;
    }
    return entry.value;
  }

  /** `group`: what the page belongs to (the Kommune's id), for `invalidateGroup`. A value larger than the whole budget is not kept. */
  set(key: string, value: V, group?: string): void {
    this.drop(key);
    const now = this.now();
    // Maps iterate in insertion order: the first key is the oldest entry. Entries past their stale
    // window go first, also those nobody asks for again (a made-up query string).
    for (const [oldKey, entry] of this.entries) {
      if (entry.expires + this.staleMs > now && this.entries.size < this.maxEntries) break;
      this.drop(oldKey);
    }
    const bytes = this.sizing?.sizeOf(value) ?? 0;
    if (this.sizing && !this.sizing.budget.makeRoom(bytes)) return;
    if (this.sizing) this.sizing.budget.usedBytes += bytes;
    this.entries.set(key, { value, storedAt: now, expires: now + this.ttlMs, group, bytes });
  }

  /** Drops every page of one Kommune (all languages and query strings), or everything. */
  invalidate(slug?: string): void {
    const prefix = slug === undefined ? undefined : `/k/${slug}`;
    for (const key of [...this.entries.keys()]) {
      if (prefix === undefined || key === prefix || key.startsWith(`${prefix}/`) || key.startsWith(`${prefix}?`)) this.drop(key);
    }
  }

  /** Drops every page stored with this group. */
  invalidateGroup(group: string): void {
    for (const [key, entry] of [...this.entries]) if (entry.group === group) this.drop(key);
  }

  get size(): number {
    return this.entries.size;
  }

  /** When the oldest entry was stored (for the budget shared with other caches). */
  oldestStoredAt(): number | undefined {
    return this.entries.values().next().value?.storedAt;
  }

  dropOldest(): void {
    const oldest = this.entries.keys().next();
    if (!oldest.done) this.drop(oldest.value);
  }

  private drop(key: string): void {
    const entry = this.entries.get(key);
    if (!entry) return;
    this.entries.delete(key);
    if (this.sizing) this.sizing.budget.usedBytes -= entry.bytes;
  }
}
