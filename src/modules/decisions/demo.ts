/**
 * Musterland's council work, after the model of a real Beschlussvorlage (Landkreis Wesermarsch,
 * 2024/FD91/457): the adopted edition rests on a Vorlage that went through the Ausschuss für
 * Soziales, Gesundheit, Integration (28.11.2024), the Kreisausschuss (09.12.2024) and the
 * Kreistag (16.12.2024, einstimmig); the draft Fortschreibung has its Vorlage in preparation.
 * Written through the module's commands, so numbers, audit entries and links are the real ones.
 */
import type { Db } from '../../db/client.js';
import { systemUser } from '../../platform/auth/current-user.js';
import type { DemoSeedContext } from '../../platform/module.js';
import { createBody, listBodies } from './bodies.js';
import { addConsultation, consultationsOf, recordResult } from './consultations.js';
import { finalizePaper } from './finalize.js';
import { createPaper } from './papers.js';
import { updatePaperSettings } from './settings.js';

const header = {
  leadOffice: 'FD Büro des Landrates',
  officeCode: 'FD91',
  clerk: 'Frau Heldberg',
  fileReference: '31_30 Integrationskonzept',
  visibility: 'oeffentlich',
  financialEffects: 'nein',
  financialText: 'Die Maßnahmen werden mit den vorhandenen Stellen der Kreisverwaltung umgesetzt. Finanzielle Auswirkungen sind derzeit nicht bezifferbar, können aber im Rahmen der Umsetzung zukünftig entstehen.',
  climateImpact: 'keine',
  climateText: '',
  signature: 'gez. Heldberg',
};

const facts2024 = `Die Koordinierungsstelle Migration und Teilhabe stellt das Integrationskonzept vor. Es gliedert sich in {{themenfelder}} Themenfelder mit {{ziele}} Zielen und {{massnahmen}} Maßnahmen.

Im Landkreis Musterland leben {{einwohner}} Einwohnerinnen und Einwohner, davon besitzen {{auslaender}} Menschen eine ausländische Staatsangehörigkeit – ein Anteil von {{auslaender-anteil}}. Für den Landkreis stellen diese Menschen eine große Chance und Bereicherung dar.

Integration ist eine Aufgabe, die nur durch das Zusammenwirken verschiedener Akteurinnen und Akteure gelingen kann. Mit diesem Integrationskonzept beschließen Kreispolitik und Kreisverwaltung, Integration als kommunale Gesamtaufgabe zu betrachten.

Um Ziele und Maßnahmen fortlaufend an die Entwicklungen anzupassen, unterstützen Kreisverwaltung und Kreispolitik die Fortschreibung des Konzeptes sowie die Arbeit der Koordinierungsstelle Migration und Teilhabe.`;

/** Gremien, settings and the decision that adopted the 2024 edition. */
export async function seedDecisions(tx: Db, demo: DemoSeedContext): Promise<void> {
  const ctx = { db: tx, user: systemUser };
  const { tenantId } = demo;
  await updatePaperSettings(ctx, tenantId, {
    numberFormat: '{Jahr}/{Amt}/{lfd}',
    officeCode: 'FD91',
    leadOffice: 'FD Büro des Landrates',
    inhabitants: '89.870',
    inhabitantsAsOf: '2023-12-31',
    inhabitantsSource: 'Landesamt für Statistik, Bevölkerungsfortschreibung',
    foreignNationals: '10.055',
    foreignNationalsAsOf: '2023-12-31',
    foreignNationalsSource: 'Ausländerzentralregister',
    version: 0,
  });
  const committee = await createBody(ctx, tenantId, { name: 'Ausschuss für Soziales, Gesundheit, Integration', shortName: 'ASGI', kind: 'fachausschuss' });
  const board = await createBody(ctx, tenantId, { name: 'Kreisausschuss', shortName: 'KA', kind: 'hauptausschuss' });
  const council = await createBody(ctx, tenantId, { name: 'Kreistag', shortName: 'KT', kind: 'vertretung' });

  const paper = await createPaper(ctx, tenantId, {
    ...header,
    number: '2024/FD91/457',
    kind: 'beschlussvorlage',
    subject: 'Integrationskonzept 2024 der Koordinierungsstelle Migration und Teilhabe',
    paperDate: '2024-11-28',
    proposal: 'Das Integrationskonzept 2024 wird beschlossen.',
    facts: facts2024,
    editionId: demo.adoptedEditionId,
  });
  for (const [body, meetsOn, role] of [
    [committee.id, '2024-11-28', 'vorberatung'],
    [board.id, '2024-12-09', 'vorberatung'],
    [council.id, '2024-12-16', 'entscheidung'],
  ] as const) {
    await addConsultation(ctx, tenantId, paper.id, { bodyId: body, meetsOn, role });
  }
  await finalizePaper(ctx, tenantId, paper.id, { version: paper.version });
  const steps = await consultationsOf(tx, tenantId, paper.id);
  const results = [
    { result: 'beschlossen', votesYes: '11', votesNo: '0', votesAbstain: '1', decisionText: '' },
    { result: 'beschlossen', unanimous: 'on', decisionText: '' },
    {
      result: 'beschlossen',
      unanimous: 'on',
      decisionText: 'Das Integrationskonzept 2024 wird beschlossen. Die Koordinierungsstelle Migration und Teilhabe legt alle zwei Jahre eine Fortschreibung vor.',
    },
  ];
  for (const [i, step] of steps.entries()) {
    await recordResult(ctx, tenantId, step.consultation.id, { ...results[i], version: step.consultation.version });
  }
}

/** The Vorlage of the draft Fortschreibung, in preparation, with its Beratungsfolge planned. */
export async function seedDraftPaper(tx: Db, demo: DemoSeedContext): Promise<void> {
  if (!demo.draftEditionId) return;
  const ctx = { db: tx, user: systemUser };
  const { tenantId } = demo;
  const paper = await createPaper(ctx, tenantId, {
    ...header,
    number: '2026/FD91/512',
    kind: 'beschlussvorlage',
    subject: 'Integrationskonzept 2026 (Fortschreibung) der Koordinierungsstelle Migration und Teilhabe',
    paperDate: '2026-11-20',
    proposal: 'Die Fortschreibung 2026 des Integrationskonzepts wird beschlossen. Die Koordinierungsstelle legt alle zwei Jahre eine Fortschreibung vor.',
    facts: 'Die Fortschreibung führt das Integrationskonzept 2024 fort: {{themenfelder}} Themenfelder, {{ziele}} Ziele und {{massnahmen}} Maßnahmen.\n\nIm Landkreis leben {{einwohner}} Einwohnerinnen und Einwohner, davon {{auslaender}} mit ausländischer Staatsangehörigkeit ({{auslaender-anteil}}).',
    editionId: demo.draftEditionId,
  });
  const bodies = await listBodies(tx, tenantId);
  const byKind = (kind: string) => bodies.find((b) => b.kind === kind)!.id;
  for (const [kind, meetsOn, role] of [
    ['fachausschuss', '2027-02-25', 'vorberatung'],
    ['hauptausschuss', '2027-03-08', 'vorberatung'],
    ['vertretung', '2027-03-18', 'entscheidung'],
  ] as const) {
    await addConsultation(ctx, tenantId, paper.id, { bodyId: byKind(kind), meetsOn, role });
  }
}
