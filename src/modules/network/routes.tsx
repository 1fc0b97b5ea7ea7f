import { Hono } from 'hono';
import { raw } from 'hono/html';
import { AppError } from '../../platform/errors.js';
import { dbOf, type AppEnv, type Ctx } from '../../platform/http/env.js';
import { render } from '../../platform/http/render.js';
import { AppPage, appBase, tenantForApp } from '../../platform/ui/app-shell.js';
import { Alert, DataTable } from '../../platform/ui/components.js';
import { Button, SelectField, emptyForm } from '../../platform/ui/form.js';
import { canReadInternal } from '../../platform/tenancy/policy.js';
import { municipalitiesOf, type Tenant } from '../../platform/tenancy/service.js';
import { keptWhileUnchanged } from '../../platform/kept-derived.js';
import { isUuid } from '../../platform/validation.js';
import { fieldsOfNetwork, networkOf } from './graph.js';
import { layoutNetwork } from './layout.js';
import { NetworkSvg } from './views/network-svg.js';

/** What the page shows of the network for one filter: the same for everyone who may read it. */
interface NetworkView {
  editionTitle: string | null;
  fields: { id: string; title: string }[];
  /** The summary, the unlinked actors, the picture and the table, rendered. */
  html: string;
}

/**
 * The network view, kept while nothing in the Kommune changed (platform/kept-derived.ts; issue 9.2: reading
 * the actors, measures, partners and offers and rendering a picture and table of every link was the crawl's
 * slowest internal page, for the same view every time). Shared by everyone who may read the page: it holds
 * no person's data and no form token. Keyed by the filter.
 */
const keptViews = keptWhileUnchanged<NetworkView>(16);

async function networkView(c: Ctx, tenant: Tenant, fieldId: string, municipalityId: string): Promise<NetworkView> {
  const t = c.get('t');
  const db = dbOf(c);
  const [network, fields] = await Promise.all([networkOf(db, tenant.id, { fieldId, municipalityId }), fieldsOfNetwork(db, tenant.id)]);
  const layout = layoutNetwork(network);
  const names = new Map(network.actors.map((a) => [a.id, a.name]));
  const unlinked = network.actors.filter((a) => network.unlinked.has(a.id));
  const links = [...network.links].sort((a, b) => b.via.length - a.via.length || names.get(a.source)!.localeCompare(names.get(b.source)!, 'de'));
  const html = await (
    <>
      <p>{t('network.summary', { actors: network.actors.length, links: network.links.length })}</p>
      {unlinked.length ? (
        <Alert variant="info" title={t('network.unlinked_title', { count: unlinked.length })}>
          <p>{t('network.unlinked_text')}</p>
          <ul class="network-unlinked">
            {unlinked.map((a) => (
              <li>{a.name}</li>
            ))}
          </ul>
        </Alert>
      ) : null}
      <div class="network">
        <figure class="network-figure">
          <NetworkSvg t={t} network={network} layout={layout} />
          <figcaption>{t('network.legend')}</figcaption>
        </figure>
        <section aria-labelledby="network-table-heading" class="network-table">
          <h2 id="network-table-heading" class="kern-heading-medium">
            {t('network.table_heading')}
          </h2>
          {links.length ? (
            <DataTable caption={t('network.table_heading')} headers={[t('network.actor_a'), t('network.actor_b'), t('network.shared_measures')]}>
              {links.map((l) => (
                <tr>
                  <td>{names.get(l.source)}</td>
                  <td>{names.get(l.target)}</td>
                  <td>
                    <details>
                      <summary>{t('network.via_count', { count: l.via.length })}</summary>
                      <ul>
                        {l.via.map((v) => (
                          <li>
                            <a href={`${appBase(tenant)}/${v.kind === 'offer' ? 'angebote' : 'massnahmen'}/${v.id}`}>{t(`network.via_${v.kind}`, { label: v.label })}</a>
                          </li>
                        ))}
                      </ul>
                    </details>
                  </td>
                </tr>
              ))}
            </DataTable>
          ) : (
            <p>{t('network.no_links')}</p>
          )}
        </section>
      </div>
    </>
  ).toString();
  return { editionTitle: network.editionTitle, fields, html };
}

/** Netzwerk: who works with whom, as a picture and as a table, filtered by Themenfeld and Gemeinde. */
export function networkRoutes() {
  const app = new Hono<AppEnv>();

  app.get('/app/k/:slug/netzwerk', async (c) => {
    const { tenant, user } = await tenantForApp(c);
    if (!canReadInternal(user, tenant.id)) throw new AppError('forbidden');
    const t = c.get('t');
    const db = dbOf(c);
    const fieldId = c.req.query('themenfeld') ?? '';
    const municipalityId = c.req.query('gemeinde') ?? '';
    // Values that are no id filter nothing and select no option: the same view as none.
    const key = `${isUuid(fieldId) ? fieldId : ''}|${isUuid(municipalityId) ? municipalityId : ''}`;
    // Gemeinden are read each time: a new one is noted as a change of its own, not of this Kommune.
    const [view, municipalities] = await Promise.all([keptViews(c.get('services').database, tenant.id, key, () => networkView(c, tenant, fieldId, municipalityId)), municipalitiesOf(db, tenant.id)]);
    const form = emptyForm({ themenfeld: fieldId, gemeinde: municipalityId });
    return render(
      c,
      <AppPage c={c} tenant={tenant} title={t('network.title')} section="network">
        <h1 class="kern-heading-large">{t('network.title')}</h1>
        <p>{view.editionTitle ? t('network.intro', { edition: view.editionTitle }) : t('network.no_edition')}</p>
        <form method="get" action={`${appBase(tenant)}/netzwerk`} class="filters" role="search" aria-label={t('network.filter')}>
          <SelectField t={t} form={form} name="themenfeld" label={t('network.field')} emptyLabel={t('network.all_fields')} options={view.fields.map((f) => ({ value: f.id, label: f.title }))} />
          <SelectField t={t} form={form} name="gemeinde" label={t('network.municipality')} emptyLabel={t('network.all_municipalities')} options={municipalities.map((m) => ({ value: m.id, label: m.name }))} />
          <div>
            <Button variant="secondary">{t('network.filter_apply')}</Button>
          </div>
        </form>
        {raw(view.html)}
      </AppPage>,
    );
  });
  return app;
}
