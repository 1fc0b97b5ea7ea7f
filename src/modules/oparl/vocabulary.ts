import type { BodyKind, ConsultationResult, ConsultationRole, PaperKind } from '../decisions/schema.js';

/*
 * OParl's values are German data, not interface text: the specification names them in German
 * (organizationType "Gremium", classification "Parlament", role "Vorberatung"), so they live
 * here with the data mapping instead of in a message catalog.
 */

export const oparlVersion = 'https://schema.oparl.org/1.1/';
export type OparlType = 'System' | 'Body' | 'Organization' | 'Person' | 'Membership' | 'Meeting' | 'AgendaItem' | 'Paper' | 'Consultation' | 'File' | 'LegislativeTerm' | 'Location';
export const typeUrl = (type: OparlType) => `${oparlVersion}${type}`;

/** Classification as OParl recommends it (the highest body of a Kommune is always "Parlament"). */
export const organizationClassification: Record<BodyKind, string> = {
  fachausschuss: 'Ausschuss',
  hauptausschuss: 'Hauptausschuss',
  vertretung: 'Parlament',
};

export const paperType: Record<PaperKind, string> = {
  beschlussvorlage: 'Beschlussvorlage',
  informationsvorlage: 'Informationsvorlage',
  mitteilungsvorlage: 'Mitteilungsvorlage',
};

export const consultationRole: Record<ConsultationRole, string> = {
  vorberatung: 'Vorberatung',
  entscheidung: 'Entscheidung',
  kenntnisnahme: 'Kenntnisnahme',
  anhoerung: 'Anhörung',
};

export const consultationResult: Record<ConsultationResult, string> = {
  beschlossen: 'beschlossen',
  geaendert_beschlossen: 'geändert beschlossen',
  abgelehnt: 'abgelehnt',
  vertagt: 'vertagt',
  zur_kenntnis_genommen: 'zur Kenntnis genommen',
  zurueckgezogen: 'zurückgezogen',
};
