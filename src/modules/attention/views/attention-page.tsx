import type { Child } from 'hono/jsx';
import type { Edition } from '../../concepts/index.js';
import type { MeasureStatus } from '../../measures/schema.js';
import { DataTable, Alert } from '../../../platform/ui/components.js';
import { Button, Csrf, ErrorSummary, TextField, type FormState } from '../../../platform/ui/form.js';
import { formatDate, formatDateTime, formatNumber, type T } from '../../../platform/i18n/i18n.js';
import { horizonYears, type AttentionList } from '../rules.js';
import { reminderIntervalDays, type Recipient } from '../reminders.js';

export interface AttentionPageProps {
  t: T;
  base: string;
  csrfToken: string;
  edition: Edition | undefined;
  list: AttentionList;
  ignoredStatuses: MeasureStatus[];
  settings: FormState;
  remindersEnabled: boolean;
  smtpConfigured: boolean;
  recipients: Recipient[];
  conflict?: boolean;
}

const date = (iso: string | null | undefined) => formatDate('de', iso);

/** The Koordination's dashboard: overdue and silent measures, indicators behind target, the next Fortschreibung. */
export function AttentionContent(p: AttentionPageProps) {
  const { t, list } = p;
  const count = (n: number) => formatNumber('de', n);
  return (
    <div class="stack">
      <Top t={t} list={list} intro={p.edition && t('attention.intro', { date: date(list.today), edition: p.edition.title, adopted: date(p.edition.adoptedOn) })}>
        {list.sections.map(({ source, items }) => (
          <li>
            <a href={`#${source.id}`}>{t(source.titleKey)}</a>: <span data-count={source.id}>{source.summary ? source.summary(t, items) : count(items.length)}</span>
          </li>
        ))}
      </Top>

      <MeasureSections t={t} base={p.base} list={list} />

      {list.sections.map(({ source, items }) => (
        <section aria-labelledby={source.id}>
          <h2 id={source.id} class="kern-heading-medium" tabindex={-1}>
            {t(source.titleKey)}
            {source.counted ? ` (${count(items.length)})` : ''}
          </h2>
          {source.body({ t, base: p.base, items })}
        </section>
      ))}

      <Reminders {...p} />

      <Rules t={t} silentAfterMonths={list.silentAfterMonths} ignoredStatuses={p.ignoredStatuses}>
        {list.sections.flatMap(({ source }) => source.rules(t)).map((rule) => (
          <li>{rule}</li>
        ))}
      </Rules>

      <Settings {...p} />
    </div>
  );
}

/** Overdue and silent measures: the two sections every view of the list has. */
function MeasureSections(p: { t: T; base: string; list: Pick<AttentionList, 'overdue' | 'silent' | 'silentAfterMonths'> }) {
  const { t, list } = p;
  const measureLink = (id: string, label: string) => <a href={`${p.base}/massnahmen/${id}`}>{label}</a>;
  const count = (n: number) => formatNumber('de', n);
  return (
    <>
      <section aria-labelledby="ueberfaellig">
        <h2 id="ueberfaellig" class="kern-heading-medium" tabindex={-1}>
          {t('attention.overdue.heading')} ({count(list.overdue.length)})
        </h2>
        {list.overdue.length ? (
          <DataTable
            caption={t('attention.overdue.caption')}
            headers={[t('measure.number'), t('attention.col.measure'), t('measure.lead'), t('measure.status'), t('attention.overdue.due'), t('attention.overdue.days')]}
          >
            {list.overdue.map((o) => (
              <tr data-measure={o.measure.id}>
                <td>{o.measure.number}</td>
                <th scope="row">{measureLink(o.measure.id, o.measure.title)}</th>
                <td>{o.measure.leadActorName ?? '–'}</td>
                <td>{t(`measure_status.${o.measure.status}`)}</td>
                <td>
                  {date(o.due)}
                  <br />
                  <span class="muted">
                    {o.basis === 'end_date' ? t('attention.overdue.basis_end') : t('attention.overdue.basis_horizon', { horizon: t(`horizon.${o.measure.horizon}`) })}
                  </span>
                </td>
                <td>{count(o.daysOverdue)}</td>
              </tr>
            ))}
          </DataTable>
        ) : (
          <p>{t('attention.overdue.none')}</p>
        )}
      </section>

      <section aria-labelledby="ohne-meldung">
        <h2 id="ohne-meldung" class="kern-heading-medium" tabindex={-1}>
          {t('attention.silent.heading_months', { count: list.silentAfterMonths })} ({count(list.silent.length)})
        </h2>
        {list.silent.length ? (
          <DataTable
            caption={t('attention.silent.caption', { count: list.silentAfterMonths })}
            headers={[t('measure.number'), t('attention.col.measure'), t('measure.lead'), t('measure.status'), t('attention.silent.last'), t('attention.silent.months')]}
          >
            {list.silent.map((s) => (
              <tr data-measure={s.measure.id}>
                <td>{s.measure.number}</td>
                <th scope="row">{measureLink(s.measure.id, s.measure.title)}</th>
                <td>{s.measure.leadActorName ?? '–'}</td>
                <td>{t(`measure_status.${s.measure.status}`)}</td>
                <td>{s.neverReported ? t('attention.silent.never', { date: date(s.since) }) : date(s.since)}</td>
                <td>{count(s.months)}</td>
              </tr>
            ))}
          </DataTable>
        ) : (
          <p>{t('attention.silent.none')}</p>
        )}
      </section>

    </>
  );
}

