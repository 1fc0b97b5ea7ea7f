import type { Child } from 'hono/jsx';
import { formatDate, languages, localeOf, type Lang, type T } from '../../../platform/i18n/i18n.js';
import { sdgGoals } from '../../measures/schema.js';
import type { PublicTenant } from '../../../platform/tenancy/service.js';
import type { MeasurePageData } from '../data.js';
import { germanContent, PortalLinks, PortalPage } from '../../../platform/ui/public-page.js';
import { ContentMark, ContentParagraphs } from '../../../platform/ui/content-mark.js';
import type { PageTranslations } from '../../../platform/translations/page.js';
import { AdoptedByNote } from '../../decisions/index.js';
import { StatusBadge } from '../../measures/index.js';
import { PublicIndicatorArticle } from '../../indicators/index.js';
import { PublicMeasureProgressSection } from '../../progress/index.js';

const perLang = <V,>(make: (locale: string) => V) => Object.fromEntries(languages.map((l) => [l, make(localeOf(l))])) as Record<Lang, V>;
const euroFormats = perLang((l) => new Intl.NumberFormat(l, { style: 'currency', currency: 'EUR', maximumFractionDigits: 2, minimumFractionDigits: 0 }));
const decimalFormats = perLang((l) => new Intl.NumberFormat(l, { maximumFractionDigits: 2 }));
/** "14.000 €" in German, "€14,000" in English; cents only when there are any. */
export const formatEuro = (lang: Lang, n: number) => euroFormats[lang].format(n);

/** One row of a KERN description list; empty values read "keine Angabe". */
function Fact(p: { t: T; label: string; children?: Child; empty?: boolean }) {
  return (
    <div class="kern-description-list-item">
      <dt class="kern-description-list-item__key">{p.label}</dt>
      <dd class="kern-description-list-item__value">{p.empty ? <span class="kern-body--muted">{p.t('portal.none')}</span> : p.children}</dd>
    </div>
  );
}

function List(p: { items: string[]; lang?: string | undefined; dir?: string | undefined }) {
  if (p.items.length === 1) return <span lang={p.lang} dir={p.dir}>{p.items[0]}</span>;
  return (
    <ul class="portal-facts-list" lang={p.lang} dir={p.dir}>
      {p.items.map((i) => (
        <li>{i}</li>
      ))}
    </ul>
  );
}

/**
 * `/k/{slug}/massnahmen/{number}`: one measure of the adopted concept with its implementation
 * state (status, progress, status history, public Sachstände), its published indicators with
 * chart and table, lead and partners, and the decision it rests on.
 */
