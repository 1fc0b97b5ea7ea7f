import type { T } from '../../../platform/i18n/i18n.js';
import { formatDate, formatDateTime } from '../../../platform/i18n/i18n.js';
import { DataTable } from '../../../platform/ui/components.js';
import { Button, SelectField, emptyForm } from '../../../platform/ui/form.js';
import type { Paper } from '../papers.js';
import type { VersionComparison } from '../versions.js';

function Diff(p: { t: T; c: VersionComparison['sections'][number] }) {
  const { t, c } = p;
  if (!c.parts) {
    return (
      <>
        <p class="kern-body">{t('decisions.versions.rewritten')}</p>
        <p class="kern-body prewrap">
          <del>
            <span class="visually-hidden">{t('decisions.versions.removed')} </span>
            {c.before}
          </del>
        </p>
        <p class="kern-body prewrap">
          <ins>
            <span class="visually-hidden">{t('decisions.versions.added')} </span>
            {c.after}
          </ins>
        </p>
      </>
    );
  }
  return (
    <p class="kern-body prewrap version-diff">
      {c.parts.map((part) =>
        part.kind === 'same' ? (
          part.text
        ) : part.kind === 'removed' ? (
          <del>
            <span class="visually-hidden">[{t('decisions.versions.removed')} </span>
            {part.text}
            <span class="visually-hidden">]</span>
          </del>
        ) : (
          <ins>
            <span class="visually-hidden">[{t('decisions.versions.added')} </span>
            {part.text}
            <span class="visually-hidden">]</span>
          </ins>
        ),
      )}
    </p>
  );
}

/** The saved versions of a Vorlage and what changed between two of them, section by section. */
export function VersionsPage(p: { t: T; base: string; paper: Paper; versions: { version: number; createdAt: Date; savedByName: string }[]; comparison: VersionComparison | undefined }) {
  const { t, paper, comparison: cmp } = p;
  const path = `${p.base}/vorlagen/${paper.id}`;
  const options = p.versions.map((v) => ({ value: String(v.version), label: t('decisions.versions.option', { version: v.version, date: formatDateTime('de', v.createdAt) }) }));
  return (
    <div class="stack">
      <p class="kern-body">
        <a href={path}>{t('decisions.result.back', { number: paper.number })}</a>
      </p>
      <h1 class="kern-heading-x-large">{t('decisions.versions.title', { number: paper.number })}</h1>
      {paper.state === 'final' ? <p class="kern-body">{t('decisions.versions.frozen', { date: formatDate('de', paper.finalizedAt?.toISOString().slice(0, 10)) })}</p> : null}
      <DataTable caption={t('decisions.versions.caption')} headers={[t('decisions.versions.version'), t('decisions.versions.saved_at'), t('decisions.versions.saved_by')]}>
        {p.versions.map((v) => (
          <tr>
            <td>{v.version}</td>
            <td>{formatDateTime('de', v.createdAt)}</td>
            <td>{v.savedByName || '–'}</td>
          </tr>
        ))}
      </DataTable>
      {cmp ? (
        <>
          <form method="get" action={`${path}/versionen`} class="stack">
            <SelectField t={t} form={emptyForm({ von: String(cmp.from), bis: String(cmp.to) })} name="von" label={t('decisions.versions.from')} options={options} />
            <SelectField t={t} form={emptyForm({ von: String(cmp.from), bis: String(cmp.to) })} name="bis" label={t('decisions.versions.to')} options={options} />
            <div class="actions">
              <Button variant="secondary">{t('decisions.versions.compare')}</Button>
            </div>
          </form>
          <h2 class="kern-heading-medium">{t('decisions.versions.heading', { from: cmp.from, to: cmp.to })}</h2>
          <p class="kern-body muted">{t('decisions.versions.legend')}</p>
          {cmp.fields.length ? (
            <DataTable caption={t('decisions.versions.fields_caption')} headers={[t('decisions.versions.field'), t('decisions.versions.before'), t('decisions.versions.after')]}>
              {cmp.fields.map((f) => (
                <tr>
                  <td>{t(f.labelKey)}</td>
                  <td>{f.before || '–'}</td>
                  <td>{f.after || '–'}</td>
                </tr>
              ))}
            </DataTable>
          ) : null}
          {cmp.sections.map((s) => (
            <section class="stack" aria-labelledby={`abschnitt-${s.key}`}>
              <h3 class="kern-heading-small" id={`abschnitt-${s.key}`}>
                {t(s.labelKey)}
              </h3>
              {s.changed ? <Diff t={t} c={s} /> : <p class="kern-body muted">{t('decisions.versions.unchanged')}</p>}
            </section>
          ))}
        </>
      ) : (
        <p class="kern-body">{t('decisions.versions.only_one')}</p>
      )}
    </div>
  );
}