/**
 * Title, what the list is based on (`intro`; none without an adopted edition) and the summary: the
 * two measure sections' counts, then `children` (further summary lines).
 */
function Top(p: { t: T; list: Pick<AttentionList, 'overdue' | 'silent' | 'silentAfterMonths'>; intro: string | undefined; children?: Child }) {
  const { t, list } = p;
  const count = (n: number) => formatNumber('de', n);
  return (
    <>
      <h1 class="kern-heading-large">{t('attention.title')}</h1>
      {p.intro ? <p>{p.intro}</p> : <Alert variant="info" title={t('attention.no_edition')} />}
      <nav aria-labelledby="attention-summary">
        <h2 id="attention-summary" class="kern-heading-medium">
          {t('attention.summary_heading')}
        </h2>
        <ul data-list="summary">
          <li>
            <a href="#ueberfaellig">{t('attention.overdue.heading')}</a>: <span data-count="overdue">{count(list.overdue.length)}</span>
          </li>
          <li>
            <a href="#ohne-meldung">{t('attention.silent.heading_months', { count: list.silentAfterMonths })}</a>: <span data-count="silent">{count(list.silent.length)}</span>
          </li>
          {p.children}
        </ul>
      </nav>
    </>
  );
}

/** The list's rules as the page states them: the two measure sections', then `children` (further sections'). */
function Rules(p: { t: T; silentAfterMonths: number; ignoredStatuses: MeasureStatus[]; children?: Child }) {
  const { t } = p;
  return (
    <section aria-labelledby="regeln">
      <h2 id="regeln" class="kern-heading-medium">
        {t('attention.rules.heading')}
      </h2>
      <ul>
        <li>{t('attention.rules.overdue')}</li>
        <li>{t('attention.rules.horizon', { kurz: horizonYears.kurz, mittel: horizonYears.mittel, lang: horizonYears.lang })}</li>
        <li>{t('attention.rules.silent', { count: p.silentAfterMonths })}</li>
        {p.ignoredStatuses.length ? <li>{t('attention.rules.ignored', { statuses: p.ignoredStatuses.map((s) => `„${t(`measure_status.${s}`)}“`).join(', ') })}</li> : null}
        {p.children}
        <li>{t('attention.rules.sorting')}</li>
      </ul>
    </section>
  );
}

/**
 * The page for a member acting for an actor (Fachdienst/Redaktion, Partner): the measures that
 * actor leads which are overdue or silent — what her reminder lists, also where no mail is sent.
 */
export function ActorAttentionContent(p: { t: T; base: string; edition: Edition | undefined; list: AttentionList; ignoredStatuses: MeasureStatus[]; actorName: string }) {
  const { t, list } = p;
  return (
    <div class="stack">
      <Top t={t} list={list} intro={p.edition && t('attention.actor.intro', { actor: p.actorName, date: date(list.today), edition: p.edition.title })} />
      <MeasureSections t={t} base={p.base} list={list} />
      <p>{t('attention.actor.report_hint')}</p>
      <Rules t={t} silentAfterMonths={list.silentAfterMonths} ignoredStatuses={p.ignoredStatuses} />
    </div>
  );
}

