import type { ConceptModel } from './model.js';

const fieldTitles = ['Teilhabe durch Sprache', 'Teilhabe durch Bildung', 'Teilhabe durch Arbeit und Beruf', 'Gesundheit und Pflege', 'Gesellschaftliche Teilhabe', 'Ehrenamt und Engagement'];
const partners = ['Jobcenter Musterland', 'Caritasverband Musterland e. V.', 'Migrantenorganisation Brücke e. V.', 'Integrationslotsen Nord'];

/** A synthetic concept edition with `count` measures over six Themenfelder, for render tests and the bench (no database needed). */
export function syntheticConcept(count: number, status: ConceptModel['status'] = 'beschlossen'): ConceptModel {
  const fields = fieldTitles.map((title, f) => ({
    title,
    description: `Im Themenfeld ${title} bündelt der Landkreis Angebote von Verwaltung, Trägern und Ehrenamt. Die Ziele beschreiben, was bis 2028 erreicht sein soll.`,
    goals: [1, 2, 3].map((g) => ({ kind: g === 1 ? 'Leitziel' : 'Handlungsziel', number: `${f + 1}.${g}`, title: `Mehr Menschen erreichen passende Angebote ${f + 1}.${g}`, description: g === 1 ? 'Zugewanderte finden früh und ohne Umwege das passende Angebot in ihrer Nähe.' : '' })),
    measures: [] as ConceptModel['fields'][number]['measures'],
  }));
  for (let i = 0; i < count; i++) {
    const f = i % 6;
    fields[f]!.measures.push({
      number: `${f + 1}.${Math.floor(i / 6) + 1}`,
      title: `Sprachkurs mit Kinderbetreuung ${i + 1}`,
      description: i % 4 === 0 ? '' : `Kurse am Vormittag mit Betreuung der Kinder im selben Haus; Anmeldung über die Beratungsstellen. Ziel sind ${10 + (i % 9)} Teilnehmende je Kurs.`,
      goals: [`${f + 1}.${(i % 3) + 1}`],
      lead: 'Kreisvolkshochschule Musterland',
      partners: partners.slice(0, i % 4),
      period: i % 2 ? 'kurzfristig, 01.03.2025 bis 31.12.2026' : 'mittelfristig',
    });
  }
  return {
    kommune: 'Landkreis Musterland',
    title: status === 'beschlossen' ? 'Integrationskonzept 2024' : 'Integrationskonzept 2026 (Fortschreibung)',
    status,
    statusLabel: status === 'beschlossen' ? 'beschlossen' : 'Entwurf',
    adoptedOn: status === 'beschlossen' ? '2024-12-16' : null,
    introduction: 'Das Integrationskonzept des Landkreises Musterland wurde in einem breiten Beteiligungsprozess erarbeitet.',
    generatedOn: '2026-11-30',
    guidelines: [
      { title: 'Integration ist eine Aufgabe aller', text: 'Verwaltung, Zivilgesellschaft und Zugewanderte gestalten das Zusammenleben gemeinsam.' },
      { title: 'Vielfalt als Stärke', text: 'Mehrsprachigkeit und unterschiedliche Erfahrungen sind ein Gewinn für den Landkreis.' },
    ],
    fields,
    crossCutting: [
      { title: 'Interkulturelle Öffnung der Verwaltung', description: 'Alle Fachdienste prüfen ihre Angebote auf Zugänglichkeit.', measures: fields.flatMap((f) => f.measures.slice(0, 2).map((m) => ({ number: m.number, title: m.title, field: f.title }))) },
      { title: 'Antidiskriminierung', description: '', measures: [] },
    ],
    actors: [
      { name: 'Kreisvolkshochschule Musterland', kind: 'Bildungsträger', seat: 'ganzes Kreisgebiet', leads: count, partners: 0 },
      ...partners.map((name, i) => ({ name, kind: i === 0 ? 'Jobcenter/Arbeitsagentur' : i === 2 ? 'Migrantenorganisation' : 'Wohlfahrtsverband', seat: i === 3 ? 'Gemeinde Nordheide' : 'ganzes Kreisgebiet', leads: 0, partners: Math.floor((count * (3 - i)) / 4) })),
    ],
  };
}
