import { formatDate, formatNumber, type Lang, type T } from '../../../platform/i18n/i18n.js';
import { germanContent } from '../../../platform/ui/public-page.js';
import { ContentParagraphs } from '../../../platform/ui/content-mark.js';
import { PageTranslations } from '../../../platform/translations/page.js';
import type { PublicUpdate } from '../public-data.js';
import { percent } from './parts.js';

/** A portal path with `lang` kept (PortalLinks has no method for the pages of this module). */
export function portalPath(slug: string, lang: Lang, path: string): string {
  return `/k/${encodeURIComponent(slug)}${path}${lang === 'de' ? '' : `?lang=${lang}`}`;
}

const kb = (lang: Lang, bytes: number) => `${formatNumber(lang, Math.max(1, Math.round(bytes / 1024)))}\u00a0KB`;

/** One public Sachstand: date, status, progress, text and its attachment (the Umsetzung page and the measure page). */
export function PublicUpdateEntry(p: { t: T; lang: Lang; slug: string; update: PublicUpdate; tr?: PageTranslations | undefined }) {
  const { t, lang, update: u } = p;
  const de = germanContent(lang);
  return (
    <li class="portal-result">
      <p class="portal-result__meta">
        <strong>{formatDate(lang, u.reportedOn)}</strong> · {t(`portal.status.${u.status}`)} · {t('progress_public.progress_value', { progress: percent(u.progress, lang) })}
      </p>
      <ContentParagraphs t={t} shown={(p.tr ?? new PageTranslations(lang)).pick('measure_update', u.id, 'text', u.text)} />
      {u.attachment ? (
        <p>
          <a class="kern-link" href={portalPath(p.slug, 'de', `/umsetzung/anhang/${u.id}`)} download={u.attachment.name}>
            {t('progress_public.attachment', { size: kb(lang, u.attachment.size) })}: <span {...de}>{u.attachment.name}</span>
          </a>
        </p>
      ) : null}
    </li>
  );
}
