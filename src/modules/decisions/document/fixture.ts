import type { ConsultationRow } from '../consultations.js';
import type { Paper } from '../papers.js';
import type { PaperDocumentInput } from './content.js';

const stamps = { createdAt: new Date('2024-11-20T09:00:00Z'), updatedAt: new Date('2024-11-20T09:00:00Z'), deletedAt: null, version: 1 };

/** The seed's Beschlussvorlage 2024/FD91/457 (Landkreis Wesermarsch), decided by the Kreistag, as document input. */
export function seedPaper(): PaperDocumentInput {
  const paper: Paper = {
    tenantId: 't',
    id: 'p',
    number: '2024/FD91/457',
    kind: 'beschlussvorlage',
    subject: 'Integrationskonzept 2024 der Koordinierungsstelle Migration und Teilhabe',
    paperDate: '2024-11-28',
    leadOffice: 'FD Büro des Landrates',
    officeCode: 'FD91',
    clerk: 'Frau Heldberg',
    fileReference: '31_30 Integrationskonzept',
    isPublic: true,
    proposal: 'Das Integrationskonzept 2024 wird beschlossen.',
    facts:
      'Die Koordinierungsstelle Migration und Teilhabe stellt das Integrationskonzept vor.\n\nIn der Wesermarsch leben knapp {{einwohner}} Einwohner*innen, davon besaßen Ende 2023 {{auslaender}} Menschen eine ausländische Staatsangehörigkeit – das entspricht einem Anteil von ca. {{auslaender-anteil}}.',
    hasFinancialEffects: false,
    financialText: 'Die Maßnahmen werden mit den vorhandenen Stellen der Kreisverwaltung umgesetzt. Finanzielle Auswirkungen sind derzeit nicht bezifferbar.',
    financialAmount: null,
    climateImpact: null,
    climateText: '',
    signature: 'gez. Heldberg',
    editionId: null,
    state: 'final',
    finalizedAt: stamps.createdAt,
    figures: {
      einwohner: { value: '89.863', source: 'Landesamt für Statistik Niedersachsen', asOf: '2023-12-31' },
      auslaender: { value: '10.055', source: 'Ausländerzentralregister', asOf: '2023-12-31' },
      'auslaender-anteil': { value: '11,2 %', source: 'Ausländerzentralregister; Landesamt für Statistik Niedersachsen', asOf: '2023-12-31' },
    },
    ...stamps,
  };
  const step = (position: number, body: string, meetsOn: string, role: 'vorberatung' | 'entscheidung', result: Partial<ConsultationRow['consultation']>): ConsultationRow => ({
    consultation: { tenantId: 't', id: `c${position}`, paperId: 'p', position, bodyId: `b${position}`, meetingId: `m${position}`, role, agendaNumber: '', result: null, unanimous: false, votesYes: null, votesNo: null, votesAbstain: null, decisionText: '', ...stamps, ...result },
    body: { tenantId: 't', id: `b${position}`, name: body, shortName: '', kind: 'fachausschuss', position, ...stamps },
    meeting: { tenantId: 't', id: `m${position}`, bodyId: `b${position}`, name: '', meetsOn, location: '', cancelled: false, ...stamps },
  });
  return {
    kommune: 'Landkreis Wesermarsch',
    paper,
    figures: paper.figures!,
    steps: [
      step(1, 'Ausschuss für Soziales, Gesundheit, Integration', '2024-11-28', 'vorberatung', { result: 'beschlossen', votesYes: 11, votesNo: 0, votesAbstain: 1 }),
      step(2, 'Kreisausschuss', '2024-12-09', 'vorberatung', { result: 'beschlossen', unanimous: true }),
      step(3, 'Kreistag', '2024-12-16', 'entscheidung', { result: 'beschlossen', unanimous: true }),
    ],
    attachments: ['Integrationskonzept 2024'],
  };
}
