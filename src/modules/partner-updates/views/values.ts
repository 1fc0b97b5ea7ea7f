import { formatDate, type T } from '../../../platform/i18n/i18n.js';
import { spokenLanguageName } from '../../../platform/i18n/spoken-languages.js';
import { offerFieldLabels, scheduleSummary, type OfferChoices } from '../../offers/index.js';
import type { Schedule } from '../../offers/schema.js';
import type { SubmissionKind } from '../schema.js';

/** Names of what ids stand for (Gemeinden, target groups), for the review. */
export type Names = Pick<OfferChoices, 'municipalities' | 'targetGroups'>;

const isOffer = (kind: SubmissionKind) => kind === 'offer_update' || kind === 'offer_new';

/** The label of a reported field, as the form showed it. */
export function fieldLabel(t: T, kind: SubmissionKind, field: string): string {
  if (isOffer(kind)) return field === 'schedule' ? t('offers.section.schedule') : offerFieldLabels(t)[field] ?? field;
  if (kind === 'actor_update') return t(`actors.${field}`);
  const contactKeys: Record<string, string> = { consentScope: 'contacts.consent_scope', consentDate: 'contacts.consent_date', consentSource: 'contacts.consent_source' };
  return t(contactKeys[field] ?? `contacts.${field}`);
}

/** A reported value as people read it: labels instead of codes, names instead of ids, "ja"/"nein". */
export function displayValue(t: T, kind: SubmissionKind, field: string, value: unknown, names: Names): string {
  if (value === null || value === undefined || value === '' || (Array.isArray(value) && value.length === 0)) return t('partner_review.empty');
  if (typeof value === 'boolean') return t(value ? 'partner_review.yes' : 'partner_review.no');
  if (field === 'schedule') return scheduleSummary(t, 'de', value as Schedule);
  if (field === 'languages' && Array.isArray(value)) return value.map((c) => spokenLanguageName(String(c))).join(', ');
  if (field === 'targetGroupIds' && Array.isArray(value)) return value.map((id) => names.targetGroups.find((g) => g.id === id)?.name ?? t('partner_review.unknown')).join(', ');
  if (field === 'municipalityId') return names.municipalities.find((m) => m.id === value)?.name ?? t('partner_review.unknown');
  if (isOffer(kind) && field === 'category') return t(`offers.category.${String(value)}`);
  if (isOffer(kind) && field === 'status') return t(`offers.status.${String(value)}`);
  if (isOffer(kind) && field === 'barrierFree') return t(`offers.barrier_free.${String(value)}`);
  if (field === 'consentScope') return t(`consent_scope.${String(value)}`);
  if (field === 'gender') return t(`contact_gender.${String(value)}`);
  if ((field === 'reopensOn' || field === 'consentDate') && typeof value === 'string') return formatDate('de', value);
  return Array.isArray(value) ? value.map(String).join(', ') : String(value);
}