export function MeasurePage(p: { t: T; lang: Lang; url: string; tenant: PublicTenant; data: MeasurePageData; tr: PageTranslations }) {
  const { t, lang, tenant, data } = p;
  const m = data.measure;
  const links = new PortalLinks(tenant.slug, lang);
  const de = germanContent(lang);
  const tr = p.tr;
  const title = tr.pick('measure', m.id, 'title', m.title);
  const fieldTitle = m.field ? tr.pick('field', m.field.id, 'title', m.field.title) : undefined;
  const wholeArea = tenant.kind === 'landkreis' || tenant.kind === 'region' ? t('portal.measure.whole_county') : t('portal.measure.whole_area');
  return (
    <PortalPage t={t} lang={lang} url={p.url} tenant={tenant} title={`${t('portal.measure.label', { number: m.number })}: ${title.text}`} section="concept" translated={tr.hasTranslations}>
      <nav class="portal-breadcrumb" aria-label={t('portal.breadcrumb')}>
        <ol>
          <li><a class="kern-link" href={links.home()}>{t('portal.nav.start')}</a></li>
          <li><a class="kern-link" href={links.concept()}>{t('portal.nav.concept')}</a></li>
          {m.field && fieldTitle ? <li><a class="kern-link" href={links.field(m.field.index)} {...fieldTitle.attrs}>{fieldTitle.text}</a></li> : null}
          <li aria-current="page">{t('portal.measure.label', { number: m.number })}</li>
        </ol>
      </nav>

      <div class="kern-hgroup portal-hgroup">
        <p class="kern-preline">{t('portal.measure.label', { number: m.number })}</p>
        <h1 class="kern-heading-x-large" {...title.attrs}>{title.text}<ContentMark t={t} shown={title} /></h1>
      </div>
      <p class="portal-measure-status">
        <StatusBadge t={t} status={m.status} />
      </p>

      <section class="portal-section" aria-labelledby="beschreibung">
        <h2 class="kern-heading-large" id="beschreibung">{t('portal.measure.section_description')}</h2>
        {m.description ? <ContentParagraphs t={t} shown={tr.pick('measure', m.id, 'description', m.description)} /> : <p class="kern-body kern-body--muted">{t('portal.none')}</p>}
      </section>

      <PublicMeasureProgressSection t={t} lang={lang} slug={tenant.slug} number={m.number} data={data.progress} tr={tr} />

      <section class="portal-section" aria-labelledby="ueberblick">
        <h2 class="kern-heading-large" id="ueberblick">{t('portal.measure.section_overview')}</h2>
        <dl class="kern-description-list">
          <Fact t={t} label={t('portal.measure.number')}>{m.number}</Fact>
          <Fact t={t} label={t('portal.measure.field')} empty={!m.field}>
            {m.field && fieldTitle ? <a class="kern-link" href={links.field(m.field.index)} {...fieldTitle.attrs}>{fieldTitle.text}<ContentMark t={t} shown={fieldTitle} /></a> : null}
          </Fact>
          <Fact t={t} label={t('portal.measure.goals')} empty={m.goals.length === 0}>
            <ul class="portal-facts-list">
              {m.goals.map((g) => {
                const goalTitle = tr.pick('goal', g.id, 'title', g.title);
                return (
                <li>
                  <a class="kern-link" href={links.goal(g.number)}>
                    {/* One child: kern-link is an inline-flex box that would split text and title into columns. */}
                    <span>
                      {t(`portal.goal_kind.${g.kind}`)} {g.number}: <span {...goalTitle.attrs}>{goalTitle.text}</span>
                      <ContentMark t={t} shown={goalTitle} />
                    </span>
                  </a>
                </li>
                );
              })}
            </ul>
          </Fact>
          <Fact t={t} label={t('portal.measure.target_groups')} empty={m.targetGroups.length === 0}>
            <List items={m.targetGroups} {...de} />
          </Fact>
          <Fact t={t} label={t('portal.measure.priority')}>{t(`portal.priority.${m.priority}`)}</Fact>
        </dl>
      </section>

      <section class="portal-section" aria-labelledby="zustaendigkeit">
        <h2 class="kern-heading-large" id="zustaendigkeit">{t('portal.measure.section_responsibility')}</h2>
        <dl class="kern-description-list">
          <Fact t={t} label={t('portal.measure.lead')} empty={!m.leadName}>
            <span {...de}>{m.leadName}</span>
          </Fact>
          <Fact t={t} label={t('portal.measure.partners')} empty={m.partnerNames.length === 0}>
            <List items={m.partnerNames} {...de} />
          </Fact>
        </dl>
      </section>

      <section class="portal-section" aria-labelledby="indikatoren">
        <h2 class="kern-heading-large" id="indikatoren">{t('portal.measure.section_indicators')}</h2>
        {/* The concept's free text names the indicator in words; once a structured indicator with
            values is published it is the one that counts, and the free text (often another
            figure or year) would contradict it, so it is shown only while there is none. */}
        {data.indicators.length === 0 && (m.indicator || m.targetValue) ? (
          <dl class="kern-description-list">
            {m.indicator ? (
              <Fact t={t} label={t('portal.measure.indicator_description')}>
                <span {...de}>{m.indicator}</span>
              </Fact>
            ) : null}
            {m.targetValue ? (
              <Fact t={t} label={t('portal.measure.target_description')}>
                <span {...de}>{m.targetValue}</span>
              </Fact>
            ) : null}
          </dl>
        ) : null}
        {data.indicators.length ? (
          data.indicators.map((ind) => <PublicIndicatorArticle t={t} tr={tr} lang={lang} indicator={ind} />)
        ) : (
          <p class="kern-body">{t('portal.measure.no_indicators')}</p>
        )}
        <p class="kern-body">
          <a class="kern-link" href={links.indicators()}>{t('portal.measure.all_indicators')}</a>
        </p>
      </section>

      <section class="portal-section" aria-labelledby="zeitplan">
        <h2 class="kern-heading-large" id="zeitplan">{t('portal.measure.section_schedule')}</h2>
        <dl class="kern-description-list">
          <Fact t={t} label={t('portal.measure.horizon')}>{t(`portal.horizon.${m.horizon}`)}</Fact>
          <Fact t={t} label={t('portal.measure.start')} empty={!m.startDate}>{formatDate(lang, m.startDate)}</Fact>
          <Fact t={t} label={t('portal.measure.end')} empty={!m.endDate}>{formatDate(lang, m.endDate)}</Fact>
        </dl>
      </section>

      <section class="portal-section" aria-labelledby="ressourcen">
        <h2 class="kern-heading-large" id="ressourcen">{t('portal.measure.section_resources')}</h2>
        <dl class="kern-description-list">
          <Fact t={t} label={t('portal.measure.staff')} empty={m.staffFte == null}>
            {m.staffFte == null ? null : t('portal.measure.staff_value', { fte: decimalFormats[lang].format(m.staffFte) })}
          </Fact>
          <Fact t={t} label={t('portal.measure.cost')} empty={m.costEur == null}>
            {m.costEur == null ? null : formatEuro(lang, m.costEur)}
          </Fact>
          <Fact t={t} label={t('portal.measure.funding')} empty={!m.fundingSource}>
            <span {...de}>{m.fundingSource}</span>
          </Fact>
        </dl>
      </section>

      <section class="portal-section" aria-labelledby="einordnung">
        <h2 class="kern-heading-large" id="einordnung">{t('portal.measure.section_context')}</h2>
        <dl class="kern-description-list">
          <Fact t={t} label={t('portal.measure.cross_cutting')} empty={m.crossCutting.length === 0}>
            <List items={m.crossCutting} {...de} />
          </Fact>
          <Fact t={t} label={t('portal.measure.sdgs')} empty={m.sdgs.length === 0}>
            <List items={m.sdgs.map((n) => (sdgGoals.includes(n as any) ? t(`portal.sdg.${n}`) : `SDG ${n}`))} />
          </Fact>
          <Fact t={t} label={t('portal.measure.municipalities')}>
            {m.municipalities.length ? <List items={m.municipalities} {...de} /> : wholeArea}
          </Fact>
        </dl>
      </section>

      <section class="portal-section" aria-labelledby="beschluss">
        <h2 class="kern-heading-large" id="beschluss">{t('portal.measure.section_decision')}</h2>
        <p class="kern-body">
          {data.decision.adoptedOn
            ? t('portal.measure.decision_text', { title: data.decision.editionTitle, body: t(`portal.body.${tenant.kind}`), date: formatDate(lang, data.decision.adoptedOn) })
            : t('portal.measure.decision_no_date', { title: data.decision.editionTitle })}
        </p>
        {data.decision.adoption ? <AdoptedByNote t={t} lang={lang} slug={tenant.slug} d={data.decision.adoption} /> : null}
        <p class="kern-body">
          <a class="kern-link" href={links.concept()}>{t('portal.measure.to_concept')}</a>
        </p>
      </section>

      {m.field ? (
        <p class="portal-back">
          <a class="kern-link" href={links.field(m.field.index)}>
            <span class="kern-icon kern-icon--arrow-back" aria-hidden="true"></span>
            {t('portal.measure.back_to_field', { title: fieldTitle?.text ?? m.field.title })}
          </a>
        </p>
      ) : null}
    </PortalPage>
  );
}
