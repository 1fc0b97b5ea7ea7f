import type { T } from '../../../platform/i18n/i18n.js';
import { formatDate } from '../../../platform/i18n/i18n.js';
import { DataTable, PostButton } from '../../../platform/ui/components.js';
import { ConfirmLink } from '../../../platform/ui/confirm.js';
import { Button, Csrf, ErrorSummary, SelectField, TextField, emptyForm, type FormState } from '../../../platform/ui/form.js';
import type { MeasureListRow } from '../service.js';
import { horizons, measureStatuses } from '../schema.js';
import type { Edition, EditionOutline } from '../../concepts/index.js';
import { editionTransitions } from '../../concepts/index.js';

interface EditionPageProps {
  t: T;
  base: string;
  csrfToken: string;
  edition: Edition;
  outline: EditionOutline;
  measures: MeasureListRow[];
  totalMeasures: number;
  /** Stamp of the edition's measure order as shown (orderStamp), for "nach Nummer sortieren". */
  orderStamp: string;
  filter: Record<string, string>;
  targetGroups: string[];
  actors: { id: string; name: string }[];
  canManage: boolean;
  canCreateMeasure: boolean;
  open: boolean;
  /** The outline is unfolded when the person came back from editing an item of it. */
  outlineOpen?: boolean;
  page: { current: number; count: number; total: number; link: (n: number) => string };
}

/** Small POST buttons to move an item up or down; keyboard- and screen-reader friendly. */
export function MoveButtons(p: { t: T; action: string; csrfToken: string; label: string }) {
  return (
    <>
      {(['hoch', 'runter'] as const).map((dir) => (
        <PostButton
          action={p.action}
          csrfToken={p.csrfToken}
          fields={{ richtung: dir }}
          label={<span aria-hidden="true">{dir === 'hoch' ? '↑' : '↓'}</span>}
          context={`${p.label}: ${p.t(dir === 'hoch' ? 'form.move_up' : 'form.move_down')}`}
        />
      ))}
    </>
  );
}

