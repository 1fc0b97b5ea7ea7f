import type { Child } from 'hono/jsx';
import type { Lang, T } from '../../../platform/i18n/i18n.js';
import { Layout } from '../../../platform/ui/layout.js';
import type { PublicTenant } from '../data.js';

export type PortalSection = 'start' | 'concept' | 'progress' | 'indicators' | 'search' | null;

/**
 * Builds portal URLs. Every internal link carries `lang=en` while the visitor reads English, so
 * the language sticks without a cookie (and cached pages stay the same for everyone).
 */
export class PortalLinks {
  readonly base: string;
  constructor(
    readonly slug: string,
    readonly lang: Lang,
  ) {
    this.base = `/k/${encodeURIComponent(slug)}`;
  }

  private build(path: string, params: [string, string][] = [], hash?: string) {
    const q = new URLSearchParams(params);
    if (this.lang !== 'de') q.append('lang', this.lang);
    const s = q.toString();
    return `${path}${s ? `?${s}` : ''}${hash ? `#${hash}` : ''}`;
  }

  home = () => this.build(this.base);
  concept = (params: [string, string][] = [], hash?: string) => this.build(`${this.base}/konzept`, params, hash);
  field = (index: number) => this.concept([], fieldAnchor(index));
  goal = (number: string) => this.concept([], goalAnchor(number));
  measure = (number: string) => this.build(`${this.base}/massnahmen/${encodeURIComponent(number)}`);
  search = (q?: string) => this.build(`${this.base}/suche`, q ? [['q', q]] : []);
  progress = () => this.build(`${this.base}/umsetzung`);
  indicators = () => this.build(`${this.base}/indikatoren`);
}

export const fieldAnchor = (index: number) => `themenfeld-${index}`;
export const crossCuttingAnchor = (index: number) => `querschnittsthema-${index}`;
export const goalAnchor = (number: string) => `ziel-${number.replace(/[^A-Za-z0-9]+/g, '-')}`;

/** User-written content is German: mark it so when the page around it is English (WCAG 3.1.2). */
export const contentLang = (lang: Lang): 'de' | undefined => (lang === 'de' ? undefined : 'de');

/** The same page in the other language: the current query string with `lang` swapped. */
function languageLinks(t: T, lang: Lang, url: string) {
  const u = new URL(url);
  u.searchParams.delete('lang');
  const target: Lang = lang === 'de' ? 'en' : 'de';
  if (target !== 'de') u.searchParams.append('lang', target);
  const s = u.searchParams.toString();
  return [{ lang: target, href: `${u.pathname}${s ? `?${s}` : ''}`, label: t(`portal.language.${target}`) }];
}

export interface PortalPageProps {
  t: T;
  lang: Lang;
  /** The request URL, for the language switch. */
  url: string;
  tenant: PublicTenant;
  title: string;
  section: PortalSection;
  children: Child;
}

/**
 * The frame of every portal page. It never renders anything about the visitor (no user name,
 * no sign-out form, no CSRF token): the page is the same for everyone, which is what makes
 * caching it safe.
 */
export function PortalPage(p: PortalPageProps) {
  const { t, lang } = p;
  const links = new PortalLinks(p.tenant.slug, lang);
  const nav = [
    { href: links.home(), label: t('portal.nav.start'), current: p.section === 'start' },
    { href: links.concept(), label: t('portal.nav.concept'), current: p.section === 'concept' },
    { href: links.progress(), label: t('portal.nav.progress'), current: p.section === 'progress' },
    { href: links.indicators(), label: t('portal.nav.indicators'), current: p.section === 'indicators' },
    { href: links.search(), label: t('portal.nav.search'), current: p.section === 'search' },
  ];
  return (
    <Layout t={t} lang={lang} title={p.title} siteName={p.tenant.name} siteHref={links.home()} nav={nav} languageLinks={languageLinks(t, lang, p.url)}>
      {p.tenant.isDemo ? <DemoNote t={t} /> : null}
      {p.children}
    </Layout>
  );
}

export function DemoNote(p: { t: T }) {
  return (
    <div class="kern-alert kern-alert--warning portal-demo" role="note" aria-labelledby="portal-demo-title">
      <div class="kern-alert__header">
        <span class="kern-icon kern-icon--warning" aria-hidden="true"></span>
        <strong class="kern-title" id="portal-demo-title">
          {p.t('portal.demo.title')}
        </strong>
      </div>
      <div class="kern-alert__body">
        <p class="kern-body">{p.t('portal.demo.text')}</p>
      </div>
    </div>
  );
}
