import type { Child } from 'hono/jsx';
import type { Lang, T } from '../i18n/i18n.js';
import { languageNames, languages } from '../i18n/languages.js';
import { translator } from '../i18n/i18n.js';
import { Layout, type NavLink } from './layout.js';
import { brandLinks } from '../tenancy/brand.js';
import type { PublicTenant } from '../tenancy/service.js';

/** An entry of the public site's navigation, declared by the module that publishes the page. */
export interface PublicNavEntry {
  /** Pages pass this as their `section` to mark the entry as current. */
  section: string;
  /** Below `/k/:slug`; '' is the start page. */
  path: string;
  /** Message key of the link text (public catalogs have English too). */
  label: string;
  /** Place in the navigation, smallest first. */
  order: number;
  /**
   * A page only in German (Leichte Sprache): linked without `lang`, its label German (lang="de")
   * on every page, listed in the sitemap without language versions.
   */
  germanOnly?: boolean;
  /** A sign shown before the label (decorative: the label says it). */
  icon?: () => Child;
}

let publicNav: PublicNavEntry[] = [];

let publicFooter: PublicNavEntry[] = [];

/** The modules' footer links of the public site (Pflichtseiten), set where the application is composed. */
export function usePublicFooter(entries: PublicNavEntry[]): void {
  publicFooter = [...entries].sort((a, b) => a.order - b.order);
}

/** The modules' public navigation entries (from their manifests), set where the application is composed. */
export function usePublicNav(entries: PublicNavEntry[]): void {
  publicNav = [...entries].sort((a, b) => a.order - b.order);
}

let publicOrigin: string | undefined;

/**
 * Where visitors reach ikon (PUBLIC_URL): the hreflang alternates are absolute URLs, and behind
 * a proxy the request's own origin may be an internal one. Set where the application is composed.
 */
export function usePublicOrigin(url: string | undefined): void {
  publicOrigin = url ? new URL(url).origin : undefined;
}

/**
 * Builds portal URLs. Every internal link carries `lang=…` while the visitor reads another language than German, so
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

  build(path: string, params: [string, string][] = [], hash?: string) {
    const q = new URLSearchParams(params);
    if (this.lang !== 'de') q.append('lang', this.lang);
    const s = q.toString();
    return `${path}${s ? `?${s}` : ''}${hash ? `#${hash}` : ''}`;
  }

  home = () => this.build(this.base);
  concept = (params: [string, string][] = [], hash?: string) => this.build(`${this.base}/konzept`, params, hash);
  /** The adopted concept as PDF: one German document for every language, so no `lang`. */
  conceptPdf = () => `${this.base}/konzept.pdf`;
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

/**
 * User-written content is German (until it is translated): on a page in another language it is
 * marked so, with its own direction inside right-to-left pages (WCAG 3.1.2). Spread it on the
 * element: `<h2 {...de}>`.
 */
export const germanContent = (lang: Lang): { lang?: 'de'; dir?: 'ltr' } => (lang === 'de' ? {} : { lang: 'de', dir: 'ltr' });

/** A public URL in another language: the path and query string with `lang` swapped (German has none). */
export function inLanguage(url: string, target: Lang): string {
  const u = new URL(url);
  u.searchParams.delete('lang');
  if (target !== 'de') u.searchParams.append('lang', target);
  const s = u.searchParams.toString();
  return `${u.pathname}${s ? `?${s}` : ''}`;
}

/** Open Graph locales are language_TERRITORY. */
const ogLocale = (lang: Lang) => ({ de: 'de_DE', en: 'en_GB', ar: 'ar_AR', uk: 'uk_UA', ru: 'ru_RU', tr: 'tr_TR', fa: 'fa_IR' })[lang] ?? 'de_DE';

/** Every public page of a Kommune that the navigation and the footer name (paths below /k/:slug), for the sitemap: in every language … */
export const publicPagePaths = () => [...new Set([...publicNav, ...publicFooter].filter((e) => !e.germanOnly).map((e) => e.path))];
/** … and in German only. */
export const germanOnlyPagePaths = () => [...new Set([...publicNav, ...publicFooter].filter((e) => e.germanOnly).map((e) => e.path))];

/** The same page in every language, for the language switch and the hreflang alternates. */
export const languageVersions = (url: string) => languages.map((l) => ({ lang: l, href: inLanguage(url, l), label: languageNames[l] }));

export interface PortalPageProps {
  t: T;
  lang: Lang;
  /** The request URL, for the language switch. */
  url: string;
  tenant: PublicTenant;
  title: string;
  /** The navigation entry to mark as current (see PublicNavEntry). */
  section: string;
  /** What the page is about, for search results and shared links (a general sentence otherwise). */
  description?: string;
  /** Some of the page's content is shown translated (the note at the top says which texts are German). */
  translated?: boolean;
  /** A page that exists only in German (Leichte Sprache): no language switch, no alternates. */
  germanOnly?: boolean;
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
  const german = lang === 'de' ? t : translator('de');
  const linkOf = (e: PublicNavEntry): NavLink =>
    e.germanOnly
      ? { href: `${links.base}${e.path}`, label: german(e.label), current: p.section === e.section, icon: e.icon?.(), ...germanContent(lang) }
      : { href: links.build(`${links.base}${e.path}`), label: t(e.label), current: p.section === e.section, icon: e.icon?.() };
  const nav = publicNav.map(linkOf);
  const origin = publicOrigin ?? new URL(p.url).origin;
  const footerLinks = publicFooter.map(linkOf);
  return (
    <Layout t={t} lang={lang} title={p.title} siteName={p.tenant.name} siteHref={links.home()} nav={nav} languageLinks={p.germanOnly ? undefined : languageVersions(p.url)} footerLinks={footerLinks} brand={brandLinks(p.tenant)} origin={origin} openGraph={{ url: `${origin}${inLanguage(p.url, lang)}`, description: p.description ?? t('layout.og_description', { tenant: p.tenant.name }), locale: ogLocale(lang), siteName: p.tenant.name }}>
      {p.tenant.isDemo ? <DemoNote t={t} /> : null}
      {lang === 'de' ? null : <GermanContentNote t={t} translated={p.translated} />}
      {p.children}
    </Layout>
  );
}

/** Said once, near the top of every page in another language: the content itself is German. */
export function GermanContentNote(p: { t: T; translated?: boolean | undefined }) {
  return (
    <p class="kern-body portal-content-note" role="note">
      <span class="kern-icon kern-icon--info" aria-hidden="true"></span> {p.t(p.translated ? 'portal.content_partly_translated' : 'portal.content_german')}
    </p>
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

/** "Noch kein Integrationskonzept veröffentlicht" — a normal page (200), not an error. */
export function NoConcept(p: { t: T; heading: 'h1' | 'h2' }) {
  const title = p.t('portal.no_concept.title');
  return (
    <div class="portal-no-concept">
      {p.heading === 'h1' ? <h1 class="kern-heading-x-large">{title}</h1> : <h2 class="kern-heading-large">{title}</h2>}
      <p class="kern-body">{p.t('portal.no_concept.text')}</p>
    </div>
  );
}

/** Paragraphs of user-written text: blank lines separate paragraphs. */
export function Paragraphs(p: { text: string; lang?: string | undefined; dir?: string | undefined }) {
  const parts = p.text.split(/\n\s*\n/).map((s) => s.trim()).filter(Boolean);
  return (
    <>
      {parts.map((s) => (
        <p class="kern-body portal-text" lang={p.lang} dir={p.dir}>{s}</p>
      ))}
    </>
  );
}