export function EditionPage(p: EditionPageProps) {
  const { t, edition, outline, base } = p;
  const eBase = `${base}/fassungen/${edition.id}`;
  const manage = p.canManage && p.open;
  return (
    <div class="stack">
      <p class="muted">
        <a href={`${base}/fassungen`}>{t('editions.all')}</a>
      </p>
      <h1 class="kern-heading-large">{edition.title}</h1>
      <p>
        <span class={`kern-badge kern-badge--${edition.status === 'beschlossen' ? 'success' : 'info'}`}>
          <span class="kern-label">{t(`edition_status.${edition.status}`)}</span>
        </span>{' '}
        {edition.adoptedOn ? t('editions.adopted_on', { date: formatDate('de', edition.adoptedOn) }) : null}
      </p>
      {edition.introduction ? <p>{edition.introduction}</p> : null}
      <nav class="actions" aria-label={t('editions.tools')}>
        {manage ? <a href={`${eBase}/bearbeiten`}>{t('editions.edit')}</a> : null}
        {manage ? <a href={`${eBase}/import`}>{t('editions.import')}</a> : null}
        <a href={`${eBase}/export.xlsx`}>{t('editions.export_xlsx')}</a>
        <a href={`${eBase}/export.csv`}>{t('editions.export_csv')}</a>
        <a href={`${eBase}/konzept.pdf`}>{t('editions.concept_pdf')}</a>
        <a href={`${eBase}/konzept.docx`}>{t('editions.concept_docx')}</a>
      </nav>
      <nav class="actions" aria-label={t('editions.monitoring')}>
        <a href={`${eBase}/umsetzung`}>{t('editions.progress')}</a>
        <a href={`${eBase}/indikatoren`}>{t('editions.indicators')}</a>
        <a href={`${eBase}/bericht`}>{t('editions.report')}</a>
        <a href={`${eBase}/sachstand.xlsx`}>{t('editions.status_export')}</a>
        {p.edition.status !== 'abgeloest' ? <a href={`${eBase}/sachstand/import`}>{t('editions.status_import')}</a> : null}
        <a href={`${base}/fassungen/vergleich?${edition.predecessorId ? `von=${edition.predecessorId}&` : ''}zu=${edition.id}`}>{t('editions.compare')}</a>
      </nav>
      {!p.open ? <p class="muted">{t('editions.locked_hint')}</p> : null}
      {p.canManage && editionTransitions[edition.status].length ? <TransitionForm {...p} action={`${eBase}/status`} /> : null}

      {/* Leitlinien and Ziele are long (~10,000 px, ~270 tabs): folded by default, the count says what is inside. */}
      <p>
        <a href="#massnahmen">{t('concept.skip_to_measures')}</a>
      </p>
      <details class="outline-fold" id="gliederung" open={p.outlineOpen}>
        <summary>
          <span class="kern-heading-medium">{t('concept.outline_summary', { guidelines: outline.guidelines.length, fields: outline.fields.length, goals: outline.goals.length })}</span>
        </summary>
        <p class="muted">{t('concept.outline_hint')}</p>
        <section aria-labelledby="guidelines-heading">
          <h2 id="guidelines-heading" class="kern-heading-medium">{t('concept.guidelines')}</h2>
          <ol>
            {outline.guidelines.map((g) => (
              <li>
                <strong>{g.title}</strong> {g.text}
                {manage ? <ItemActions t={t} csrfToken={p.csrfToken} href={`${base}/leitlinien/${g.id}`} label={g.title} /> : null}
              </li>
            ))}
          </ol>
          {manage ? <a href={`${eBase}/leitlinien/neu`}>{t('concept.new_guideline')}</a> : null}
        </section>

        <section aria-labelledby="fields-heading">
          <h2 id="fields-heading" class="kern-heading-medium">{t('concept.fields_and_goals')}</h2>
          {outline.fields.map((f) => (
            <section class="field-section" aria-labelledby={`field-${f.id}`} id={`themenfeld-${f.id}`}>
              <h3 id={`field-${f.id}`} class="kern-heading-small">
                {f.title} {f.isCrossCutting ? <span class="muted">({t('concept.cross_cutting')})</span> : null}
              </h3>
              {f.description ? <p>{f.description}</p> : null}
              {manage ? <ItemActions t={t} csrfToken={p.csrfToken} href={`${base}/themenfelder/${f.id}`} label={f.title} /> : null}
              {f.isCrossCutting ? null : (
                <ul>
                  {outline.goals
                    .filter((g) => g.fieldId === f.id)
                    .map((g) => (
                      <li id={`ziel-${g.id}`}>
                        {g.number} <span class="muted">{t(`goal_kind.${g.kind}`)}:</span> {g.title}
                        {manage ? <ItemActions t={t} csrfToken={p.csrfToken} href={`${base}/ziele/${g.id}`} label={`${g.number} ${g.title}`} /> : null}
                      </li>
                    ))}
                </ul>
              )}
              {manage && !f.isCrossCutting ? <a href={`${eBase}/ziele/neu?themenfeld=${f.id}`}>{t('concept.new_goal')}</a> : null}
            </section>
          ))}
          {manage ? <p><a href={`${eBase}/themenfelder/neu`}>{t('concept.new_field')}</a></p> : null}
        </section>
      </details>

      <section aria-labelledby="measures-heading" id="massnahmen" tabindex={-1}>
        <h2 id="measures-heading" class="kern-heading-medium">{t('concept.measures')}</h2>
        {p.canCreateMeasure && p.open ? (
          <p>
            <a class="kern-btn kern-btn--primary" href={`${eBase}/massnahmen/neu`}>
              <span class="kern-label">{t('measures.new_title')}</span>
            </a>
          </p>
        ) : null}
        <MeasureFilter {...p} action={eBase} />
        {p.canCreateMeasure && p.open ? <SortForm {...p} action={`${eBase}/sortieren`} /> : null}
        <p role="status">{t('measures.count', { shown: p.page.total, count: p.totalMeasures })}</p>
        <MeasureTable {...p} manage={p.canCreateMeasure && p.open} />
        {p.page.count > 1 ? (
          <nav aria-label={t('measures.pages')} class="actions">
            {Array.from({ length: p.page.count }, (_, i) => i + 1).map((n) =>
              n === p.page.current ? (
                <span aria-current="page">{t('measures.page', { n })}</span>
              ) : (
                <a href={p.page.link(n)}>{t('measures.page', { n })}</a>
              ),
            )}
          </nav>
        ) : null}
      </section>
    </div>
  );
}

function ItemActions(p: { t: T; csrfToken: string; href: string; label: string }) {
  return (
    <span class="actions">
      <a href={`${p.href}/bearbeiten`} aria-label={`${p.label}: ${p.t('form.edit')}`}>{p.t('form.edit')}</a>
      <MoveButtons t={p.t} action={`${p.href}/verschieben`} csrfToken={p.csrfToken} label={p.label} />
    </span>
  );
}

