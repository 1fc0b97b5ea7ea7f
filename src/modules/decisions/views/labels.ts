import type { T } from '../../../platform/i18n/i18n.js';
import type { Option } from '../../../platform/ui/form.js';
import { bodyKinds, climateImpacts, consultationResults, consultationRoles, paperKinds } from '../schema.js';

export const kindOptions = (t: T): Option[] => paperKinds.map((k) => ({ value: k, label: t(`decisions.kind.${k}`) }));
export const climateOptions = (t: T): Option[] => climateImpacts.map((k) => ({ value: k, label: t(`decisions.climate.${k}`) }));
export const roleOptions = (t: T): Option[] => consultationRoles.map((k) => ({ value: k, label: t(`decisions.role.${k}`) }));
export const resultOptions = (t: T): Option[] => consultationResults.map((k) => ({ value: k, label: t(`decisions.result.${k}`) }));
export const bodyKindOptions = (t: T): Option[] => bodyKinds.map((k) => ({ value: k, label: t(`decisions.body_kind.${k}`) }));

/** "einstimmig" or "12 Ja, 3 Nein, 1 Enthaltung"; empty without votes. */
export function votesText(t: T, c: { unanimous: boolean; votesYes: number | null; votesNo: number | null; votesAbstain: number | null }): string {
  if (c.unanimous) return t('decisions.votes.unanimous');
  const parts = [
    c.votesYes != null ? t('decisions.votes.yes', { count: c.votesYes }) : '',
    c.votesNo != null ? t('decisions.votes.no', { count: c.votesNo }) : '',
    c.votesAbstain != null ? t('decisions.votes.abstain', { count: c.votesAbstain }) : '',
  ].filter(Boolean);
  return parts.join(', ');
}
