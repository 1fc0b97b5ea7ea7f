import { Hono } from 'hono';
import { AppError } from '../../platform/errors.js';
import { dbOf, type AppEnv, type Ctx } from '../../platform/http/env.js';
import { render } from '../../platform/http/render.js';
import { canReadInternal } from '../../platform/tenancy/policy.js';
import { AppPage, appBase, tenantForApp } from '../../platform/ui/app-shell.js';
import { DataTable } from '../../platform/ui/components.js';
import { Button, SelectField, emptyForm } from '../../platform/ui/form.js';
import { asc, eq } from 'drizzle-orm';
import { targetGroups } from '../measures/schema.js';
import { duplicateThreshold, type DuplicateReason } from './scoring.js';
import { clustersOf, comparableOffers, gapMatrix, likelyDuplicates } from './service.js';
import { gapsXlsx } from './xlsx.js';

async function reader(c: Ctx) {
  const found = await tenantForApp(c);
  if (!canReadInternal(found.user, found.tenant.id)) throw new AppError('forbidden');
  return found.tenant;
}

type T = (key: string, vars?: Record<string, string | number>) => string;
const reasonText = (t: T, r: DuplicateReason) => t(`duplicates.reason.${r.kind}`, 'percent' in r ? { percent: r.percent } : 'km' in r ? { km: String(r.km).replace('.', ',') } : {});

export function offerAnalysisRoutes() {
  const app = new Hono<AppEnv>();

  app.get('/app/k/:slug/doppelstrukturen', async (c) => {
    const tenant = await reader(c);
    const t = c.get('t') as T;
    const db = dbOf(c);
    const all = await comparableOffers(db, tenant.id);
    const clusters = clustersOf(likelyDuplicates(all));
    const offerLink = (o: { id: string; title: string }) => <a href={`${appBase(tenant)}/angebote/${o.id}`}>{o.title}</a>;
    return render(
      c,
      <AppPage c={c} tenant={tenant} title={t('duplicates.title')} section="duplicates">
        <h1 class="kern-heading-large">{t('duplicates.title')}</h1>
        <p>{t('duplicates.intro', { threshold: Math.round(duplicateThreshold * 100) })}</p>
        <p aria-live="polite">{clusters.length ? t('duplicates.clusters', { count: clusters.length }) : t('duplicates.none')}</p>
        {clusters.map((pairs, i) => (
          <section class="stack">
            <h2 class="kern-heading-small">{t('duplicates.cluster', { number: i + 1 })}</h2>
            <DataTable caption={t('duplicates.cluster', { number: i + 1 })} headers={[t('duplicates.offer_a'), t('duplicates.offer_b'), t('duplicates.score'), t('duplicates.reasons')]}>
              {pairs.map((p) => (
                <tr>
                  <td>{offerLink(p.a)}</td>
                  <td>{offerLink(p.b)}</td>
                  <td>{Math.round(p.score * 100)}</td>
                  <td>{p.reasons.map((r) => reasonText(t, r)).join(', ')}</td>
                </tr>
              ))}
            </DataTable>
          </section>
        ))}
      </AppPage>,
    );
  });

  app.get('/app/k/:slug/luecken', async (c) => {
    const tenant = await reader(c);
    const t = c.get('t') as T;
    const db = dbOf(c);
    const groups = await db.select({ id: targetGroups.id, name: targetGroups.name }).from(targetGroups).where(eq(targetGroups.tenantId, tenant.id)).orderBy(asc(targetGroups.name));
    const chosen = groups.find((g) => g.id === c.req.query('zielgruppe'));
    const m = await gapMatrix(db, tenant.id, chosen?.id);
    const base = `${appBase(tenant)}/luecken`;
    const columns = [...m.municipalities, { id: '', name: t('gaps.countywide') }];
    return render(
      c,
      <AppPage c={c} tenant={tenant} title={t('gaps.title')} section="gaps">
        <h1 class="kern-heading-large">{t('gaps.title')}</h1>
        <p>{t('gaps.intro')}</p>
        <p>{t('gaps.no_population')}</p>
        <form method="get" action={base} class="filter-form" role="search" aria-label={t('gaps.filter')}>
          <SelectField t={t} form={emptyForm({ zielgruppe: chosen?.id ?? '' })} name="zielgruppe" label={t('gaps.target_group')} emptyLabel={t('gaps.all_target_groups')} options={groups.map((g) => ({ value: g.id, label: g.name }))} />
          <Button variant="secondary">{t('gaps.apply')}</Button>
        </form>
        <p aria-live="polite">{t('gaps.empty_cells', { count: m.emptyCells })}</p>
        <DataTable caption={t('gaps.title')} headers={[t('gaps.category'), ...columns.map((x) => x.name), t('gaps.total')]}>
          {m.categories.map((cat) => (
            <tr>
              <th scope="row">{t(`offers.category.${cat}`)}</th>
              {columns.map((x) => {
                const n = m.counts[cat]![x.id] ?? 0;
                return n || x.id === '' ? <td>{n}</td> : <td class="gap-cell"><strong>{t('gaps.empty')}</strong></td>;
              })}
              <td>{Object.values(m.counts[cat]!).reduce((s, n) => s + n, 0)}</td>
            </tr>
          ))}
        </DataTable>
        <p>
          <a href={`${base}.xlsx${chosen ? `?zielgruppe=${chosen.id}` : ''}`} download>{t('gaps.export')}</a>
        </p>
      </AppPage>,
    );
  });

  app.get('/app/k/:slug/luecken.xlsx', async (c) => {
    const tenant = await reader(c);
    const t = c.get('t') as T;
    const db = dbOf(c);
    const [group] = c.req.query('zielgruppe')
      ? await db.select({ id: targetGroups.id }).from(targetGroups).where(eq(targetGroups.tenantId, tenant.id)).then((gs) => gs.filter((g) => g.id === c.req.query('zielgruppe')))
      : [];
    const m = await gapMatrix(db, tenant.id, group?.id);
    const body = await gapsXlsx(m, t);
    return c.body(new Uint8Array(body), 200, {
      'content-type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      'content-disposition': 'attachment; filename="luecken.xlsx"',
    });
  });

  return app;
}
