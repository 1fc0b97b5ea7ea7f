import type { Lang, T } from '../../../platform/i18n/i18n.js';
import type { MeasureStatus } from '../../measures/schema.js';
import type { PublicMeasureRow } from '../present.js';
import { contentLang, type PortalLinks } from './page.js';

const statusVariant: Record<MeasureStatus, string> = {
  geplant: 'info',
  in_umsetzung: 'info',
  umgesetzt: 'success',
  verstetigt: 'success',
  zurueckgestellt: 'warning',
  entfallen: 'danger',
};

/** The status as a KERN badge; the text carries the meaning, the colour only repeats it. */
export function StatusBadge(p: { t: T; status: MeasureStatus }) {
  return (
    <span class={`kern-badge kern-badge--small kern-badge--${statusVariant[p.status]}`}>
      <span class="kern-label">{p.t(`portal.status.${p.status}`)}</span>
    </span>
  );
}

/** Measures as a table: Nr. (row header), Titel (link), [Themenfeld], Federführung, Zeithorizont, Status. */
export function MeasureTable(p: { t: T; lang: Lang; links: PortalLinks; rows: PublicMeasureRow[]; caption: string; showField?: boolean; id?: string }) {
  const { t } = p;
  const de = contentLang(p.lang);
  return (
    <div class="kern-table-responsive" id={p.id}>
      <table class="kern-table kern-table--small portal-measures">
        <caption class="kern-title">{p.caption}</caption>
        <thead class="kern-table__head">
          <tr class="kern-table__row">
            <th class="kern-table__header" scope="col">{t('portal.measure.number')}</th>
            <th class="kern-table__header" scope="col">{t('portal.measure.title')}</th>
            {p.showField ? <th class="kern-table__header" scope="col">{t('portal.measure.field')}</th> : null}
            <th class="kern-table__header" scope="col">{t('portal.measure.lead')}</th>
            <th class="kern-table__header" scope="col">{t('portal.measure.horizon')}</th>
            <th class="kern-table__header" scope="col">{t('portal.measure.status')}</th>
          </tr>
        </thead>
        <tbody class="kern-table__body">
          {p.rows.map((m) => (
            <tr class="kern-table__row">
              <th class="kern-table__header portal-nr" scope="row">{m.number}</th>
              <td class="kern-table__cell" lang={de}>
                <a class="kern-link" href={p.links.measure(m.number)}>{m.title}</a>
              </td>
              {p.showField ? <td class="kern-table__cell" lang={de}>{m.fieldTitle}</td> : null}
              <td class="kern-table__cell" lang={de}>{m.leadName ?? <span lang={p.lang}>{t('portal.none')}</span>}</td>
              <td class="kern-table__cell">{t(`portal.horizon.${m.horizon}`)}</td>
              <td class="kern-table__cell"><StatusBadge t={t} status={m.status} /></td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** "Noch kein Integrationskonzept veröffentlicht" — a normal page (200), not an error. */
export function NoConcept(p: { t: T; heading: 'h1' | 'h2' }) {
  const title = p.t('portal.no_concept.title');
  return (
    <div class="portal-no-concept">
      {p.heading === 'h1' ? <h1 class="kern-heading-x-large">{title}</h1> : <h2 class="kern-heading-large">{title}</h2>}
      <p class="kern-body">{p.t('portal.no_concept.text')}</p>
    </div>
  );
}

/** Paragraphs of user-written text: blank lines separate paragraphs. */
export function Paragraphs(p: { text: string; lang?: string | undefined }) {
  const parts = p.text.split(/\n\s*\n/).map((s) => s.trim()).filter(Boolean);
  return (
    <>
      {parts.map((s) => (
        <p class="kern-body portal-text" lang={p.lang}>{s}</p>
      ))}
    </>
  );
}
