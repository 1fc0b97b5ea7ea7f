import type { ComplianceStatus } from './schema.js';

/**
 * What the settings form offers before a Kommune saved its own Pflichtseiten: texts of a
 * Landkreis, after the EU model statement (Durchführungsbeschluss (EU) 2018/1523) and BITV 2.0.
 * Placeholders in brackets are for the Kommune to fill in.
 */
export const defaultArbitrationUrl = 'https://www.schlichtungsstelle-bgg.de';

export const legalDefaults = (tenantName: string) => ({
  imprint: [
    `Herausgeber:\n${tenantName}\n[Straße Hausnummer]\n[Postleitzahl Ort]`,
    'Vertreten durch: [Landrätin / Landrat bzw. Bürgermeisterin / Bürgermeister, Name]',
    'Der Landkreis ist eine Körperschaft des öffentlichen Rechts.',
    'Telefon: [Telefonnummer]\nE-Mail: [E-Mail-Adresse]',
    'Umsatzsteuer-Identifikationsnummer gemäß § 27a Umsatzsteuergesetz: [falls vorhanden]',
    'Verantwortlich für den Inhalt: [Name, Anschrift der Koordinierungsstelle]',
  ].join('\n\n'),
  privacy: [
    `Verantwortlich für die Verarbeitung personenbezogener Daten auf diesen Seiten ist ${tenantName}. Die Kontaktdaten finden Sie im Impressum. Unsere Datenschutzbeauftragte oder unseren Datenschutzbeauftragten erreichen Sie unter [E-Mail-Adresse].`,
    'Beim Aufruf dieser Seiten verarbeitet der Server technisch notwendige Angaben (IP-Adresse, Zeitpunkt, aufgerufene Seite) zur Auslieferung und zum Schutz vor Missbrauch (Art. 6 Abs. 1 lit. e DSGVO). Es werden keine Cookies zur Analyse gesetzt, keine Inhalte von anderen Servern geladen und keine Daten an Dritte übermittelt.',
    'Wenn Sie das Rückmeldeformular zur Barrierefreiheit nutzen, speichern wir Ihre Nachricht und, falls angegeben, Name und E-Mail-Adresse, um Ihr Anliegen zu bearbeiten. Die Angaben werden gelöscht, sobald sie dafür nicht mehr benötigt werden.',
    'Sie haben das Recht auf Auskunft, Berichtigung, Löschung und Einschränkung der Verarbeitung sowie das Recht auf Beschwerde bei der zuständigen Datenschutzaufsichtsbehörde.',
  ].join('\n\n'),
  contactName: `Koordinierungsstelle Integration, ${tenantName}`,
  contactAddress: '',
  contactEmail: '',
  contactPhone: '',
  complianceStatus: 'partial' as ComplianceStatus,
  knownLimits: [
    'Dokumente zum Herunterladen (z. B. PDF-Dateien von Beschlüssen) sind nicht in allen Fällen barrierefrei.',
    'Inhalte, die die Kommune selbst eingibt, liegen überwiegend nur auf Deutsch vor.',
  ].join('\n\n'),
  statementDate: null as string | null,
  arbitrationUrl: defaultArbitrationUrl,
});
