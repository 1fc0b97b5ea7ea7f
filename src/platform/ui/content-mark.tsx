import type { T } from '../i18n/i18n.js';
import { dirOf } from '../i18n/languages.js';
import type { ShownText } from '../translations/page.js';

/**
 * The visible hint next to content on a page in another language: "DE" where the text is German
 * (spoken as "auf Deutsch" in the page's language), a notice where the translation is outdated.
 * Nothing on German pages and next to current translations.
 */
export function ContentMark(p: { t: T; shown: ShownText }) {
  const { shown, t } = p;
  if (shown.state === 'german') {
    return (
      <>
        {' '}
        <span class="portal-content-mark" lang={shown.pageLang} dir={dirOf(shown.pageLang)}>
          <span aria-hidden="true">DE</span>
          <span class="visually-hidden">{t('portal.content_mark.german')}</span>
        </span>
      </>
    );
  }
  if (shown.state === 'outdated') {
    return (
      <>
        {' '}
        <span class="portal-content-mark portal-content-mark--outdated">{t('portal.content_mark.outdated')}</span>
      </>
    );
  }
  return null;
}

/** User-written paragraphs (blank lines between) in their language, the mark after the last one. */
export function ContentParagraphs(p: { t: T; shown: ShownText }) {
  const parts = p.shown.text.split(/\n\s*\n/).map((s) => s.trim()).filter(Boolean);
  return (
    <>
      {parts.map((s, i) => (
        <p class="kern-body portal-text" {...p.shown.attrs}>
          {s}
          {i === parts.length - 1 ? <ContentMark t={p.t} shown={p.shown} /> : null}
        </p>
      ))}
    </>
  );
}
