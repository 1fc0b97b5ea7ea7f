import type { T } from '../i18n/i18n.js';
import { readability, readabilityBand, type ReadabilityBand } from './assets/readability-core.js';

const bands: ReadabilityBand[] = ['very_easy', 'easy', 'fairly_easy', 'standard', 'fairly_hard', 'hard', 'very_hard'];

/**
 * The message after saving a public text, with the text's readability computed on the server:
 * "Gespeichert. Lesbarkeit 57 (mittelschwer)." (the message alone for a text without words).
 */
export function withReadability(t: T, message: string, text: string | null | undefined): string {
  const r = readability(text ?? '');
  return r ? `${message} ${t('readability.note', { score: r.score, band: t(`readability.band.${readabilityBand(r.score)}`) })}` : message;
}

/**
 * The readability figure of a public text, under its text area (`areaId`): the server computes it
 * for the text as it is (saved or sent back), /assets/readability.js recomputes it while the person
 * types. The explanation says in German what the number means.
 */
export function ReadabilityFigure(p: { t: T; text: string; areaId: string }) {
  const { t } = p;
  const r = readability(p.text);
  const bandAttrs = Object.fromEntries(bands.map((b) => [`data-band-${b}`, t(`readability.band.${b}`)]));
  return (
    <div class="readability" data-readability-for={p.areaId} data-score={r ? String(r.score) : ''} data-band-none={t('readability.band.none')} {...bandAttrs}>
      <p class="kern-body kern-body--small readability__figure" id={`${p.areaId}-readability`}>
        {t('readability.label')}: <strong data-readability-score="">{r ? String(r.score) : '–'}</strong> (<span data-readability-band="">{r ? t(`readability.band.${readabilityBand(r.score)}`) : t('readability.band.none')}</span>)
      </p>
      <details class="readability__explain">
        <summary>{t('readability.explain_summary')}</summary>
        <p class="kern-body kern-body--small">{t('readability.explain')}</p>
        <p class="kern-body kern-body--small">{t('readability.explain_scale')}</p>
      </details>
    </div>
  );
}
