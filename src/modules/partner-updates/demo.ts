import { and, asc, eq, inArray } from 'drizzle-orm';
import { hashToken, newToken } from '../../platform/auth/tokens.js';
import type { Db } from '../../db/client.js';
import { addDays, endOfBerlinDay, todayInGermany } from '../../platform/dates.js';
import type { DemoSeedContext } from '../../platform/module.js';
import { actorContacts, actors } from '../actors/schema.js';
import { offerProviders, offers } from '../offers/schema.js';
import { partnerLinks, partnerSubmissions } from './schema.js';

/**
 * The demo's partner link of the Kreisvolkshochschule, known so that the partner's form can be
 * tried: /partner/Demo-Partnerlink_KVHS-Musterland_nur-Demo01 (only in the demo, IKON_DEMO=1).
 */
export const demoPartnerToken = 'Demo-Partnerlink_KVHS-Musterland_nur-Demo01';

/** Actors of Musterland with a link: one has sent a change to review, the others have not answered yet. */
const demoLinks = [
  { actor: 'Kreisvolkshochschule Musterland', recipient: 'Heike Brandt', token: demoPartnerToken },
  { actor: 'Jugendmigrationsdienst Musterland', recipient: 'Deniz Aydın' },
  { actor: 'Internationaler Frauentreff Heidewald e. V.', recipient: 'Fatma Yıldız' },
];

export async function seedDemoPartnerLinks(tx: Db, demo: DemoSeedContext): Promise<number> {
  const tenantId = demo.tenantId;
  const rows = await tx.select({ id: actors.id, name: actors.name }).from(actors).where(and(eq(actors.tenantId, tenantId), inArray(actors.name, demoLinks.map((l) => l.actor))));
  const idOf = new Map(rows.map((r) => [r.name, r.id]));
  const expiresAt = endOfBerlinDay(addDays(todayInGermany(), 8 * 7));
  let made = 0;
  for (const l of demoLinks) {
    const actorId = idOf.get(l.actor);
    if (!actorId) continue;
    const [recipient] = await tx.select({ id: actorContacts.id }).from(actorContacts).where(and(eq(actorContacts.tenantId, tenantId), eq(actorContacts.actorId, actorId), eq(actorContacts.name, l.recipient)));
    const [link] = await tx
      .insert(partnerLinks)
      .values({ tenantId, actorId, tokenHash: hashToken(l.token ?? newToken()), recipientContactId: recipient?.id ?? null, expiresAt, createdByName: 'Katrin Koordination' })
      .returning();
    made++;
    if (l.token) await seedPendingSubmission(tx, tenantId, link!.id, actorId);
  }
  return made;
}

/** The Kreisvolkshochschule reports that its first course now has childcare and is also held in Ukrainian. */
async function seedPendingSubmission(tx: Db, tenantId: string, linkId: string, actorId: string): Promise<void> {
  const [offer] = await tx
    .select({ id: offers.id, languages: offers.languages, childcare: offers.childcare })
    .from(offers)
    .innerJoin(offerProviders, and(eq(offerProviders.tenantId, offers.tenantId), eq(offerProviders.offerId, offers.id)))
    .where(and(eq(offers.tenantId, tenantId), eq(offerProviders.actorId, actorId)))
    .orderBy(asc(offers.title))
    .limit(1);
  if (!offer) return;
  const languages = offer.languages.includes('uk') ? offer.languages : [...offer.languages, 'uk'];
  const changes: Record<string, { before: unknown; after: unknown }> = { languages: { before: offer.languages, after: languages } };
  if (!offer.childcare) changes.childcare = { before: false, after: true };
  await tx.insert(partnerSubmissions).values({
    tenantId, linkId, actorId, kind: 'offer_update', targetId: offer.id,
    changes,
    message: 'Ab dem nächsten Kurs betreuen zwei Erzieherinnen die Kinder im Nebenraum; eine Kursleiterin spricht Ukrainisch.',
    submissionKey: newToken(),
  });
}
