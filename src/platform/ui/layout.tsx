import type { Child } from 'hono/jsx';
import type { Db } from '../../db/client.js';
import type { CurrentUser } from '../auth/current-user.js';
import type { Lang, T } from '../i18n/i18n.js';
import { Alert } from './components.js';

export interface NavLink {
  href: string;
  label: string;
  current?: boolean;
}

/** An entry of the internal navigation of a Kommune (`/app/k/:slug…`), shown by the platform's frame. */
export interface AppNavEntry {
  /** Pages pass this as their `section` to mark the entry as current. */
  section: string;
  /** Below `/app/k/:slug`; '' is the Kommune's overview. */
  path: string;
  /** Message key of the link text. */
  label: string;
  /** Shown to Koordination (and platform admins) only. */
  coordinatorOnly?: boolean;
  /** Place in the navigation, smallest first. */
  order: number;
  /**
   * Something waiting there (e.g. reports to review): shown after the label, "Prüfung (3)", when
   * above zero. Asked only when the entry is shown to the person.
   */
  count?: (db: Db, tenantId: string) => Promise<number>;
}

export interface LayoutProps {
  t: T;
  lang: Lang;
  title: string;
  /** The name shown beside the logo: "ikon" internally, the Kommune on its portal. */
  siteName: string;
  siteHref: string;
  nav?: NavLink[];
  user?: CurrentUser | null;
  csrfToken?: string;
  /** Links to the same page in the other languages (portal only). */
  languageLinks?: { lang: Lang; href: string; label: string }[];
  flash?: string | undefined;
  children: Child;
}

/** The page frame every page uses: skip link, header, navigation, main landmark, footer. */
export function Layout(p: LayoutProps) {
  return (
    <html lang={p.lang} dir="ltr">
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>{`${p.title} – ${p.siteName}`}</title>
        <link rel="stylesheet" href="/assets/kern/kern.min.css" />
        <link rel="stylesheet" href="/assets/kern/fonts/fira-sans.css" />
        <link rel="stylesheet" href="/assets/app.css" />
        <script src="/assets/choice-filter.js" defer></script>
      </head>
      <body>
        <a class="skip-link" href="#main">
          {p.t('layout.skip_to_content')}
        </a>
        <header class="site-header">
          <div class="kern-container site-header__bar">
            <a class="site-header__name" href={p.siteHref}>
              {p.siteName}
            </a>
            <div class="site-header__tools">
              {p.languageLinks?.map((l) => (
                <a class="kern-link" href={l.href} lang={l.lang} hreflang={l.lang}>
                  {l.label}
                </a>
              ))}
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
          {p.nav && p.nav.length > 0 ? (
            <nav class="kern-container site-nav" aria-label={p.t('layout.main_navigation')}>
              <ul>
                {p.nav.map((n) => (
                  <li>
                    <a href={n.href} aria-current={n.current ? 'page' : undefined}>
                      {n.label}
                    </a>
                  </li>
                ))}
              </ul>
            </nav>
          ) : null}
        </header>
        <main id="main" class="kern-container site-main" tabindex={-1}>
          {p.flash ? <Alert variant="success" title={p.flash} /> : null}
          {p.children}
        </main>
        <footer class="site-footer">
          <div class="kern-container">
            <p>{p.t('layout.footer')}</p>
          </div>
        </footer>
      </body>
    </html>
  );
}
