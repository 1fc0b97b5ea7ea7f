import { Hono } from 'hono';
import { addDays, todayInGermany } from '../../platform/dates.js';
import { AppError, isAppError } from '../../platform/errors.js';
import { dbOf, type AppEnv, type Ctx } from '../../platform/http/env.js';
import { formBody, redirectWithFlash, render, submitForm } from '../../platform/http/render.js';
import { commandContext } from '../../platform/http/session.js';
import type { FieldError } from '../../platform/errors.js';
import { municipalitiesOf, type Tenant } from '../../platform/tenancy/service.js';
import { AppPage, appBase, tenantForApp } from '../../platform/ui/app-shell.js';
import { Alert } from '../../platform/ui/components.js';
import { findSimilar, type SimilarItem } from '../../platform/similar-items.js';
import { ConfirmAction } from '../../platform/ui/confirm.js';
import { Button, emptyForm, type FormState } from '../../platform/ui/form.js';
import { isUuid } from '../../platform/validation.js';
import { canManageOffers } from './policy.js';
import { mergedInto, offerHistory } from './merge.js';
import { parseOfferInput } from './input.js';
import { occurrencesBetween } from './schedule.js';
import { offerCategories, offerStatuses, type OfferCategory, type OfferStatus } from './schema.js';
import { countOffers, createOffer, deleteOffer, listOffers, offerById, offerChoices, updateOffer, verifyOffer } from './service.js';
import { OfferFields, SimilarOffersPanel, newOfferValues, offerFormValues } from './views/offer-form.js';
import { OfferDetail, OfferList, type ListQuery } from './views/offer-pages.js';
import { keptAppPage } from '../../platform/ui/kept-app-page.js';

const id = ':id{[0-9a-fA-F-]{36}}';

function readListQuery(c: Ctx): ListQuery {
  const q = (name: string) => (c.req.query(name) ?? '').slice(0, 200);
  return { q: q('q'), category: q('category'), municipalityId: q('municipalityId'), status: q('status'), unverified: q('unverified') };
}

function requireManager(c: Ctx, tenant: Tenant) {
  if (!canManageOffers(c.get('user'), tenant.id)) throw new AppError('forbidden');
}

