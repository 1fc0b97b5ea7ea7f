import type { Child } from 'hono/jsx';
import type { Lang, T } from '../../../platform/i18n/i18n.js';
import { ContentMark } from '../../../platform/ui/content-mark.js';
import { PageTranslations } from '../../../platform/translations/page.js';
import type { PublicIndicator } from '../present.js';
import { IndicatorFacts, IndicatorFigure, IndicatorStatusBadge } from './parts.js';

/**
 * One published indicator: name, judgement, facts, chart and the same figures as a table. Used by
 * `/k/{slug}/indikatoren` (with its owner) and by the public measure page (the owner is the page).
 */
export function PublicIndicatorArticle(p: { t: T; lang: Lang; indicator: PublicIndicator; owner?: Child; tr?: PageTranslations | undefined }) {
  const { t, lang, indicator: ind } = p;
  const tr = p.tr ?? new PageTranslations(lang);
  const name = tr.pick('indicator', ind.id, 'name', ind.name);
  const definition = tr.pick('indicator', ind.id, 'definition', ind.definition);
  return (
    <article class="portal-section" aria-labelledby={`indikator-${ind.id}`}>
      <h3 class="kern-heading-medium" id={`indikator-${ind.id}`} {...name.attrs}>{name.text}<ContentMark t={t} shown={name} /></h3>
      <p class="kern-body">
        {t('indicator.fact.status')}: <IndicatorStatusBadge t={t} status={ind.status} />
      </p>
      <IndicatorFacts t={t} lang={lang} indicator={ind} owner={p.owner} definition={definition} />
      <IndicatorFigure t={t} lang={lang} indicator={ind} values={ind.values} />
    </article>
  );
}
