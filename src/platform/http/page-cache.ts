/**
 * A small in-memory cache of rendered portal pages, keyed by path and query string (so by slug,
 * language and filters). Portal pages are the same for every visitor, so a rendered page can
 * be served again for a short while; a change made in the internal app shows up publicly
 * after at most `ttlMs`.
 *
 * This is per process. With several app instances each keeps its own copy; every write in a
 * Kommune is announced with PostgreSQL NOTIFY and every instance drops that Kommune's pages
 * (platform/public-changes.ts, wired in cached-page.ts).
 */
export class PageCache<V = Uint8Array> {
  private readonly entries = new Map<string, { value: V; expires: number; group: string | undefined }>();

  constructor(
    private readonly ttlMs = 30_000,
    /** Bounds memory: query strings are chosen by visitors (search terms, filters). */
    private readonly maxEntries = 500,
    private readonly now: () => number = Date.now,
    /** How long past its time to live an entry may still be served while a fresh one renders. */
    private readonly staleMs = 5 * 60_000,
  ) {}

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
      this.entries.delete(key);
      return undefined;
    }
    return { value: entry.value, fresh: entry.expires > now, group: entry.group };
  }

  get(key: string): V | undefined {
    const entry = this.entries.get(key);
    if (!entry) return undefined;
    if (entry.expires <= this.now()) {
      this.entries.delete(key);
      return undefined;
    }
    return entry.value;
  }

  /** `group`: what the page belongs to (the Kommune's id), for `invalidateGroup`. */
  set(key: string, value: V, group?: string): void {
    this.entries.delete(key);
    // Maps iterate in insertion order: the first key is the oldest entry.
    while (this.entries.size >= this.maxEntries) {
      const oldest = this.entries.keys().next();
      if (oldest.done) break;
      this.entries.delete(oldest.value);
    }
    this.entries.set(key, { value, expires: this.now() + this.ttlMs, group });
  }

  /** Drops every page of one Kommune (all languages and query strings), or everything. */
  invalidate(slug?: string): void {
    if (slug === undefined) return this.entries.clear();
    const prefix = `/k/${slug}`;
    for (const key of this.entries.keys()) {
      if (key === prefix || key.startsWith(`${prefix}/`) || key.startsWith(`${prefix}?`)) this.entries.delete(key);
    }
  }

  /** Drops every page stored with this group. */
  invalidateGroup(group: string): void {
    for (const [key, entry] of this.entries) if (entry.group === group) this.entries.delete(key);
  }

  get size(): number {
    return this.entries.size;
  }
}
