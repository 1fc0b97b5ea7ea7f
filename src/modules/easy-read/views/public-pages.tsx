import type { Child } from 'hono/jsx';
import type { T } from '../../../platform/i18n/i18n.js';
import type { PublicTenant } from '../../../platform/tenancy/service.js';
import { PortalPage } from '../../../platform/ui/public-page.js';
import { EasyReadIcon } from './icon.js';

/** Below /k/:slug: the Leichte-Sprache start page and its fixed pages, each with the page in standard German it explains. */
export const easyReadPath = '/leichte-sprache';
export const easyReadPages = {
  hilfe: { titleKey: 'easy_read.help.title', standardPath: '' },
  impressum: { titleKey: 'easy_read.imprint.title', standardPath: '/impressum' },
  datenschutz: { titleKey: 'easy_read.privacy.title', standardPath: '/datenschutz' },
  barrierefreiheit: { titleKey: 'easy_read.accessibility.title', standardPath: '/barrierefreiheit' },
} as const;
export type EasyReadPage = keyof typeof easyReadPages;

/** A text in Leichte Sprache: each sentence on its own line (the catalogs write "\n" between them). */
export function Lines(p: { text: string }) {
  return (
    <div class="easy-read-lines">
      {p.text.split('\n').filter((line) => line.trim()).map((line) => (
        <p class="kern-body">{line}</p>
      ))}
    </div>
  );
}

function EasyFrame(p: { t: T; url: string; tenant: PublicTenant; title: string; children: Child }) {
  return (
    <PortalPage t={p.t} lang="de" url={p.url} tenant={p.tenant} title={p.title} section="easy_read" germanOnly>
      <div class="easy-read">{p.children}</div>
    </PortalPage>
  );
}

const base = (tenant: PublicTenant) => `/k/${encodeURIComponent(tenant.slug)}`;

export function EasyReadStart(p: { t: T; url: string; tenant: PublicTenant; data: { summary: string; fields: { title: string; text: string }[] } | null }) {
  const { t, tenant, data } = p;
  const name = { tenant: tenant.name };
  return (
    <EasyFrame t={t} url={p.url} tenant={tenant} title={t('easy_read.page.title')}>
      <h1 class="kern-heading-x-large easy-read__title">
        <EasyReadIcon size={48} /> {t('easy_read.page.title')}
      </h1>
      <Lines text={t('easy_read.page.welcome', name)} />
      <h2 class="kern-heading-large">{t('easy_read.page.what_heading')}</h2>
      <Lines text={t('easy_read.page.what', name)} />
      <Lines text={t('easy_read.page.what_more')} />
      {data ? (
        <>
          <section aria-labelledby="ls-summary">
            <h2 class="kern-heading-large" id="ls-summary">{t('easy_read.page.summary_heading')}</h2>
            <Lines text={data.summary || t('easy_read.page.summary_missing')} />
          </section>
          {data.fields.length ? (
            <section aria-labelledby="ls-fields">
              <h2 class="kern-heading-large" id="ls-fields">{t('easy_read.page.fields_heading')}</h2>
              {data.fields.map((f) => (
                <>
                  <h3 class="kern-heading-medium">{f.title}</h3>
                  <Lines text={f.text} />
                </>
              ))}
            </section>
          ) : null}
        </>
      ) : (
        <Lines text={t('easy_read.page.no_concept')} />
      )}
      <section aria-labelledby="ls-more">
        <h2 class="kern-heading-large" id="ls-more">{t('easy_read.page.more_heading')}</h2>
        <ul class="kern-list easy-read__more">
          {(Object.keys(easyReadPages) as EasyReadPage[]).map((page) => (
            <li>
              <a class="kern-link" href={`${base(tenant)}${easyReadPath}/${page}`}>{t(easyReadPages[page].titleKey)}</a>
            </li>
          ))}
        </ul>
      </section>
      {data ? (
        <section aria-labelledby="ls-standard">
          <h2 class="kern-heading-large" id="ls-standard">{t('easy_read.page.standard_heading')}</h2>
          <Lines text={t('easy_read.page.standard')} />
          <p class="kern-body">
            <a class="kern-link" href={`${base(tenant)}/konzept`}>{t('easy_read.page.standard_link')}</a>
          </p>
        </section>
      ) : null}
    </EasyFrame>
  );
}

/** The parts of each fixed page: [heading key or null, text key] in order. */
const pageParts: Record<EasyReadPage, [string | null, string][]> = {
  hilfe: [
    ['easy_read.help.menu_heading', 'easy_read.help.menu'],
    ['easy_read.help.search_heading', 'easy_read.help.search'],
    ['easy_read.help.language_heading', 'easy_read.help.language'],
    ['easy_read.help.bigger_heading', 'easy_read.help.bigger'],
    ['easy_read.help.keyboard_heading', 'easy_read.help.keyboard'],
    ['easy_read.help.print_heading', 'easy_read.help.print'],
  ],
  impressum: [
    [null, 'easy_read.imprint.text'],
    [null, 'easy_read.imprint.more'],
    [null, 'easy_read.imprint.contact'],
  ],
  datenschutz: [
    [null, 'easy_read.privacy.text'],
    [null, 'easy_read.privacy.reading'],
    [null, 'easy_read.privacy.writing'],
    [null, 'easy_read.privacy.rights'],
    [null, 'easy_read.privacy.more'],
  ],
  barrierefreiheit: [
    [null, 'easy_read.accessibility.text'],
    [null, 'easy_read.accessibility.law'],
    [null, 'easy_read.accessibility.limits'],
    [null, 'easy_read.accessibility.feedback'],
    [null, 'easy_read.accessibility.mediation'],
  ],
};

export function EasyReadFixedPage(p: { t: T; url: string; tenant: PublicTenant; page: EasyReadPage }) {
  const { t, tenant } = p;
  const page = easyReadPages[p.page];
  const name = { tenant: tenant.name };
  return (
    <EasyFrame t={t} url={p.url} tenant={tenant} title={t(page.titleKey)}>
      <p class="kern-body">
        <a class="kern-link easy-read__back" href={`${base(tenant)}${easyReadPath}`}>
          <EasyReadIcon /> {t('easy_read.page.back')}
        </a>
      </p>
      <h1 class="kern-heading-x-large">{t(page.titleKey)}</h1>
      {pageParts[p.page].map(([heading, text]) => (
        <>
          {heading ? <h2 class="kern-heading-medium">{t(heading)}</h2> : null}
          <Lines text={t(text, name)} />
        </>
      ))}
      {p.page === 'impressum' ? (
        <p class="kern-body">
          <a class="kern-link" href={`${base(tenant)}/kontakt`}>{t('easy_read.imprint.contact_link')}</a>
        </p>
      ) : null}
      {p.page === 'barrierefreiheit' ? (
        <p class="kern-body">
          <a class="kern-link" href={`${base(tenant)}/barrierefreiheit`}>{t('easy_read.accessibility.form_link')}</a>
        </p>
      ) : page.standardPath ? (
        <p class="kern-body">
          <a class="kern-link" href={`${base(tenant)}${page.standardPath}`}>{t('easy_read.page.hard_link')}</a>
        </p>
      ) : null}
    </EasyFrame>
  );
}
