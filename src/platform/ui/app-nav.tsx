import type { SQL } from 'drizzle-orm';
import type { T } from '../i18n/i18n.js';
import type { NavLink } from './layout.js';

/**
 * The phases of a Kommune's integration work, in the order a coordinator goes through them: the
 * groups of the internal navigation. A module's nav entry names its group (`AppNavEntry.group`);
 * the platform knows only this list and its labels (`nav.group.<id>`), never the modules.
 */
export const appNavGroups = ['inventory', 'participation', 'concept', 'decision', 'implementation', 'publication', 'administration'] as const;
export type AppNavGroup = (typeof appNavGroups)[number];

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
  /** With `coordinatorOnly`: shown as well to members who act for an actor (Fachdienst/Redaktion, Partner). */
  actorMembersToo?: boolean;
  /** The phase it belongs to (`appNavGroups`); none: shown on its own before the groups (overview, search). */
  group?: AppNavGroup;
  /** Place in the navigation (within its group), smallest first. */
  order: number;
  /**
   * Something waiting there (e.g. reports to review): shown after the label, "Prüfung (3)", when
   * above zero. A scalar subquery (`(select count(*)::int from … where tenant_id = …)`), so the
   * frame asks all counts of the entries shown to the person in one query (`navCounts`). Kept while
   * nothing in the Kommune changed (app-shell.tsx): count only the Kommune's rows that audited
   * commands write, nothing that depends on the person or the time.
   */
  count?: (tenantId: string) => SQL<number>;
}

/** One link of the internal navigation, with the group it belongs to (none: shown on its own, before the groups). */
export interface GroupedNavLink extends NavLink {
  group?: AppNavGroup | undefined;
  /** Something waiting behind the link (e.g. reports to review); the group's summary adds them up. */
  count?: number;
}

type Item = { link: NavLink } | { group: AppNavGroup; label: string; current: boolean; links: NavLink[] };

/** Ungrouped links first (in their order), then each group that has a link, in the phases' order. */
export function groupNavLinks(t: T, links: GroupedNavLink[]): Item[] {
  const items: Item[] = links.filter((l) => !l.group).map((link) => ({ link }));
  for (const group of appNavGroups) {
    const inGroup = links.filter((l) => l.group === group);
    if (inGroup.length === 0) continue;
    const count = inGroup.reduce((n, l) => n + (l.count ?? 0), 0);
    const label = t(`nav.group.${group}`);
    items.push({ group, label: count > 0 ? `${label} (${count})` : label, current: inGroup.some((l) => l.current), links: inGroup });
  }
  return items;
}

const NavAnchor = ({ link }: { link: NavLink }) => (
  <a href={link.href} aria-current={link.current ? 'page' : undefined}>
    {link.label}
  </a>
);

/**
 * The internal navigation: a landmark with a few links and one disclosure (`<details>`) per phase.
 * Works without JavaScript (the browser opens and closes a disclosure; `app-nav.js` only closes
 * the others and answers Escape); the group of the current page is marked (`aria-current="true"`
 * on its summary, the page's link `aria-current="page"`). Few Tab stops: a closed group is one.
 */
export function GroupedNav(p: { t: T; links: GroupedNavLink[]; trailing?: NavLink[] }) {
  const items = groupNavLinks(p.t, p.links);
  return (
    <nav class="kern-container site-nav site-nav--grouped" aria-label={p.t('layout.main_navigation')}>
      <ul class="site-nav__bar">
        {items.map((item) =>
          'link' in item ? (
            <li>
              <NavAnchor link={item.link} />
            </li>
          ) : (
            <li class="site-nav__group">
              <details data-nav-group={item.group}>
                <summary aria-current={item.current ? 'true' : undefined}>{item.label}</summary>
                <ul class="site-nav__menu">
                  {item.links.map((link) => (
                    <li>
                      <NavAnchor link={link} />
                    </li>
                  ))}
                </ul>
              </details>
            </li>
          ),
        )}
        {(p.trailing ?? []).map((link) => (
          <li>
            <NavAnchor link={link} />
          </li>
        ))}
      </ul>
    </nav>
  );
}