/** Who is (or would be) reminded: shown in the app instead of e-mails when no SMTP server is configured. */
function Reminders(p: AttentionPageProps) {
  const { t } = p;
  return (
    <section aria-labelledby="erinnerungen">
      <h2 id="erinnerungen" class="kern-heading-medium">
        {t('attention.reminders.heading')}
      </h2>
      {!p.remindersEnabled ? (
        <p>{t('attention.reminders.off')}</p>
      ) : (
        <>
          <p>{p.smtpConfigured ? t('attention.reminders.by_mail', { count: reminderIntervalDays }) : t('attention.reminders.in_app')}</p>
          {p.recipients.length ? (
            <DataTable
              caption={t('attention.reminders.caption')}
              headers={[
                t('attention.reminders.person'),
                t('attention.reminders.for'),
                t('attention.overdue.heading'),
                t('attention.silent.heading_short'),
                ...(p.smtpConfigured ? [t('attention.reminders.last_sent')] : []),
              ]}
            >
              {p.recipients.map((r) => (
                <tr data-recipient={r.email}>
                  <th scope="row">
                    {r.name} <span class="muted">({r.email})</span>
                  </th>
                  <td>{r.role === 'koordination' ? t('attention.reminders.whole_list') : t('attention.reminders.actor_measures', { actor: r.actorName ?? '' })}</td>
                  <td>
                    <MeasureLinks base={p.base} items={r.content.overdue.map((o) => o.measure)} />
                  </td>
                  <td>
                    <MeasureLinks base={p.base} items={r.content.silent.map((s) => s.measure)} />
                  </td>
                  {p.smtpConfigured ? <td>{r.lastSentAt ? formatDateTime('de', r.lastSentAt) : t('attention.reminders.never_sent')}</td> : null}
                </tr>
              ))}
            </DataTable>
          ) : (
            <p>{t('attention.reminders.none')}</p>
          )}
        </>
      )}
    </section>
  );
}

/** A count, and for a few measures their numbers as links (the rest is in the lists above). */
function MeasureLinks(p: { base: string; items: { id: string; number: string; title: string }[] }) {
  if (p.items.length === 0) return <>0</>;
  const shown = p.items.slice(0, 5);
  return (
    <>
      {formatNumber('de', p.items.length)}:{' '}
      {shown.map((m, i) => (
        <>
          {i > 0 ? ', ' : ''}
          <a href={`${p.base}/massnahmen/${m.id}`} title={m.title}>
            {m.number}
          </a>
        </>
      ))}
      {p.items.length > shown.length ? ' …' : ''}
    </>
  );
}

function Settings(p: AttentionPageProps) {
  const { t } = p;
  const ticked = ['on', '1', 'true', 'ja', true].includes(p.settings.values.remindersEnabled as string | boolean);
  const labels = { silentAfterMonths: t('attention.settings.silent_months'), remindersEnabled: t('attention.settings.reminders') };
  return (
    <section aria-labelledby="einstellungen">
      <h2 id="einstellungen" class="kern-heading-medium">
        {t('attention.settings.heading')}
      </h2>
      {p.conflict ? <Alert variant="warning" title={t('attention.settings.conflict')} /> : null}
      <ErrorSummary t={t} errors={p.settings.errors} labels={labels} />
      <form method="post" action={`${p.base}/aufmerksamkeit/einstellungen`} class="stack" novalidate>
        <Csrf token={p.csrfToken} />
        <input type="hidden" name="version" value={String(p.settings.values.version ?? '')} />
        <TextField t={t} form={p.settings} name="silentAfterMonths" label={labels.silentAfterMonths} hint={t('attention.settings.silent_months_hint')} inputmode="numeric" required />
        <div class="kern-form-check">
          <input class="kern-form-check__checkbox" type="checkbox" id="f-remindersEnabled" name="remindersEnabled" value="on" checked={ticked} aria-describedby="f-remindersEnabled-hint" />
          <label class="kern-label" for="f-remindersEnabled">
            {labels.remindersEnabled}
          </label>
          <div class="kern-hint" id="f-remindersEnabled-hint">
            {t('attention.settings.reminders_hint', { count: reminderIntervalDays })}
            {p.smtpConfigured ? '' : ` ${t('attention.settings.reminders_hint_no_smtp')}`}
          </div>
        </div>
        <Button>{t('attention.settings.save')}</Button>
      </form>
    </section>
  );
}
