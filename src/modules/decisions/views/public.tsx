import type { T } from '../../../platform/i18n/i18n.js';
import { formatDate, formatNumber, type Lang } from '../../../platform/i18n/i18n.js';
import type { PublicTenant } from '../../../platform/tenancy/service.js';
import { DataTable } from '../../../platform/ui/components.js';
import { germanContent, Paragraphs, PortalLinks, PortalPage } from '../../../platform/ui/public-page.js';
import { StatusBadge } from '../../measures/index.js';
import { factSegments } from '../figures.js';
import type { PublicDecisionPage, PublicDecisionSummary } from '../present.js';
import type { ConsultationResult, FrozenFigure } from '../schema.js';
import type { MeasureStatus } from '../../measures/schema.js';

export const decisionsPath = '/beschluesse';
const decisionHref = (links: PortalLinks, paperId: string) => links.build(`${links.base}${decisionsPath}/${paperId}`);

/** "PDF" from "vorlage-2024-FD91-457.pdf". */
const fileFormat = (fileName: string) => (/\.([A-Za-z0-9]+)$/.exec(fileName)?.[1] ?? '').toUpperCase();

/** "einstimmig beschlossen am 16.12.2024" */
export function decidedText(t: T, lang: Lang, d: Pick<PublicDecisionSummary, 'result' | 'unanimous' | 'decidedOn'>) {
  const changed = d.result === 'geaendert_beschlossen';
  const key = changed ? (d.unanimous ? 'decisions.public.adopted_changed_unanimous' : 'decisions.public.adopted_changed') : d.unanimous ? 'decisions.public.adopted_unanimous' : 'decisions.public.adopted';
  return t(key, { date: formatDate(lang, d.decidedOn) });
}

const votesText = (t: T, v: PublicDecisionSummary['votes'], unanimous: boolean) =>
  unanimous ? '' : v.yes != null || v.no != null || v.abstain != null ? t('decisions.public.votes', { yes: v.yes ?? 0, no: v.no ?? 0, abstain: v.abstain ?? 0 }) : '';

const resultLabel = (t: T, result: ConsultationResult | null, unanimous: boolean, votes: PublicDecisionSummary['votes']) => {
  if (!result) return t('decisions.public.pending');
  const v = unanimous ? t('decisions.public.unanimous') : votesText(t, votes, false);
  return v ? `${t(`decisions.public.result.${result}`)} (${v})` : t(`decisions.public.result.${result}`);
};

/** /k/:slug/beschluesse: the adopted decisions of public papers, newest first. */
export function DecisionsPage(p: { t: T; lang: Lang; url: string; tenant: PublicTenant; decisions: PublicDecisionSummary[] }) {
  const { t, lang } = p;
  const links = new PortalLinks(p.tenant.slug, lang);
  const de = germanContent(lang);
  return (
    <PortalPage t={t} lang={lang} url={p.url} tenant={p.tenant} title={t('decisions.public.title')} section="decisions" description={t('decisions.public.intro', { tenant: p.tenant.name })}>
      <h1 class="kern-heading-x-large">{t('decisions.public.title')}</h1>
      <p class="kern-body">{t('decisions.public.intro', { tenant: p.tenant.name })}</p>
      {p.decisions.length ? (
        <ul class="kern-list portal-decisions">
          {p.decisions.map((d) => (
            <li class="portal-result" data-paper={d.paperId}>
              <h2 class="kern-heading-small">
                <a class="kern-link" href={decisionHref(links, d.paperId)} {...de}>
                  {d.subject}
                </a>
              </h2>
              <p class="kern-body">
                {decidedText(t, lang, d)} · <span {...de}>{d.body}</span> · {t('decisions.public.number', { number: d.number })}
              </p>
            </li>
          ))}
        </ul>
      ) : (
        <p class="kern-body">{t('decisions.public.none')}</p>
      )}
    </PortalPage>
  );
}

function FactsWithFigures(p: { t: T; lang: Lang; text: string; figures: Record<string, FrozenFigure> }) {
  const de = germanContent(p.lang);
  const paragraphs = p.text.split(/\n\s*\n/).map((s) => s.trim()).filter(Boolean);
  const used = [...new Set(factSegments(p.text, p.figures).flatMap((s) => ('key' in s && s.figure ? [s.key] : [])))];
  return (
    <>
      {paragraphs.map((para) => (
        <p class="kern-body portal-text" {...de}>
          {factSegments(para, p.figures).map((s) => ('text' in s ? s.text : s.figure ? <strong>{s.figure.value}</strong> : ''))}
        </p>
      ))}
      {used.length ? (
        <>
          <p class="kern-body">{p.t('decisions.public.sources')}</p>
          <ul class="kern-list">
            {used.map((k) => {
              const f = p.figures[k]!;
              return (
                <li>
                  <strong>{f.value}</strong>: <span {...de}>{f.source}</span>
                  {f.asOf ? `, ${p.t('decisions.public.as_of', { date: formatDate(p.lang, f.asOf) })}` : ''}
                </li>
              );
            })}
          </ul>
        </>
      ) : null}
    </>
  );
}

