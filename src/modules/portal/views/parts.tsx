import { dirOf, type Lang, type T } from '../../../platform/i18n/i18n.js';
import { StatusBadge } from '../../measures/index.js';
import type { PublicMeasureRow } from '../present.js';
import { germanContent, type PortalLinks } from '../../../platform/ui/public-page.js';
import { TableRegion } from '../../../platform/ui/table-region.js';
import { ContentMark } from '../../../platform/ui/content-mark.js';
import type { PageTranslations } from '../../../platform/translations/page.js';

/** Measures as a table: Nr. (row header), Titel (link), [Themenfeld], Federführung, Zeithorizont, Status. */
export function MeasureTable(p: { t: T; tr: PageTranslations; lang: Lang; links: PortalLinks; rows: PublicMeasureRow[]; caption: string; labelId: string; showField?: boolean; id?: string }) {
  const { t } = p;
  const de = germanContent(p.lang);
  return (
    <TableRegion id={p.id} labelId={p.labelId}>
      <table class="kern-table kern-table--small portal-measures">
        <caption class="kern-title" id={p.labelId}>{p.caption}</caption>
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
          {p.rows.map((m) => {
            const title = p.tr.pick('measure', m.id, 'title', m.title);
            const field = p.tr.pick('field', m.fieldId, 'title', m.fieldTitle);
            return (
            <tr class="kern-table__row">
              <th class="kern-table__header portal-nr" scope="row">{m.number}</th>
              <td class="kern-table__cell" {...title.attrs}>
                <a class="kern-link" href={p.links.measure(m.number)}>{title.text}</a>
                <ContentMark t={t} shown={title} />
              </td>
              {p.showField ? <td class="kern-table__cell" {...field.attrs}>{field.text}<ContentMark t={t} shown={field} /></td> : null}
              <td class="kern-table__cell" {...de}>{m.leadName ?? <span lang={p.lang} dir={dirOf(p.lang)}>{t('portal.none')}</span>}</td>
              <td class="kern-table__cell">{t(`portal.horizon.${m.horizon}`)}</td>
              <td class="kern-table__cell"><StatusBadge t={t} status={m.status} /></td>
            </tr>
            );
          })}
        </tbody>
      </table>
    </TableRegion>
  );
}
