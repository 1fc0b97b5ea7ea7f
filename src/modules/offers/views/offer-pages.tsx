import type { Child } from 'hono/jsx';
import { formatDate, formatDateTime, type T } from '../../../platform/i18n/i18n.js';
import { Alert, DataTable } from '../../../platform/ui/components.js';
import { ConfirmLink } from '../../../platform/ui/confirm.js';
import { Button, ButtonLink, Csrf, SelectField, TextField, emptyForm } from '../../../platform/ui/form.js';
import { spokenLanguageName } from '../../../platform/i18n/spoken-languages.js';
import type { Occurrence } from '../schedule.js';
import { offerCategories, offerStatuses } from '../schema.js';
import { needsVerification, type OfferChoices, type OfferListItem, type OfferWithLinks } from '../service.js';
import { scheduleSummary } from './schedule-text.js';

export interface ListQuery {
  q: string;
  category: string;
  municipalityId: string;
  status: string;
  unverified: string;
}

/** The internal list with its GET filter form. */
export function OfferList(p: { t: T; base: string; items: OfferListItem[]; total: number; query: ListQuery; municipalities: { id: string; name: string }[]; manage: boolean; today: string }) {
  const { t } = p;
  const form = emptyForm({ ...p.query });
  return (
    <>
      <h1 class="kern-heading-large">{t('offers.title')}</h1>
      <p>{t('offers.intro', { count: p.total })}</p>
      {p.manage ? (
        <p>
          <ButtonLink href={`${p.base}/angebote/neu`}>{t('offers.new')}</ButtonLink>
        </p>
      ) : null}
      {p.manage ? (
        <p class="kern-body">
          <a href={`${p.base}/angebote/import`}>{t('offers.import.link')}</a> · {t('offers.export.label')} <a href={`${p.base}/angebote/export.xlsx`}>{t('spreadsheet.export.xlsx')}</a>,{' '}
          <a href={`${p.base}/angebote/export.csv`}>{t('spreadsheet.export.csv')}</a>
        </p>
      ) : null}
      <form method="get" action={`${p.base}/angebote`} class="filter-form stack" aria-labelledby="offer-filter">
        <h2 id="offer-filter" class="kern-heading-small">{t('offers.filter_heading')}</h2>
        <TextField t={t} form={form} name="q" label={t('offers.query')} type="search" />
        <SelectField t={t} form={form} name="category" label={t('offers.field.category')} emptyLabel={t('offers.filter_all')} options={offerCategories.map((c) => ({ value: c, label: t(`offers.category.${c}`) }))} />
        <SelectField t={t} form={form} name="municipalityId" label={t('offers.field.municipalityId')} emptyLabel={t('offers.filter_all')} options={p.municipalities.map((m) => ({ value: m.id, label: m.name }))} />
        <SelectField t={t} form={form} name="status" label={t('offers.field.status')} emptyLabel={t('offers.filter_all')} options={offerStatuses.map((s) => ({ value: s, label: t(`offers.status.${s}`) }))} />
        <SelectField t={t} form={form} name="unverified" label={t('offers.column.verified')} emptyLabel={t('offers.filter_all')} options={[{ value: '1', label: t('offers.filter_unverified') }]} />
        <div class="actions">
          <Button variant="secondary">{t('offers.filter')}</Button>
          <a href={`${p.base}/angebote`}>{t('offers.filter_reset')}</a>
        </div>
      </form>
      {p.items.length === 0 ? (
        <p>{t('offers.none_found')}</p>
      ) : (
        <DataTable caption={t('offers.title')} headers={[t('offers.column.title'), t('offers.column.providers'), t('offers.column.category'), t('offers.column.municipality'), t('offers.column.status'), t('offers.column.verified'), t('offers.column.published')]}>
          {p.items.map((o) => (
            <tr>
              <td>
                <a href={`${p.base}/angebote/${o.id}`}>{o.title}</a>
              </td>
              <td>{o.providerNames.join(', ')}</td>
              <td>{t(`offers.category.${o.category}`)}</td>
              <td>{o.municipalityName ?? t('offers.county_wide')}</td>
              <td>{t(`offers.status.${o.status}`)}</td>
              <td>
                {o.verifiedOn ? formatDate('de', o.verifiedOn) : t('offers.never_verified')}
                {needsVerification(o, p.today) ? <strong class="badge badge--warning"> {t('offers.needs_verification')}</strong> : null}
              </td>
              <td>{t(o.published ? 'offers.published_yes' : 'offers.published_no')}</td>
            </tr>
          ))}
        </DataTable>
      )}
    </>
  );
}

function Row(p: { label: string; children: Child }) {
  return (
    <div class="kern-description-list-item">
      <dt class="kern-description-list-item__key">{p.label}</dt>
      <dd class="kern-description-list-item__value">{p.children}</dd>
    </div>
  );
}

export interface HistoryRow {
  at: Date;
  userName: string | null;
  action: string;
}

