import type { Child } from 'hono/jsx';
import type { CurrentUser } from '../auth/current-user.js';
import type { Lang, T } from '../i18n/i18n.js';
import { dirOf } from '../i18n/languages.js';
import { Alert } from './components.js';

export interface NavLink {
  href: string;
  label: string;
  current?: boolean;
  /** The label's language where it differs from the page's (a German-only page's link). */
  lang?: string;
  dir?: 'ltr' | 'rtl';
  /** A decorative sign before the label. */
  icon?: Child;
}

export interface LayoutProps {
  t: T;
  lang: Lang;
  title: string;
  /** The name shown beside the logo: "ikon" internally, the Kommune on its portal. */
  siteName: string;
  siteHref: string;
  nav?: NavLink[];
  /** A navigation of its own in place of `nav` (the internal pages' grouped one, `app-nav.tsx`). */
  menu?: Child;
  user?: CurrentUser | null;
  csrfToken?: string;
  /**
   * The same page in every language (portal only): the language switch and the hreflang
   * alternates in the head (made absolute with `origin`).
   */
  languageLinks?: { lang: Lang; href: string; label: string }[];
  origin?: string;
  flash?: string | undefined;
  /** Open Graph tags of a public page (shared links show title, description, site). */
  openGraph?: { url: string; description: string; locale: string; siteName: string };
  /** Links in the footer (portal: Impressum, Datenschutz, Barrierefreiheit, Kontakt). */
  footerLinks?: NavLink[];
  /** The Kommune's colour stylesheet and logo on its public site (platform/tenancy/brand.ts). */
  brand?: { stylesheet?: string; logo?: string };
  children: Child;
}

/** The page frame every page uses: skip link, header, navigation, main landmark, footer. */
export function Layout(p: LayoutProps) {
  return (
    <html lang={p.lang} dir={dirOf(p.lang)}>
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>{`${p.title} – ${p.siteName}`}</title>
        <link rel="icon" href="/favicon.ico" sizes="32x32" />
        <link rel="icon" href="/assets/favicon.svg" type="image/svg+xml" />
        <link rel="apple-touch-icon" href="/assets/apple-touch-icon.png" />
        {p.openGraph ? (
          <>
            <meta name="description" content={p.openGraph.description} />
            <meta property="og:type" content="website" />
            <meta property="og:title" content={p.title} />
            <meta property="og:description" content={p.openGraph.description} />
            <meta property="og:site_name" content={p.openGraph.siteName} />
            <meta property="og:url" content={p.openGraph.url} />
            <meta property="og:locale" content={p.openGraph.locale} />
            <meta property="og:image" content={`${new URL(p.openGraph.url).origin}/assets/apple-touch-icon.png`} />
          </>
        ) : null}
        <link rel="stylesheet" href="/assets/kern/kern.min.css" />
        <link rel="stylesheet" href="/assets/kern/fonts/fira-sans.css" />
        <link rel="stylesheet" href="/assets/fonts.css" />
        <link rel="stylesheet" href="/assets/app.css" />
        {dirOf(p.lang) === 'rtl' ? <link rel="stylesheet" href="/assets/rtl.css" /> : null}
        {p.brand?.stylesheet ? <link rel="stylesheet" href={p.brand.stylesheet} /> : null}
        {p.languageLinks?.map((l) => (
          <link rel="alternate" hreflang={l.lang} href={`${p.origin ?? ''}${l.href}`} />
        ))}
        {p.languageLinks?.filter((l) => l.lang === 'de').map((l) => (
          <link rel="alternate" hreflang="x-default" href={`${p.origin ?? ''}${l.href}`} />
        ))}
        <link rel="stylesheet" href="/assets/print.css" media="print" />
        <script src="/assets/choice-filter.js" defer></script>
        {p.menu ? <script src="/assets/app-nav.js" defer></script> : null}
        {/* Editors' pages only: the readability figure under public texts (platform/ui/readability.tsx). */}
        {p.user ? <script type="module" src="/assets/readability.js"></script> : null}
      </head>
      <body>
        <a class="skip-link" href="#main">
          {p.t('layout.skip_to_content')}
        </a>
        <header class="site-header">
          <div class="kern-container site-header__bar">
            <a class="site-header__name" href={p.siteHref}>
              {/* The name beside it says what the link is: the logo is decorative here. */}
              {p.brand?.logo ? <img class="site-header__logo" src={p.brand.logo} alt="" /> : null}
              {p.siteName}
            </a>
            <div class="site-header__tools">
              {p.languageLinks ? (
                <nav class="site-languages" aria-label={p.t('portal.language.label')}>
                  <ul>
                    {p.languageLinks.map((l) => (
                      <li>
                        <a class="kern-link" href={l.href} lang={l.lang} dir={dirOf(l.lang)} hreflang={l.lang} aria-current={l.lang === p.lang ? 'true' : undefined}>
                          {l.label}
                        </a>
                      </li>
                    ))}
                  </ul>
                </nav>
              ) : null}
              {p.user ? (
                <form method="post" action="/abmelden" class="inline-form">
                  <input type="hidden" name="_csrf" value={p.csrfToken} />
                  <span class="site-header__user">{p.user.name}</span>{' '}
                  <button type="submit" class="kern-btn kern-btn--tertiary kern-btn--x-small">
                    <span class="kern-label">{p.t('auth.sign_out')}</span>
                  </button>
                </form>
              ) : null}
            </div>
          </div>
          {p.menu ?? (p.nav && p.nav.length > 0 ? (
            <nav class="kern-container site-nav" aria-label={p.t('layout.main_navigation')}>
              <ul>
                {p.nav.map((n) => (
                  <li>
                    <a href={n.href} aria-current={n.current ? 'page' : undefined} lang={n.lang} dir={n.dir} class={n.icon ? 'site-link--icon' : undefined}>
                      {n.icon}
                      {n.label}
                    </a>
                  </li>
                ))}
              </ul>
            </nav>
          ) : null)}
        </header>
        <main id="main" class="kern-container site-main" tabindex={-1}>
          {p.flash ? <Alert variant="success" title={p.flash} /> : null}
          {p.children}
        </main>
        <footer class="site-footer">
          <div class="kern-container">
            {p.footerLinks && p.footerLinks.length > 0 ? (
              <nav class="site-footer__nav" aria-label={p.t('layout.footer_navigation')}>
                <ul>
                  {p.footerLinks.map((n) => (
                    <li>
                      <a class={n.icon ? 'kern-link site-link--icon' : 'kern-link'} href={n.href} aria-current={n.current ? 'page' : undefined} lang={n.lang} dir={n.dir}>
                        {n.icon}
                        {n.label}
                      </a>
                    </li>
                  ))}
                </ul>
              </nav>
            ) : null}
            <p>{p.t('layout.footer')}</p>
          </div>
        </footer>
      </body>
    </html>
  );
}
