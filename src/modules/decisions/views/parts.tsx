import type { T } from '../../../platform/i18n/i18n.js';
import { formatDate } from '../../../platform/i18n/i18n.js';
import { DataTable } from '../../../platform/ui/components.js';
import { factSegments, type LiveFigure } from '../figures.js';
import type { FrozenFigure } from '../schema.js';

const date = (iso: string | null | undefined) => formatDate('de', iso);

/** The figures a Sachverhalt can use, with the token to type and today's value and source. */
export function FigureList(p: { t: T; figures: LiveFigure[] }) {
  const { t } = p;
  if (!p.figures.length) return <p class="kern-body muted">{t('decisions.figures.none')}</p>;
  return (
    <details class="figure-list">
      <summary>{t('decisions.figures.summary')}</summary>
      <p class="kern-body">{t('decisions.figures.intro')}</p>
      <DataTable caption={t('decisions.figures.caption')} headers={[t('decisions.figures.figure'), t('decisions.figures.token'), t('decisions.figures.value'), t('decisions.figures.source')]}>
        {p.figures.map((f) => (
          <tr>
            <th scope="row">{t(f.labelKey, f.labelParams)}</th>
            <td>
              <code>{`{{${f.key}}}`}</code>
            </td>
            <td>{f.value}</td>
            <td>{sourceText(t, f)}</td>
          </tr>
        ))}
      </DataTable>
    </details>
  );
}

export const sourceText = (t: T, f: FrozenFigure) =>
  [f.source, f.asOf ? t('decisions.figures.as_of', { date: date(f.asOf) }) : ''].filter(Boolean).join(', ') || t('decisions.figures.no_source');

/** Paragraphs of a plain text (blank lines separate them; single line breaks stay). */
export function Paragraphs(p: { text: string }) {
  return (
    <>
      {p.text
        .split(/\n\s*\n/)
        .map((s) => s.trim())
        .filter(Boolean)
        .map((para) => (
          <p class="kern-body prewrap">{para}</p>
        ))}
    </>
  );
}

/** The Sachverhalt with its figures filled in, and the figures' sources below it. */
export function FactsText(p: { t: T; text: string; figures: Record<string, FrozenFigure> }) {
  const { t } = p;
  const used = [...new Set(factSegments(p.text, p.figures).flatMap((s) => ('key' in s && s.figure ? [s.key] : [])))];
  const paragraphs = p.text.split(/\n\s*\n/).map((s) => s.trim()).filter(Boolean);
  return (
    <>
      {paragraphs.map((para) => (
        <p class="kern-body prewrap">
          {factSegments(para, p.figures).map((s) => ('text' in s ? s.text : s.figure ? <strong data-figure={s.key}>{s.figure.value}</strong> : <code>{`{{${s.key}}}`}</code>))}
        </p>
      ))}
      {used.length ? (
        <div class="figure-sources">
          <p class="kern-body">{t('decisions.figures.sources')}</p>
          <ul>
            {used.map((key) => (
              <li>
                <strong>{p.figures[key]!.value}</strong>: {sourceText(t, p.figures[key]!)}
              </li>
            ))}
          </ul>
        </div>
      ) : null}
    </>
  );
}
