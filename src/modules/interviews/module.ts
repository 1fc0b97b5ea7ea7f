import { and, eq, sql } from 'drizzle-orm';
import type { ModuleManifest } from '../../platform/module.js';
import { seedDemoInterviews } from './demo.js';
import { messages } from './messages.js';
import { interviewRoutes } from './routes.js';
import { interviewActors } from './schema.js';
import { interviewSearchSource } from './search-source.js';

/** Gespräche der Bestandsaufnahme: interview notes per Gemeinde, linked to actors and measures. */
export const interviewsModule: ModuleManifest = {
  name: 'interviews',
  routes: [interviewRoutes],
  messages: [messages],
  searchSources: [interviewSearchSource],
  auditSubjects: [{ entityType: 'interview', labelKey: 'audit.entity.interview', path: (e) => `/gespraeche/${e.entityId}` }],
  appNav: [{ section: 'interviews', group: 'participation', path: '/gespraeche', label: 'nav.interviews', order: 42 }],
  demoSeed: seedDemoInterviews,
  usages: [
    {
      // An actor named in interview notes stays: the notes would silently lose who was there.
      of: 'actor',
      messageKey: 'interviews.actor_in_use',
      async count(db, tenantId, id) {
        const [row] = await db.select({ n: sql<number>`count(*)::int` }).from(interviewActors).where(and(eq(interviewActors.tenantId, tenantId), eq(interviewActors.actorId, id)));
        return row?.n ?? 0;
      },
    },
  ],
};
