import type { Db } from '../../db/client.js';
import type { auditLog } from './schema.js';

export type AuditRow = typeof auditLog.$inferSelect;

/**
 * How the Protokoll shows entries about one kind of object. Modules declare these in their
 * manifest for the objects they own; the log itself only stores type and id.
 */
export interface AuditSubject {
  entityType: string;
  /** Catalog key of the kind, e.g. 'audit.entity.measure' ("Maßnahme"). */
  labelKey: string;
  /** The object's page below `/app/k/:slug`, where it has one. */
  path?: (entry: AuditRow) => string | undefined;
  /** Names for entries whose logged values do not name the object (a Sachstand names its measure). */
  names?: (db: Db, tenantId: string, entries: AuditRow[]) => Promise<Map<number, string>>;
}

/** A short name of the changed object from the logged values: number and title, or name. */
export function loggedName(entry: AuditRow): string | undefined {
  for (const v of [entry.after, entry.before]) {
    if (v && typeof v === 'object') {
      const o = v as Record<string, unknown>;
      const parts = [o.number, o.title ?? o.name].filter((x) => typeof x === 'string' && x !== '');
      if (parts.length) return parts.join(' ');
    }
  }
  return undefined;
}
