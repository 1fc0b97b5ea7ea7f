import { and, eq, inArray } from 'drizzle-orm';
import type { Db } from '../../../db/client.js';
import { formatDate, translator } from '../../../platform/i18n/i18n.js';
import { tenants } from '../../../platform/tenancy/schema.js';
import type { Tenant } from '../../../platform/tenancy/service.js';
import { actors } from '../../actors/schema.js';
import { editionById, editionOutline, type Edition } from '../../concepts/index.js';
import { linksOf, listMeasures } from '../../measures/index.js';
import type { ConceptActor, ConceptMeasure, ConceptModel } from './model.js';

/** Longer descriptions are cut here: a table row must fit on one page (about 1,500 characters in the measure column). */
export const descriptionLimit = 1200;
const shortened = (text: string) => {
  const t = text.trim();
  if (t.length <= descriptionLimit) return t;
  const cut = t.slice(0, descriptionLimit);
  return `${cut.slice(0, Math.max(cut.lastIndexOf(' '), descriptionLimit - 100))} …`;
};

/**
 * Gathers the concept document of one edition in seven queries however many measures it has:
 * edition, outline (3), measures, their links, the actors they name. Only what the public pages
 * show of a concept is read into the model (see ConceptModel).
 */
export async function buildConcept(db: Db, tenant: Pick<Tenant, 'id' | 'name'>, edition: Edition | string, today: string): Promise<ConceptModel> {
  const t = translator('de');
  const e = typeof edition === 'string' ? await editionById(db, tenant.id, edition) : edition;
  const outline = await editionOutline(db, tenant.id, e.id);
  const rows = await listMeasures(db, tenant.id, e.id);
  const links = await linksOf(db, tenant.id, rows.map((m) => m.id), ['goalIds', 'partnerActorIds', 'crossCuttingIds']);
  const named = [...new Set(rows.flatMap((m) => [...(m.leadActorId ? [m.leadActorId] : []), ...(links.get(m.id)?.partnerActorIds ?? [])]))];
  const actorRows = named.length
    ? await db
        .select({ id: actors.id, name: actors.name, kind: actors.kind, seat: tenants.name })
        .from(actors)
        .leftJoin(tenants, eq(tenants.id, actors.municipalityId))
        .where(and(eq(actors.tenantId, tenant.id), inArray(actors.id, named)))
    : [];
  // German order ("Ärzteverein" after "Arbeitskreis"), which the database's collation may not give.
  actorRows.sort((a, b) => a.name.localeCompare(b.name, 'de'));
  const actorName = new Map(actorRows.map((a) => [a.id, a.name]));
  const goalNumber = new Map(outline.goals.map((g) => [g.id, g.number]));
  const fieldTitle = new Map(outline.fields.map((f) => [f.id, f.title]));
  const counts = new Map(actorRows.map((a) => [a.id, { leads: 0, partners: 0 }]));

  const measuresOf = new Map<string, ConceptMeasure[]>();
  const byCrossCutting = new Map<string, { number: string; title: string; field: string }[]>();
  for (const m of rows) {
    const l = links.get(m.id);
    if (m.leadActorId) counts.get(m.leadActorId)!.leads++;
    for (const p of l?.partnerActorIds ?? []) counts.get(p)!.partners++;
    const [from, to] = [m.startDate, m.endDate].map((d) => (d ? formatDate('de', d) : null));
    // Words, not a dash between two dates: the narrow column wraps between them.
    const dates = from && to ? `, ${from} bis ${to}` : from ? `, ab ${from}` : to ? `, bis ${to}` : '';
    const list = measuresOf.get(m.fieldId) ?? [];
    list.push({
      number: m.number,
      title: m.title,
      description: shortened(m.description),
      goals: (l?.goalIds ?? []).map((id) => goalNumber.get(id)).filter((n): n is string => !!n).sort((a, b) => a.localeCompare(b, 'de', { numeric: true })),
      lead: m.leadActorName,
      partners: (l?.partnerActorIds ?? []).map((id) => actorName.get(id)).filter((n): n is string => !!n).sort((a, b) => a.localeCompare(b, 'de')),
      period: `${t(`horizon.${m.horizon}`)}${dates}`,
    });
    measuresOf.set(m.fieldId, list);
    for (const c of l?.crossCuttingIds ?? []) byCrossCutting.set(c, [...(byCrossCutting.get(c) ?? []), { number: m.number, title: m.title, field: fieldTitle.get(m.fieldId) ?? '' }]);
  }

  return {
    kommune: tenant.name,
    title: e.title,
    status: e.status,
    statusLabel: t(`edition_status.${e.status}`),
    adoptedOn: e.adoptedOn,
    introduction: e.introduction,
    generatedOn: today,
    guidelines: outline.guidelines.map((g) => ({ title: g.title, text: g.text })),
    fields: outline.fields
      .filter((f) => !f.isCrossCutting)
      .map((f) => ({
        title: f.title,
        description: f.description,
        goals: outline.goals.filter((g) => g.fieldId === f.id).map((g) => ({ kind: t(`goal_kind.${g.kind}`), number: g.number, title: g.title, description: g.description })),
        measures: measuresOf.get(f.id) ?? [],
      })),
    crossCutting: outline.fields.filter((f) => f.isCrossCutting).map((f) => ({ title: f.title, description: f.description, measures: byCrossCutting.get(f.id) ?? [] })),
    actors: actorRows.map((a): ConceptActor => ({ name: a.name, kind: t(`actor_kind.${a.kind}`), seat: a.seat ?? t('measure.whole_county'), ...counts.get(a.id)! })),
  };
}
