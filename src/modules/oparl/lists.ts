import { asc, gte, isNull, lte, type SQL } from 'drizzle-orm';
import type { PgColumn } from 'drizzle-orm/pg-core';

/** OParl 1.1 allows at most this many objects per list page (and it is ours by default). */
export const maxPerPage = 100;

/** The query parameters of an OParl list: time filters (ISO 8601), page size and the page. */
export interface ListQuery {
  createdSince?: Date;
  createdUntil?: Date;
  modifiedSince?: Date;
  modifiedUntil?: Date;
  limit: number;
  page: number;
}

export class BadListQuery extends Error {}

const filterNames = ['created_since', 'created_until', 'modified_since', 'modified_until'] as const;
const isoDateTime = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})$/;

function instant(name: string, value: string | undefined): Date | undefined {
  if (value === undefined) return undefined;
  const date = isoDateTime.test(value) ? new Date(value) : new Date(Number.NaN);
  if (Number.isNaN(date.getTime())) throw new BadListQuery(`${name} must be an ISO 8601 date-time with offset, e.g. 2024-12-16T00:00:00+01:00`);
  return date;
}

function positive(name: string, value: string | undefined, fallback: number, max = Number.MAX_SAFE_INTEGER): number {
  if (value === undefined) return fallback;
  if (!/^\d{1,9}$/.test(value) || Number(value) < 1 || Number(value) > max) throw new BadListQuery(`${name} must be a whole number from 1 to ${max === Number.MAX_SAFE_INTEGER ? 'the last page' : max}`);
  return Number(value);
}

export function parseListQuery(query: Record<string, string | undefined>): ListQuery {
  return {
    createdSince: instant('created_since', query.created_since),
    createdUntil: instant('created_until', query.created_until),
    modifiedSince: instant('modified_since', query.modified_since),
    modifiedUntil: instant('modified_until', query.modified_until),
    limit: positive('limit', query.limit, maxPerPage, maxPerPage),
    page: positive('page', query.page, 1),
  };
}

/** The time filters as SQL; without modified_since deleted objects stay out, with it they are listed (as deleted). */
export function listConditions(q: ListQuery, columns: { createdAt: PgColumn; updatedAt: PgColumn; deletedAt: PgColumn }): SQL[] {
  const conditions: (SQL | undefined)[] = [
    q.createdSince && gte(columns.createdAt, q.createdSince),
    q.createdUntil && lte(columns.createdAt, q.createdUntil),
    q.modifiedSince && gte(columns.updatedAt, q.modifiedSince),
    q.modifiedUntil && lte(columns.updatedAt, q.modifiedUntil),
    q.modifiedSince ? undefined : isNull(columns.deletedAt),
  ];
  return conditions.filter((c): c is SQL => c !== undefined);
}

/** Stable order of every list: creation time, then id (ties are common in bulk imports). */
export const stableOrder = (columns: { createdAt: PgColumn; id: PgColumn }) => [asc(columns.createdAt), asc(columns.id)];

export const offsetOf = (q: ListQuery) => (q.page - 1) * q.limit;

/** The list document: data, pagination and links, `next` on every page but the last; filters stay in the links. */
export function listPage<T>(url: string, q: ListQuery, data: T[], total: number) {
  const totalPages = Math.max(1, Math.ceil(total / q.limit));
  const at = (page: number) => {
    const u = new URL(url);
    for (const key of [...u.searchParams.keys()]) if (!(filterNames as readonly string[]).includes(key) && key !== 'limit') u.searchParams.delete(key);
    if (page > 1) u.searchParams.set('page', String(page));
    return u.toString();
  };
  const links: Record<string, string> = { first: at(1), self: at(q.page), last: at(totalPages) };
  if (q.page > 1) links.prev = at(Math.min(q.page - 1, totalPages));
  if (q.page < totalPages) links.next = at(q.page + 1);
  return {
    data,
    pagination: { totalElements: total, elementsPerPage: q.limit, currentPage: q.page, totalPages },
    links,
  };
}
