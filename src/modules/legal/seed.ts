import type { DemoSeedStep } from '../../platform/module.js';
import { legalDefaults } from './defaults.js';
import { legalPages } from './schema.js';

/** The demo Kommune's Pflichtseiten: a fictional Landkreis with clearly fictional addresses. */
export const seedLegalPages: DemoSeedStep = async (tx, demo) => {
  const defaults = legalDefaults('Landkreis Musterland');
  await tx.insert(legalPages).values({
    tenantId: demo.tenantId,
    imprint: [
      'Herausgeber:\nLandkreis Musterland (fiktiv – Demonstrationsdaten)\nMusterstraße 1\n99999 Musterstadt',
      'Vertreten durch die Landrätin Erika Mustermann.',
      'Der Landkreis Musterland ist eine Körperschaft des öffentlichen Rechts. Es gibt ihn nicht: Diese Seiten zeigen, wie ikon für einen Landkreis aussieht.',
      'Telefon: 01234 567-0\nE-Mail: poststelle@musterland.example',
      'Verantwortlich für den Inhalt: Koordinierungsstelle Integration, Musterstraße 1, 99999 Musterstadt',
    ].join('\n\n'),
    privacy: defaults.privacy
      .replace('Landkreis Musterland', 'Landkreis Musterland (fiktiv)')
      .replace('[E-Mail-Adresse]', 'datenschutz@musterland.example'),
    contactName: 'Koordinierungsstelle Integration, Landkreis Musterland',
    contactAddress: 'Kreishaus, Zimmer 204\nMusterstraße 1\n99999 Musterstadt',
    contactEmail: 'integration@musterland.example',
    contactPhone: '01234 567-204',
    complianceStatus: 'partial',
    knownLimits: defaults.knownLimits,
    statementDate: '2026-03-01',
    arbitrationUrl: defaults.arbitrationUrl,
    updatedByName: 'Demo',
  });
};
