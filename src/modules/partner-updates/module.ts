import { and, eq, sql } from 'drizzle-orm';
import type { ModuleManifest } from '../../platform/module.js';
import { seedDemoPartnerLinks } from './demo.js';
import { messages } from './messages.js';
import { partnerRoutes } from './partner-routes.js';
import { contactsInReports } from './personal-data.js';
import { reviewRoutes } from './routes.js';
import { partnerSubmissions } from './schema.js';

/** Bestandsaufnahme by partners (issue 10.3): personal links per actor, submissions, the Koordination's review. */
export const partnerUpdatesModule: ModuleManifest = {
  name: 'partner-updates',
  routes: [reviewRoutes, partnerRoutes],
  messages: [messages],
  auditSubjects: [
    { entityType: 'partner_link', labelKey: 'audit.entity.partner_link', path: () => '/partnerlinks' },
    { entityType: 'partner_submission', labelKey: 'audit.entity.partner_submission', path: (e) => `/partnerlinks/meldungen/${e.entityId}` },
  ],
  appNav: [
    {
      section: 'partner-updates',
      group: 'inventory',
      path: '/partnerlinks',
      label: 'nav.partner_updates',
      coordinatorOnly: true,
      order: 45,
      count: (tenantId) => sql<number>`(select count(*)::int from ${partnerSubmissions} where ${and(eq(partnerSubmissions.tenantId, tenantId), eq(partnerSubmissions.status, 'offen'))})`,
    },
  ],
  demoSeed: seedDemoPartnerLinks,
  personalData: [contactsInReports],
  usages: [
    {
      // Open submissions would vanish with the actor (its link goes with it): review them first.
      of: 'actor',
      messageKey: 'partner_links.actor_in_use',
      async count(db, tenantId, id) {
        const [row] = await db.select({ n: sql<number>`count(*)::int` }).from(partnerSubmissions).where(and(eq(partnerSubmissions.tenantId, tenantId), eq(partnerSubmissions.actorId, id), eq(partnerSubmissions.status, 'offen')));
        return row?.n ?? 0;
      },
    },
  ],
};
