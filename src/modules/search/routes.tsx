import { Hono } from 'hono';
import { dbOf, type AppEnv } from '../../platform/http/env.js';
import { render } from '../../platform/http/render.js';
import { Button, SelectField, TextField, emptyForm } from '../../platform/ui/form.js';
import { adoptedEdition, listEditions } from '../concepts/index.js';
import { AppPage, appBase, tenantForApp } from '../../platform/ui/app-shell.js';
import { searchSourceOf } from '../../platform/search-sources.js';
import { searchEdition } from './service.js';

/** Internal search: any edition, drafts included (the portal searches the adopted one). */
export function searchRoutes() {
  const app = new Hono<AppEnv>();
  app.get('/app/k/:slug/suche', async (c) => {
    const { tenant } = await tenantForApp(c);
    const t = c.get('t');
    const db = dbOf(c);
    const editions = await listEditions(db, tenant.id);
    const q = (c.req.query('q') ?? '').trim();
    const chosen = editions.find((e) => e.id === c.req.query('fassung')) ?? (await adoptedEdition(db, tenant.id)) ?? editions[0];
    const hits = q && chosen ? await searchEdition(db, tenant.id, chosen.id, q) : [];
    const base = appBase(tenant);
    return render(
      c,
      <AppPage c={c} tenant={tenant} title={t('search.title')} section="search">
        <h1 class="kern-heading-large">{t('search.title')}</h1>
        <form method="get" action={`${base}/suche`} class="filters" role="search">
          <TextField t={t} form={emptyForm({ q })} name="q" label={t('search.query')} type="search" required />
          <SelectField t={t} form={emptyForm({ fassung: chosen?.id })} name="fassung" label={t('editions.edition')} required options={editions.map((e) => ({ value: e.id, label: `${e.title} (${t(`edition_status.${e.status}`)})` }))} />
          <div>
            <Button>{t('search.submit')}</Button>
          </div>
        </form>
        {q ? (
          <section aria-labelledby="results-heading">
            <h2 id="results-heading" class="kern-heading-medium" role="status">
              {t('search.results', { count: hits.length, q })}
            </h2>
            <ul class="measure-list">
              {hits.map((h) => {
                const source = searchSourceOf(h.kind);
                return (
                  <li>
                    <a href={source.appUrl(h, base)}>
                      {source.appLabel(t, h)} {h.title}
                    </a>{' '}
                    <span class="muted">({h.context})</span>
                  </li>
                );
              })}
            </ul>
          </section>
        ) : null}
      </AppPage>,
    );
  });
  return app;
}