/** /k/:slug/beschluesse/:id: one decision with its Beratungsfolge and the Beschlusskontrolle. */
export function DecisionPage(p: { t: T; lang: Lang; url: string; tenant: PublicTenant; d: PublicDecisionPage }) {
  const { t, lang, d } = p;
  const links = new PortalLinks(p.tenant.slug, lang);
  const de = germanContent(lang);
  const done = d.measures.filter((m) => m.status === 'umgesetzt' || m.status === 'verstetigt').length;
  return (
    <PortalPage t={t} lang={lang} url={p.url} tenant={p.tenant} title={d.subject} section="decisions">
      <p class="kern-body">
        <a class="kern-link" href={links.build(`${links.base}${decisionsPath}`)}>
          {t('decisions.public.back')}
        </a>
      </p>
      <div class="kern-hgroup portal-hgroup">
        <h1 class="kern-heading-x-large" {...de}>
          {d.subject}
        </h1>
        <p class="kern-subline">
          {decidedText(t, lang, d)} · <span {...de}>{d.body}</span> · {t('decisions.public.number', { number: d.number })}
        </p>
      </div>

      <section class="portal-section" aria-labelledby="beratungsfolge">
        <h2 class="kern-heading-medium" id="beratungsfolge">
          {t('decisions.public.consultations')}
        </h2>
        <DataTable caption={t('decisions.public.consultations_caption', { number: d.number })} headers={[t('decisions.public.body'), t('decisions.public.date'), t('decisions.public.result_heading')]}>
          {d.steps.map((s) => (
            <tr>
              <th scope="row" {...de}>
                {s.body}
              </th>
              <td>{formatDate(lang, s.date)}</td>
              <td>{resultLabel(t, s.result, s.unanimous, s.votes)}</td>
            </tr>
          ))}
        </DataTable>
      </section>

      <section class="portal-section" aria-labelledby="beschluss">
        <h2 class="kern-heading-medium" id="beschluss">
          {t(d.decisionText ? 'decisions.public.decision_text' : 'decisions.public.proposal')}
        </h2>
        <Paragraphs text={d.decisionText || d.proposal} {...de} />
      </section>

      {d.facts ? (
        <section class="portal-section" aria-labelledby="sachverhalt">
          <h2 class="kern-heading-medium" id="sachverhalt">
            {t('decisions.public.facts')}
          </h2>
          <FactsWithFigures t={t} lang={lang} text={d.facts} figures={d.figures} />
        </section>
      ) : null}

      <section class="portal-section" aria-labelledby="finanzen">
        <h2 class="kern-heading-medium" id="finanzen">
          {t('decisions.public.financial')}
        </h2>
        <p class="kern-body">
          {t(d.hasFinancialEffects ? 'decisions.public.financial_yes' : 'decisions.public.financial_no')}
          {d.financialAmount != null ? ` ${t('decisions.public.amount', { amount: formatNumber(lang, Number(d.financialAmount)) })}` : ''}
        </p>
        {d.financialText ? <Paragraphs text={d.financialText} {...de} /> : null}
        <h2 class="kern-heading-medium" id="klima">
          {t('decisions.public.climate')}
        </h2>
        <p class="kern-body">{t(d.climateImpact ? `decisions.public.climate.${d.climateImpact}` : 'decisions.public.climate.unknown')}</p>
        {d.climateText ? <Paragraphs text={d.climateText} {...de} /> : null}
      </section>

      {d.files.length || d.edition ? (
        <section class="portal-section" aria-labelledby="dokumente">
          <h2 class="kern-heading-medium" id="dokumente">
            {t('decisions.public.documents')}
          </h2>
          {d.files.length ? (
            <ul class="kern-list">
              {d.files.map((f) => (
                <li>
                  <a class="kern-link" href={links.build(`${links.base}${decisionsPath}/${d.paperId}/dateien/${f.id}`)} download={f.fileName}>
                    <span {...de}>{f.name}</span>
                  </a>{' '}
                  ({t('decisions.public.file_size', { format: fileFormat(f.fileName), size: formatNumber(lang, Math.max(1, Math.round(f.size / 1024))) })})
                </li>
              ))}
            </ul>
          ) : null}
          {d.edition?.current ? (
            <p class="kern-body">
              {t('decisions.public.concept_online')}{' '}
              <a class="kern-link" href={links.concept()} {...de}>
                {d.edition.title}
              </a>
            </p>
          ) : null}
        </section>
      ) : null}

      <section class="portal-section" aria-labelledby="beschlusskontrolle">
        <h2 class="kern-heading-medium" id="beschlusskontrolle">
          {t('decisions.public.control')}
        </h2>
        {d.measures.length ? (
          <>
            <p class="kern-body">{t('decisions.public.control_summary', { count: d.measures.length, done })}</p>
            <DataTable caption={t('decisions.public.control_caption')} headers={[t('decisions.public.measure'), t('decisions.public.status'), t('decisions.public.progress')]}>
              {d.measures.map((m) => (
                <tr>
                  <th scope="row" {...de}>
                    {m.current ? (
                      <a class="kern-link" href={links.measure(m.number)}>
                        {m.number} {m.title}
                      </a>
                    ) : (
                      `${m.number} ${m.title}`
                    )}
                  </th>
                  <td>
                    <StatusBadge t={t} status={m.status as MeasureStatus} />
                  </td>
                  <td>{m.progress == null ? t('decisions.public.no_progress') : `${formatNumber(lang, m.progress)} %`}</td>
                </tr>
              ))}
            </DataTable>
          </>
        ) : (
          <p class="kern-body">{t('decisions.public.no_measures')}</p>
        )}
      </section>
    </PortalPage>
  );
}

/** The line of the concept page that names the decision adopting the edition. */
export function AdoptedByNote(p: { t: T; lang: Lang; slug: string; d: PublicDecisionSummary }) {
  const links = new PortalLinks(p.slug, p.lang);
  return (
    <p class="kern-body portal-adopted-by">
      {decidedText(p.t, p.lang, p.d)} · <span {...germanContent(p.lang)}>{p.d.body}</span> ·{' '}
      <a class="kern-link" href={decisionHref(links, p.d.paperId)}>
        {p.t('decisions.public.number', { number: p.d.number })}
      </a>
    </p>
  );
}
