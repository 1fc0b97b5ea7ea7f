import { formatDate, formatNumber, type Lang, type T } from '../../../platform/i18n/i18n.js';
import { horizons, measureStatuses } from '../../measures/schema.js';
import type { ConceptData, PortalFilterQuery } from '../data.js';
import type { PublicTenant } from '../../../platform/tenancy/service.js';
import type { PublicMeasureRow } from '../present.js';
import type { PublicField, PublicGoal } from '../../concepts/index.js';
import { germanContent, crossCuttingAnchor, fieldAnchor, goalAnchor, PortalLinks, PortalPage, NoConcept } from '../../../platform/ui/public-page.js';
import { ContentMark, ContentParagraphs } from '../../../platform/ui/content-mark.js';
import type { PageTranslations } from '../../../platform/translations/page.js';
import { MeasureTable } from './parts.js';
import { AdoptedByNote } from '../../decisions/index.js';

interface Props {
  t: T;
  lang: Lang;
  url: string;
  tenant: PublicTenant;
  data: ConceptData | null;
  /** The page's content in its language where translated (German pages: none). */
  tr: PageTranslations;
}

export function ConceptPage(p: Props) {
  const { t, lang, tenant, data } = p;
  if (!data) {
    return (
      <PortalPage t={t} lang={lang} url={p.url} tenant={tenant} title={t('portal.nav.concept')} section="concept">
        <NoConcept t={t} heading="h1" />
      </PortalPage>
    );
  }
  const links = new PortalLinks(tenant.slug, lang);
  const tr = p.tr;
  const editionTitle = tr.pick('edition', data.edition.id, 'title', data.edition.title);
  const themeFields = data.fields.filter((f) => !f.isCrossCutting);
  const crossCutting = data.fields.filter((f) => f.isCrossCutting);
  return (
    <PortalPage t={t} lang={lang} url={p.url} tenant={tenant} title={editionTitle.text} section="concept" translated={tr.hasTranslations}>
      <div class="kern-hgroup portal-hgroup">
        <h1 class="kern-heading-x-large" {...editionTitle.attrs}>{editionTitle.text}<ContentMark t={t} shown={editionTitle} /></h1>
        {data.edition.adoptedOn ? <p class="kern-subline">{t('portal.concept.adopted_on', { date: formatDate(lang, data.edition.adoptedOn) })}</p> : null}
      </div>
      {data.adoption ? <AdoptedByNote t={t} lang={lang} slug={tenant.slug} d={data.adoption} /> : null}
      <p class="portal-download">
        {/* The document is German (its content is): hreflang says so before the visitor opens it. */}
        <a class="kern-link" href={links.conceptPdf()} type="application/pdf" hreflang="de" download>
          {t('portal.concept.download_pdf')}
        </a>
      </p>

      {data.filterActive ? null : (
        <nav class="portal-toc" aria-label={t('portal.concept.toc')}>
          <p class="kern-title portal-toc__title">{t('portal.concept.toc')}</p>
          <ul class="kern-list">
            {data.edition.introduction ? <li><a class="kern-link" href="#einleitung">{t('portal.concept.introduction')}</a></li> : null}
            {data.guidelines.length ? <li><a class="kern-link" href="#leitlinien">{t('portal.concept.guidelines')}</a></li> : null}
            <li><a class="kern-link" href="#filter">{t('portal.filter.heading')}</a></li>
            <li>
              <a class="kern-link" href="#themenfelder">{t('portal.concept.fields')}</a>
              <ol class="portal-toc__fields">
                {themeFields.map((f) => {
                  const title = tr.pick('field', f.id, 'title', f.title);
                  return <li><a class="kern-link" href={`#${fieldAnchor(f.index)}`} {...title.attrs}>{title.text}<ContentMark t={t} shown={title} /></a></li>;
                })}
              </ol>
            </li>
            {crossCutting.length ? <li><a class="kern-link" href="#querschnittsthemen">{t('portal.concept.cross_cutting')}</a></li> : null}
          </ul>
        </nav>
      )}

      {!data.filterActive && data.edition.introduction ? (
        <section class="portal-section" aria-labelledby="einleitung">
          <h2 class="kern-heading-large" id="einleitung">{t('portal.concept.introduction')}</h2>
          <ContentParagraphs t={t} shown={tr.pick('edition', data.edition.id, 'introduction', data.edition.introduction)} />
        </section>
      ) : null}

      {!data.filterActive && data.guidelines.length ? (
        <section class="portal-section" aria-labelledby="leitlinien">
          <h2 class="kern-heading-large" id="leitlinien">{t('portal.concept.guidelines')}</h2>
          <ol class="portal-guidelines">
            {data.guidelines.map((g) => {
              const title = tr.pick('guideline', g.id, 'title', g.title);
              return (
                <li>
                  <strong class="portal-guidelines__title" {...title.attrs}>{title.text}<ContentMark t={t} shown={title} /></strong>
                  {g.text ? <ContentParagraphs t={t} shown={tr.pick('guideline', g.id, 'text', g.text)} /> : null}
                </li>
              );
            })}
          </ol>
        </section>
      ) : null}

      <FilterSection t={t} tr={tr} lang={lang} links={links} data={data} />

      {data.filterActive ? (
        <section class="portal-section" aria-labelledby="ergebnis-heading" id="ergebnis">
          <h2 class="kern-heading-large" id="ergebnis-heading">{t('portal.filter.results')}</h2>
          {data.filtered.length ? (
            <MeasureTable
              t={t}
              tr={tr}
              lang={lang}
              links={links}
              rows={data.filtered}
              showField
              labelId="ergebnis-tabelle"
              caption={t('portal.filter.results_caption', { n: formatNumber(lang, data.filtered.length), m: formatNumber(lang, data.measures.length) })}
            />
          ) : (
            <p class="kern-body">{t('portal.filter.no_results')}</p>
          )}
        </section>
      ) : (
        <>
          <section class="portal-section portal-concept-fields" aria-labelledby="themenfelder">
            <h2 class="kern-heading-large" id="themenfelder">{t('portal.concept.fields')}</h2>
            {themeFields.map((f) => (
              <FieldSection t={t} tr={tr} lang={lang} links={links} field={f} goals={data.goals.filter((g) => g.fieldId === f.id)} measures={data.measures.filter((m) => m.fieldId === f.id)} byGoal={data.measuresByGoal} />
            ))}
          </section>
          {crossCutting.length ? (
            <section class="portal-section" aria-labelledby="querschnittsthemen">
              <h2 class="kern-heading-large" id="querschnittsthemen">{t('portal.concept.cross_cutting')}</h2>
              <p class="kern-body">{t('portal.concept.cross_cutting_intro')}</p>
              {crossCutting.map((f) => (
                <CrossCuttingSection t={t} tr={tr} lang={lang} links={links} field={f} measures={data.measuresByCrossCutting.get(f.id) ?? []} />
              ))}
            </section>
          ) : null}
        </>
      )}
    </PortalPage>
  );
}