/**
 * Choosing the new status leads to its confirmation page (GET): a status change is never one
 * click; the confirmation says what it means (and, for a Beschluss, what the public site loses).
 */
function TransitionForm(p: EditionPageProps & { action: string }) {
  const { t } = p;
  return (
    <form method="get" action={p.action} class="stack" aria-labelledby="transition-heading">
      <h2 id="transition-heading" class="kern-heading-small">{t('editions.change_status')}</h2>
      <SelectField t={t} form={emptyForm()} name="to" label={t('editions.new_status')} required options={editionTransitions[p.edition.status].map((s) => ({ value: s, label: t(`edition_status.${s}`) }))} />
      <div class="actions">
        <Button variant="secondary">{t('editions.change_status_button')}</Button>
        {p.edition.status === 'entwurf' ? <ConfirmLink href={`${p.action.replace(/\/status$/, '')}/loeschen`} label={t('editions.delete_draft')} /> : null}
      </div>
    </form>
  );
}

/** One Themenfeld back into number order, for when hand-made moves went astray. */
function SortForm(p: EditionPageProps & { action: string }) {
  const { t } = p;
  return (
    <form method="post" action={p.action} class="filters" aria-labelledby="sort-heading">
      <h3 id="sort-heading" class="kern-heading-small">{t('measures.sort_title')}</h3>
      <Csrf token={p.csrfToken} />
      <input type="hidden" name="reihenfolge" value={p.orderStamp} />
      <SelectField t={t} form={emptyForm({ themenfeld: p.filter.themenfeld })} name="themenfeld" label={t('measure.field')} hint={t('measures.sort_hint')} required options={p.outline.fields.filter((f) => !f.isCrossCutting).map((f) => ({ value: f.id, label: f.title }))} />
      <div class="actions">
        <Button variant="secondary">{t('measures.sort_submit')}</Button>
      </div>
    </form>
  );
}

function MeasureFilter(p: EditionPageProps & { action: string }) {
  const { t } = p;
  const form = emptyForm(p.filter);
  return (
    <form method="get" action={p.action} class="filters" aria-label={t('measures.filter')}>
      <SelectField t={t} form={form} name="themenfeld" label={t('measure.field')} required emptyLabel={t('form.all')} options={p.outline.fields.filter((f) => !f.isCrossCutting).map((f) => ({ value: f.id, label: f.title }))} />
      <SelectField t={t} form={form} name="zeithorizont" label={t('measure.horizon')} required emptyLabel={t('form.all')} options={horizons.map((h) => ({ value: h, label: t(`horizon.${h}`) }))} />
      <SelectField t={t} form={form} name="status" label={t('measure.status')} required emptyLabel={t('form.all')} options={measureStatuses.map((s) => ({ value: s, label: t(`measure_status.${s}`) }))} />
      <SelectField t={t} form={form} name="zielgruppe" label={t('measure.target_groups')} required emptyLabel={t('form.all')} options={p.targetGroups.map((g) => ({ value: g, label: g }))} />
      <SelectField t={t} form={form} name="federfuehrung" label={t('measure.lead')} required emptyLabel={t('form.all')} options={p.actors.map((a) => ({ value: a.id, label: a.name }))} />
      <div class="actions">
        <Button variant="secondary">{t('form.filter')}</Button>
        <a href={p.action}>{t('form.reset_filter')}</a>
      </div>
    </form>
  );
}

function MeasureTable(p: EditionPageProps & { manage: boolean }) {
  const { t } = p;
  return (
    <DataTable
      caption={t('concept.measures')}
      headers={[t('measure.number'), t('measure.title'), t('measure.field'), t('measure.lead'), t('measure.horizon'), t('measure.status'), ...(p.manage ? [t('measures.order')] : [])]}
    >
          {p.measures.map((m) => (
            <tr id={`m-${m.id}`}>
              <td>{m.number}</td>
              <td>
                <a href={`${p.base}/massnahmen/${m.id}`}>{m.title}</a>
              </td>
              <td>{m.fieldTitle}</td>
              <td>{m.leadActorName ?? '–'}</td>
              <td>{t(`horizon.${m.horizon}`)}</td>
              <td>{t(`measure_status.${m.status}`)}</td>
              {p.manage ? (
                <td>
                  <MoveButtons t={t} action={`${p.base}/massnahmen/${m.id}/verschieben`} csrfToken={p.csrfToken} label={`${m.number} ${m.title}`} />
                </td>
              ) : null}
            </tr>
          ))}
    </DataTable>
  );
}