/** The detail page of one offer (internal: everything, including the internal note). */
export function OfferDetail(p: {
  t: T;
  base: string;
  publicHref: string;
  offer: OfferWithLinks;
  choices: OfferChoices;
  next: Occurrence[];
  manage: boolean;
  csrfToken: string;
  today: string;
  history: HistoryRow[];
  /** The offer this one was merged into, and the offers merged into this one. */
  mergedInto?: { id: string; title: string } | undefined;
  mergedFrom?: { id: string; title: string }[];
}) {
  const { t, offer: o } = p;
  const names = (ids: string[], list: { id: string; name?: string; title?: string; number?: string }[]) =>
    ids.map((id) => list.find((x) => x.id === id)).filter((x) => x !== undefined).map((x) => (x.number ? `${x.number} ${x.title}` : x.name ?? x.title ?? '')).join(', ') || t('offers.detail.none');
  const yesNo = (b: boolean) => t(b ? 'offers.published_yes' : 'offers.published_no');
  const municipality = p.choices.municipalities.find((m) => m.id === o.municipalityId)?.name ?? t('offers.county_wide');
  const address = [o.street, [o.postalCode, o.city].filter(Boolean).join(' ')].filter(Boolean).join(', ');
  return (
    <>
      <h1 class="kern-heading-large">{o.title}</h1>
      {p.mergedInto ? (
        <Alert variant="info" title={t('offers.merged_into')}>
          <a href={`${p.base}/angebote/${p.mergedInto.id}`}>{p.mergedInto.title}</a>
        </Alert>
      ) : null}
      {p.mergedFrom?.length ? (
        <p>
          {t('offers.merged_from')} {p.mergedFrom.map((m, i) => [i ? ', ' : '', <a href={`${p.base}/angebote/${m.id}`}>{m.title}</a>])}
        </p>
      ) : null}
      {!p.mergedInto && needsVerification(o, p.today) ? <Alert variant="warning" title={t('offers.attention.title')} /> : null}
      {o.published ? (
        <p>
          <a href={p.publicHref}>{t('offers.detail.public_link')}</a>
        </p>
      ) : (
        <p>{t('offers.detail.not_published')}</p>
      )}
      {p.manage && !p.mergedInto ? (
        <div class="actions">
          <ButtonLink href={`${p.base}/angebote/${o.id}/bearbeiten`}>{t('offers.edit')}</ButtonLink>
          <form method="post" action={`${p.base}/angebote/${o.id}/geprueft`}>
            <Csrf token={p.csrfToken} />
            <input type="hidden" name="version" value={String(o.version)} />
            <Button variant="secondary">{t('offers.verify')}</Button>
          </form>
          <ConfirmLink href={`${p.base}/angebote/${o.id}/loeschen`} label={t('offers.delete')} />
        </div>
      ) : null}
      {o.description ? <p class="preserve-lines">{o.description}</p> : null}
      <dl class="kern-description-list">
        <Row label={t('offers.field.category')}>{t(`offers.category.${o.category}`)}</Row>
        <Row label={t('offers.field.providerIds')}>{names(o.providerIds, p.choices.actors)}</Row>
        <Row label={t('offers.field.municipalityId')}>{municipality}</Row>
        <Row label={t('offers.detail.address')}>{address || t('offers.detail.none')}</Row>
        <Row label={t('offers.detail.schedule')}>
          {scheduleSummary(t, 'de', o.schedule)}
          {o.temporarilyClosed ? <strong> · {o.reopensOn ? t('offers.detail.closed_until', { date: formatDate('de', o.reopensOn) }) : t('offers.detail.closed')}</strong> : null}
        </Row>
        <Row label={t('offers.field.languages')}>{o.languages.map(spokenLanguageName).join(', ') || t('offers.detail.none')}</Row>
        <Row label={t('offers.field.targetGroupIds')}>{names(o.targetGroupIds, p.choices.targetGroups)}</Row>
        <Row label={t('offers.field.femaleContact')}>{yesNo(o.femaleContact)}</Row>
        <Row label={t('offers.field.maleContact')}>{yesNo(o.maleContact)}</Row>
        <Row label={t('offers.field.childcare')}>{yesNo(o.childcare)}</Row>
        <Row label={t('offers.field.barrierFree')}>{t(`offers.barrier_free.${o.barrierFree}`)}</Row>
        <Row label={t('offers.field.free')}>{yesNo(o.free)}{o.costNote ? ` · ${o.costNote}` : ''}</Row>
        <Row label={t('offers.field.registrationRequired')}>{yesNo(o.registrationRequired)}</Row>
        <Row label={t('offers.field.website')}>{o.website ? <a href={o.website}>{o.website}</a> : t('offers.detail.none')}</Row>
        <Row label={t('offers.field.fieldIds')}>{names(o.fieldIds, p.choices.fields)}</Row>
        <Row label={t('offers.field.measureIds')}>{names(o.measureIds, p.choices.measures)}</Row>
        <Row label={t('offers.field.status')}>{t(`offers.status.${o.status}`)}</Row>
        <Row label={t('offers.field.verifiedOn')}>{o.verifiedOn ? formatDate('de', o.verifiedOn) : t('offers.never_verified')}</Row>
        <Row label={t('offers.column.published')}>{yesNo(o.published)}</Row>
        <Row label={t('offers.field.internalNote')}>{o.internalNote || t('offers.detail.none')}</Row>
      </dl>
      <h2 class="kern-heading-medium">{t('offers.detail.next')}</h2>
      {p.next.length ? (
        <ul>
          {p.next.map((n) => (
            <li>
              {formatDate('de', n.date)}, {n.startTime}–{n.endTime}
            </li>
          ))}
        </ul>
      ) : (
        <p>{t('offers.detail.no_next')}</p>
      )}
      <h2 class="kern-heading-medium">{t('offers.detail.history')}</h2>
      <DataTable caption={t('offers.detail.history')} headers={[t('audit.when'), t('audit.who'), t('audit.what')]}>
        {p.history.map((h) => (
          <tr>
            <td>{formatDateTime('de', h.at)}</td>
            <td>{h.userName ?? '–'}</td>
            <td>{t(`audit.action.${h.action}`)}</td>
          </tr>
        ))}
      </DataTable>
    </>
  );
}