function FilterSelect(p: { name: keyof PortalFilterQuery; label: string; all: string; value: string | undefined; options: { value: string; label: string; content?: boolean; attrs?: { lang?: string; dir?: string } }[]; lang: Lang }) {
  const id = `filter-${p.name}`;
  const de = germanContent(p.lang);
  return (
    <div class="kern-form-input">
      <label class="kern-label" for={id}>{p.label}</label>
      <div class="kern-form-input__select-wrapper">
        <select class="kern-form-input__select" id={id} name={p.name}>
          <option value="">{p.all}</option>
          {p.options.map((o) => (
            <option value={o.value} selected={o.value === p.value} {...(o.attrs ?? (o.content ? de : {}))}>{o.label}</option>
          ))}
        </select>
      </div>
    </div>
  );
}

function FilterSection(p: { t: T; tr: PageTranslations; lang: Lang; links: PortalLinks; data: ConceptData }) {
  const { t, lang, data } = p;
  const fieldOptions = data.options.fields.map((o) => {
    const f = data.fields.find((x) => !x.isCrossCutting && String(x.index) === o.value);
    const shown = f ? p.tr.pick('field', f.id, 'title', f.title) : undefined;
    return shown ? { value: o.value, label: shown.text, attrs: shown.attrs } : { ...o, content: true };
  });
  const all = t('portal.filter.all');
  const f = data.filter;
  return (
    <section class="portal-section portal-filter" aria-labelledby="filter">
      <h2 class="kern-heading-large" id="filter">{t('portal.filter.heading')}</h2>
      <p class="kern-hint" id="filter-hint">{t('portal.filter.hint')}</p>
      {/* Jump to the results after filtering; browsers keep the fragment of a GET form's action. */}
      <form method="get" action={`${p.links.base}/konzept#ergebnis`} aria-labelledby="filter" aria-describedby="filter-hint">
        <div class="portal-filter__fields">
          <FilterSelect name="themenfeld" label={t('portal.filter.field')} all={all} value={f.themenfeld} lang={lang} options={fieldOptions} />
          <FilterSelect name="zeithorizont" label={t('portal.filter.horizon')} all={all} value={f.zeithorizont} lang={lang} options={horizons.map((h) => ({ value: h, label: t(`portal.horizon.${h}`) }))} />
          <FilterSelect name="status" label={t('portal.filter.status')} all={all} value={f.status} lang={lang} options={measureStatuses.map((s) => ({ value: s, label: t(`portal.status.${s}`) }))} />
          <FilterSelect name="zielgruppe" label={t('portal.filter.target_group')} all={all} value={f.zielgruppe} lang={lang} options={data.options.targetGroups.map((g) => ({ value: g, label: g, content: true }))} />
          <FilterSelect name="federfuehrung" label={t('portal.filter.lead')} all={all} value={f.federfuehrung} lang={lang} options={data.options.leads.map((o) => ({ ...o, content: true }))} />
        </div>
        {lang !== 'de' ? <input type="hidden" name="lang" value={lang} /> : null}
        <div class="actions">
          <button type="submit" class="kern-btn kern-btn--primary">
            <span class="kern-label">{t('portal.filter.submit')}</span>
          </button>
          {data.filterActive ? (
            <a class="kern-btn kern-btn--secondary" href={p.links.concept()}>
              <span class="kern-label">{t('portal.filter.reset')}</span>
            </a>
          ) : null}
        </div>
      </form>
      <p class="kern-body kern-body--bold portal-filter__count">
        {t('portal.filter.count', { n: formatNumber(lang, data.filtered.length), count: data.measures.length })}
      </p>
    </section>
  );
}

