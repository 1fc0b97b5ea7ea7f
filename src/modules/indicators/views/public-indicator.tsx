import type { Child } from 'hono/jsx';
import type { Lang, T } from '../../../platform/i18n/i18n.js';
import { germanContent } from '../../../platform/ui/public-page.js';
import type { PublicIndicator } from '../present.js';
import { IndicatorFacts, IndicatorFigure, IndicatorStatusBadge } from './parts.js';

/**
 * One published indicator: name, judgement, facts, chart and the same figures as a table. Used by
 * `/k/{slug}/indikatoren` (with its owner) and by the public measure page (the owner is the page).
 */
export function PublicIndicatorArticle(p: { t: T; lang: Lang; indicator: PublicIndicator; owner?: Child }) {
  const { t, lang, indicator: ind } = p;
  const de = germanContent(lang);
  return (
    <article class="portal-section" aria-labelledby={`indikator-${ind.id}`}>
      <h3 class="kern-heading-medium" id={`indikator-${ind.id}`} {...de}>{ind.name}</h3>
      <p class="kern-body">
        {t('indicator.fact.status')}: <IndicatorStatusBadge t={t} status={ind.status} />
      </p>
      <IndicatorFacts t={t} lang={lang} indicator={ind} owner={p.owner} />
      <IndicatorFigure t={t} lang={lang} indicator={ind} values={ind.values} />
    </article>
  );
}
