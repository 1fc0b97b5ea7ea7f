import { Hono } from 'hono';
import { AppError } from '../../platform/errors.js';
import { dbOf, type AppEnv } from '../../platform/http/env.js';
import { render } from '../../platform/http/render.js';
import { AppPage, appBase, tenantForApp } from '../../platform/ui/app-shell.js';
import { Alert, DataTable } from '../../platform/ui/components.js';
import { Button, SelectField, emptyForm } from '../../platform/ui/form.js';
import { canReadInternal } from '../../platform/tenancy/policy.js';
import { municipalitiesOf } from '../../platform/tenancy/service.js';
import { fieldsOfNetwork, networkOf } from './graph.js';
import { layoutNetwork } from './layout.js';
import { NetworkSvg } from './views/network-svg.js';

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
    const [network, fields, municipalities] = await Promise.all([networkOf(db, tenant.id, { fieldId, municipalityId }), fieldsOfNetwork(db, tenant.id), municipalitiesOf(db, tenant.id)]);
    const layout = layoutNetwork(network);
    const names = new Map(network.actors.map((a) => [a.id, a.name]));
    const unlinked = network.actors.filter((a) => network.unlinked.has(a.id));
    const links = [...network.links].sort((a, b) => b.via.length - a.via.length || names.get(a.source)!.localeCompare(names.get(b.source)!, 'de'));
    const form = emptyForm({ themenfeld: fieldId, gemeinde: municipalityId });
    return render(
      c,
      <AppPage c={c} tenant={tenant} title={t('network.title')} section="network">
        <h1 class="kern-heading-large">{t('network.title')}</h1>
        <p>{network.editionTitle ? t('network.intro', { edition: network.editionTitle }) : t('network.no_edition')}</p>
        <form method="get" action={`${appBase(tenant)}/netzwerk`} class="filters" role="search" aria-label={t('network.filter')}>
          <SelectField t={t} form={form} name="themenfeld" label={t('network.field')} emptyLabel={t('network.all_fields')} options={fields.map((f) => ({ value: f.id, label: f.title }))} />
          <SelectField t={t} form={form} name="gemeinde" label={t('network.municipality')} emptyLabel={t('network.all_municipalities')} options={municipalities.map((m) => ({ value: m.id, label: m.name }))} />
          <div>
            <Button variant="secondary">{t('network.filter_apply')}</Button>
          </div>
        </form>
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
      </AppPage>,
    );
  });
  return app;
}