function FieldSection(p: { t: T; tr: PageTranslations; lang: Lang; links: PortalLinks; field: PublicField; goals: PublicGoal[]; measures: PublicMeasureRow[]; byGoal: Map<string, PublicMeasureRow[]> }) {
  const { t, tr, lang, links, field } = p;
  const anchor = fieldAnchor(field.index);
  const title = tr.pick('field', field.id, 'title', field.title);
  return (
    <section class="portal-field" id={anchor} aria-labelledby={`${anchor}-h`}>
      <div class="kern-hgroup">
        <p class="kern-preline">{t('portal.concept.field_number', { n: formatNumber(lang, field.index) })}</p>
        <h3 class="kern-heading-medium" id={`${anchor}-h`} {...title.attrs}>{title.text}<ContentMark t={t} shown={title} /></h3>
      </div>
      {field.description ? <ContentParagraphs t={t} shown={tr.pick('field', field.id, 'description', field.description)} /> : null}
      {p.goals.length ? (
        <>
          <h4 class="kern-heading-small portal-h4">{t('portal.concept.goals')}</h4>
          <ul class="portal-goals">
            {p.goals.map((g) => {
              const served = p.byGoal.get(g.id) ?? [];
              const goalTitle = tr.pick('goal', g.id, 'title', g.title);
              const goalText = tr.pick('goal', g.id, 'description', g.description);
              return (
                <li class={`portal-goal portal-goal--${g.kind}`} id={goalAnchor(g.number)}>
                  <p class="portal-goal__kind">
                    {t(`portal.goal_kind.${g.kind}`)} {g.number}
                  </p>
                  <p class="portal-goal__title" {...goalTitle.attrs}>{goalTitle.text}<ContentMark t={t} shown={goalTitle} /></p>
                  {g.description ? <p class="portal-goal__text" {...goalText.attrs}>{goalText.text}<ContentMark t={t} shown={goalText} /></p> : null}
                  {served.length ? (
                    <p class="portal-goal__measures">
                      {t('portal.concept.goal_measures')}{' '}
                      {served.map((m, i) => (
                        <>
                          {i > 0 ? ', ' : ''}
                          <a class="kern-link" href={links.measure(m.number)}>{m.number}</a>
                        </>
                      ))}
                    </p>
                  ) : null}
                </li>
              );
            })}
          </ul>
        </>
      ) : null}
      <h4 class="kern-heading-small portal-h4">{t('portal.concept.measures')}</h4>
      {p.measures.length ? (
        <MeasureTable t={t} tr={tr} lang={lang} links={links} rows={p.measures} labelId={`${anchor}-tabelle`} caption={t('portal.concept.measures_caption', { title: title.text, count: formatNumber(lang, p.measures.length) })} />
      ) : (
        <p class="kern-body">{t('portal.concept.no_measures')}</p>
      )}
    </section>
  );
}

function CrossCuttingSection(p: { t: T; tr: PageTranslations; lang: Lang; links: PortalLinks; field: PublicField; measures: PublicMeasureRow[] }) {
  const { t, tr, field } = p;
  const anchor = crossCuttingAnchor(field.index);
  const title = tr.pick('field', field.id, 'title', field.title);
  return (
    <section class="portal-field" id={anchor} aria-labelledby={`${anchor}-h`}>
      <h3 class="kern-heading-medium" id={`${anchor}-h`} {...title.attrs}>{title.text}<ContentMark t={t} shown={title} /></h3>
      {field.description ? <ContentParagraphs t={t} shown={tr.pick('field', field.id, 'description', field.description)} /> : null}
      {p.measures.length ? (
        <details class="kern-accordion portal-accordion">
          <summary class="kern-accordion__header">
            <span class="kern-title">{t('portal.concept.cross_cutting_measures', { count: p.measures.length })}</span>
          </summary>
          <div class="kern-accordion__body">
            <ul class="portal-measure-links">
              {p.measures.map((m) => {
                const measureTitle = tr.pick('measure', m.id, 'title', m.title);
                return (
                  <li>
                    <a class="kern-link" href={p.links.measure(m.number)}>
                      <span class="portal-nr">{m.number}</span> <span {...measureTitle.attrs}>{measureTitle.text}</span>
                      <ContentMark t={t} shown={measureTitle} />
                    </a>
                  </li>
                );
              })}
            </ul>
          </div>
        </details>
      ) : null}
    </section>
  );
}