/** The internal directory of offers: list, detail, create, edit, verify, delete. */
export function offerRoutes() {
  const app = new Hono<AppEnv>();

  app.get('/app/k/:slug/angebote', keptAppPage, async (c) => {
    const { tenant, user } = await tenantForApp(c);
    const t = c.get('t');
    const db = dbOf(c);
    const query = readListQuery(c);
    const today = todayInGermany();
    const filtered = !Object.values(query).every((v) => !v);
    const [items, municipalities, all] = await Promise.all([
      listOffers(db, tenant.id, {
        query: query.q || undefined,
        category: (offerCategories as readonly string[]).includes(query.category) ? (query.category as OfferCategory) : undefined,
        municipalityId: isUuid(query.municipalityId) ? query.municipalityId : undefined,
        status: (offerStatuses as readonly string[]).includes(query.status) ? (query.status as OfferStatus) : undefined,
        unverified: query.unverified === '1',
      }, today),
      // Only the Gemeinden of the form's choices (issue 9.2: all choices of the offer form were read for them).
      municipalitiesOf(db, tenant.id),
      // Without a filter the list is all offers: counted, not listed again (issue 9).
      filtered ? countOffers(db, tenant.id) : undefined,
    ]);
    const total = all ?? items.length;
    return render(
      c,
      <AppPage c={c} tenant={tenant} title={t('offers.title')} section="offers">
        <OfferList t={t} base={appBase(tenant)} items={items} total={total} query={query} municipalities={municipalities} manage={canManageOffers(user, tenant.id)} today={today} />
      </AppPage>,
    );
  });

  const formPage = async (c: Ctx, tenant: Tenant, form: FormState, offerId: string | null, status = 200, notice?: string, similar: SimilarItem[] = []) => {
    const t = c.get('t');
    const choices = await offerChoices(dbOf(c), tenant.id);
    const base = appBase(tenant);
    const title = offerId ? t('offers.edit') : t('offers.new');
    return render(
      c,
      <AppPage c={c} tenant={tenant} title={title} section="offers">
        <h1 class="kern-heading-large">{title}</h1>
        {notice ? <Alert variant="danger" title={notice} /> : null}
        {similar.length ? <SimilarOffersPanel t={t} base={base} similar={similar} /> : null}
        <form method="post" action={offerId ? `${base}/angebote/${offerId}` : `${base}/angebote`} class="stack" novalidate>
          {offerId ? <input type="hidden" name="version" value={String(form.values.version ?? '')} /> : null}
          {/* After the person has seen the similar offers, the next submit saves. */}
          {similar.length ? <input type="hidden" name="similarSeen" value="1" /> : null}
          <OfferFields t={t} form={form} csrfToken={c.get('csrfToken')} choices={choices} />
          <div class="actions">
            <Button>{similar.length ? t(offerId ? 'offers.similar.save_anyway' : 'offers.similar.create_anyway') : offerId ? t('form.save') : t('form.create')}</Button>
            <a href={offerId ? `${base}/angebote/${offerId}` : `${base}/angebote`}>{t('form.cancel')}</a>
          </div>
        </form>
      </AppPage>,
      status,
    );
  };

  app.get('/app/k/:slug/angebote/neu', keptAppPage, async (c) => {
    const { tenant } = await tenantForApp(c);
    requireManager(c, tenant);
    return formPage(c, tenant, emptyForm(newOfferValues(todayInGermany())), null);
  });

  /**
   * Before an offer is saved: offers that look like it (offer-analysis declares the check).
   * Shown once as a confirmation step; input the form rejects is left to the save's messages.
   */
  const similarBeforeSaving = async (c: Ctx, tenant: Tenant, body: Record<string, unknown>, offerId: string | null): Promise<SimilarItem[]> => {
    requireManager(c, tenant);
    if (body.similarSeen === '1') return [];
    let data;
    try {
      data = parseOfferInput(body);
    } catch (e) {
      if (isAppError(e, 'validation_failed')) return [];
      throw e;
    }
    return findSimilar(dbOf(c), 'offer', tenant.id, { ...data, id: offerId });
  };

  app.post('/app/k/:slug/angebote', async (c) => {
    const { tenant } = await tenantForApp(c);
    const body = await formBody(c);
    const similar = await similarBeforeSaving(c, tenant, body, null);
    if (similar.length) return formPage(c, tenant, { values: body, errors: [] }, null, 200, undefined, similar);
    return submitForm(c, () => createOffer(commandContext(c), tenant.id, body), {
      saved: (o) => [`${appBase(tenant)}/angebote/${o.id}`, c.get('t')('offers.created', { title: o.title })],
      invalid: (errors: FieldError[]) => formPage(c, tenant, { values: body, errors }, null, 422),
      conflict: () => formPage(c, tenant, { values: body, errors: [] }, null, 409),
    });
  });

  app.get(`/app/k/:slug/angebote/${id}`, keptAppPage, async (c) => {
    const { tenant, user } = await tenantForApp(c);
    const t = c.get('t');
    const db = dbOf(c);
    const offer = await offerById(db, tenant.id, c.req.param('id'));
    const today = todayInGermany();
    const next = occurrencesBetween(offer.schedule, today, addDays(today, 60)).slice(0, 5);
    // The offers merged into this one, read once for its history and the page (issue 9.2).
    const mergedFrom = await mergedInto(db, tenant.id, offer.id);
    const history = await offerHistory(db, tenant.id, offer.id, mergedFrom);
    const survivor = offer.mergedIntoId ? await offerById(db, tenant.id, offer.mergedIntoId).catch(() => undefined) : undefined;
    return render(
      c,
      <AppPage c={c} tenant={tenant} title={offer.title} section="offers">
        <OfferDetail
          t={t}
          base={appBase(tenant)}
          publicHref={`/k/${tenant.slug}/angebote/${offer.id}`}
          offer={offer}
          choices={await offerChoices(db, tenant.id)}
          next={next}
          manage={canManageOffers(user, tenant.id)}
          csrfToken={c.get('csrfToken')}
          today={today}
          history={history}
          mergedInto={survivor}
          mergedFrom={mergedFrom}
        />
      </AppPage>,
    );
  });

  app.get(`/app/k/:slug/angebote/${id}/bearbeiten`, keptAppPage, async (c) => {
    const { tenant } = await tenantForApp(c);
    requireManager(c, tenant);
    const offer = await offerById(dbOf(c), tenant.id, c.req.param('id'));
    return formPage(c, tenant, emptyForm(offerFormValues(offer)), offer.id);
  });

  app.post(`/app/k/:slug/angebote/${id}`, async (c) => {
    const { tenant } = await tenantForApp(c);
    const body = await formBody(c);
    const offerId = c.req.param('id');
    const similar = await similarBeforeSaving(c, tenant, body, offerId);
    if (similar.length) return formPage(c, tenant, { values: body, errors: [] }, offerId, 200, undefined, similar);
    return submitForm(c, () => updateOffer(commandContext(c), tenant.id, offerId, body), {
      saved: (o) => [`${appBase(tenant)}/angebote/${o.id}`, c.get('t')('offers.saved')],
      invalid: (errors: FieldError[]) => formPage(c, tenant, { values: body, errors }, offerId, 422),
      conflict: async () => {
        const now = await offerById(dbOf(c), tenant.id, offerId);
        return formPage(c, tenant, { values: { ...body, version: now.version }, errors: [] }, offerId, 409, c.get('t')('error.edit_conflict'));
      },
    });
  });

  app.post(`/app/k/:slug/angebote/${id}/geprueft`, async (c) => {
    const { tenant } = await tenantForApp(c);
    const body = await formBody(c);
    const offerId = c.req.param('id');
    try {
      await verifyOffer(commandContext(c), tenant.id, offerId, body.version);
    } catch (e) {
      if (isAppError(e, 'edit_conflict')) return redirectWithFlash(c, `${appBase(tenant)}/angebote/${offerId}`, c.get('t')('error.edit_conflict'));
      throw e;
    }
    return redirectWithFlash(c, `${appBase(tenant)}/angebote/${offerId}`, c.get('t')('offers.verified'));
  });

  app.get(`/app/k/:slug/angebote/${id}/loeschen`, keptAppPage, async (c) => {
    const { tenant } = await tenantForApp(c);
    requireManager(c, tenant);
    const t = c.get('t');
    const offer = await offerById(dbOf(c), tenant.id, c.req.param('id'));
    const title = t('offers.delete_confirm_title', { title: offer.title });
    const base = `${appBase(tenant)}/angebote/${offer.id}`;
    return render(
      c,
      <AppPage c={c} tenant={tenant} title={title} section="offers">
        <ConfirmAction t={t} title={title} action={`${base}/loeschen`} csrfToken={c.get('csrfToken')} fields={{ version: String(offer.version) }} confirmLabel={t('offers.delete')} cancelHref={base}>
          <p>{t('offers.delete_hint')}</p>
        </ConfirmAction>
      </AppPage>,
    );
  });

  app.post(`/app/k/:slug/angebote/${id}/loeschen`, async (c) => {
    const { tenant } = await tenantForApp(c);
    const body = await formBody(c);
    const offerId = c.req.param('id');
    try {
      await deleteOffer(commandContext(c), tenant.id, offerId, body.version);
    } catch (e) {
      if (isAppError(e, 'edit_conflict')) return redirectWithFlash(c, `${appBase(tenant)}/angebote/${offerId}`, c.get('t')('error.edit_conflict'));
      throw e;
    }
    return redirectWithFlash(c, `${appBase(tenant)}/angebote`, c.get('t')('offers.deleted'));
  });

  return app;
}
