import { Hono } from 'hono';
import { newToken } from '../../platform/auth/tokens.js';
import { todayInGermany } from '../../platform/dates.js';
import { isAppError, type FieldError } from '../../platform/errors.js';
import { dbOf, type AppEnv, type Ctx } from '../../platform/http/env.js';
import { formBody, redirectWithFlash, render, takeFlash } from '../../platform/http/render.js';
import { emptyForm, type FormState } from '../../platform/ui/form.js';
import { actorById, contactById, contactFormOf } from '../actors/index.js';
import { newOfferValues, offerChoices, offerFormValues } from '../offers/index.js';
import { noteLinkOpened, noteRefusedUse, openPartnerLink, partnerLinkPath, type OpenedLink } from './links.js';
import type { SubmissionKind } from './schema.js';
import { ownContacts, ownOffer, ownOffers, submissionsOfLink, submitFromPartner } from './submissions.js';
import { LinkGonePage, PartnerActorForm, PartnerContactForm, PartnerOfferForm, PartnerStartPage } from './views/partner-pages.js';

const id = '[0-9a-fA-F-]{36}';

/** Partner pages carry a secret in their address: never cached, never indexed. */
function privatePage(c: Ctx) {
  c.header('Cache-Control', 'no-store');
  c.header('X-Robots-Tag', 'noindex, nofollow');
}

/** The link of this request, or the page that says why it cannot be used (unknown 404, revoked or expired 410). */
async function linkOf(c: Ctx): Promise<OpenedLink | Response> {
  privatePage(c);
  const opened = await openPartnerLink(dbOf(c), c.req.param('token') ?? '');
  const common = { t: c.get('t'), csrfToken: c.get('csrfToken') };
  if (!opened) return render(c, <LinkGonePage {...common} reason="unknown" />, 404);
  if (opened.state !== 'valid') {
    if (c.req.method === 'POST') await noteRefusedUse(dbOf(c), opened, new Date());
    return render(c, <LinkGonePage {...common} reason={opened.state} />, 410);
  }
  return opened;
}

/** The page of one form: the kind's fields, prefilled; after invalid input the same form with the messages (422). */
interface FormSpec {
  kind: SubmissionKind;
  path: (token: string) => string;
  target: (c: Ctx, opened: OpenedLink) => Promise<string | null>;
  values: (c: Ctx, opened: OpenedLink, targetId: string | null) => Promise<Record<string, unknown>>;
  page: (c: Ctx, opened: OpenedLink, targetId: string | null, form: FormState, action: string) => Promise<Response>;
}

/** The forms a partner link opens: the start page, its offers, a new offer, contact persons, address. */
export function partnerRoutes() {
  const app = new Hono<AppEnv>();
  const base = (token: string) => partnerLinkPath(token);

  app.get('/partner/:token', async (c) => {
    const opened = await linkOf(c);
    if (opened instanceof Response) return opened;
    const db = dbOf(c);
    await noteLinkOpened(db, opened);
    const [offers, contacts, submissions, actor] = await Promise.all([ownOffers(db, opened), ownContacts(db, opened), submissionsOfLink(db, opened), actorById(db, opened.tenant.id, opened.actor.id)]);
    return render(c, <PartnerStartPage t={c.get('t')} csrfToken={c.get('csrfToken')} flash={takeFlash(c)} base={base(c.req.param('token'))} opened={opened} actor={actor} offers={offers} contacts={contacts} submissions={submissions} />);
  });

  const offerPage = (kind: SubmissionKind) => async (c: Ctx, opened: OpenedLink, targetId: string | null, form: FormState, action: string) => {
    const choices = await offerChoices(dbOf(c), opened.tenant.id);
    const offer = targetId ? await ownOffer(dbOf(c), opened, targetId) : undefined;
    return render(c, <PartnerOfferForm t={c.get('t')} csrfToken={c.get('csrfToken')} opened={opened} back={base(c.req.param('token') ?? '')} action={action} form={form} choices={choices} offerTitle={offer?.title} kind={kind} />, form.errors.length ? 422 : 200);
  };
  const contactPage = async (c: Ctx, opened: OpenedLink, targetId: string | null, form: FormState, action: string) => {
    const contact = targetId ? await contactById(dbOf(c), opened.tenant.id, opened.actor.id, targetId) : undefined;
    return render(c, <PartnerContactForm c={c} opened={opened} back={base(c.req.param('token') ?? '')} action={action} form={form} contactName={contact?.name} />, form.errors.length ? 422 : 200);
  };

  const specs: FormSpec[] = [
    {
      kind: 'offer_new',
      path: (token) => `${base(token)}/angebote/neu`,
      target: async () => null,
      values: async () => ({ ...newOfferValues(todayInGermany()), verifiedOn: '' }),
      page: offerPage('offer_new'),
    },
    {
      kind: 'offer_update',
      path: (token) => `${base(token)}/angebote/:offer{${id}}`,
      target: async (c, opened) => (await ownOffer(dbOf(c), opened, c.req.param('offer') ?? '')).id,
      values: async (c, opened, targetId) => offerFormValues(await ownOffer(dbOf(c), opened, targetId!)),
      page: offerPage('offer_update'),
    },
    {
      kind: 'contact_new',
      path: (token) => `${base(token)}/ansprechpersonen/neu`,
      target: async () => null,
      values: async () => ({ consentScope: 'keine' }),
      page: contactPage,
    },
    {
      kind: 'contact_update',
      path: (token) => `${base(token)}/ansprechpersonen/:contact{${id}}`,
      target: async (c, opened) => (await contactById(dbOf(c), opened.tenant.id, opened.actor.id, c.req.param('contact') ?? '')).id,
      values: async (c, opened, targetId) => contactFormOf(await contactById(dbOf(c), opened.tenant.id, opened.actor.id, targetId!)).values,
      page: contactPage,
    },
    {
      kind: 'actor_update',
      path: (token) => `${base(token)}/anschrift`,
      target: async () => null,
      values: async (c, opened) => {
        const actor = await actorById(dbOf(c), opened.tenant.id, opened.actor.id);
        return { address: actor.address, website: actor.website };
      },
      page: async (c, opened, _targetId, form, action) =>
        render(c, <PartnerActorForm t={c.get('t')} csrfToken={c.get('csrfToken')} opened={opened} back={base(c.req.param('token') ?? '')} action={action} form={form} />, form.errors.length ? 422 : 200),
    },
  ];

  for (const spec of specs) {
    const route = spec.path(':token');
    app.get(route, async (c) => {
      const opened = await linkOf(c);
      if (opened instanceof Response) return opened;
      const targetId = await spec.target(c, opened);
      // A key per form shown: sending this form twice (reload, double click) stores one submission.
      const values = { ...(await spec.values(c, opened, targetId)), submissionKey: newToken() };
      return spec.page(c, opened, targetId, emptyForm(values), c.req.path);
    });
    app.post(route, async (c) => {
      const opened = await linkOf(c);
      if (opened instanceof Response) return opened;
      const targetId = await spec.target(c, opened);
      const body = await formBody(c);
      const t = c.get('t');
      try {
        const { duplicate } = await submitFromPartner(dbOf(c), opened, spec.kind, targetId, body);
        return redirectWithFlash(c, base(c.req.param('token') ?? ''), t(duplicate ? 'partner.already_received' : 'partner.received'));
      } catch (e) {
        if (isAppError(e, 'validation_failed')) return spec.page(c, opened, targetId, { values: body, errors: e.fieldErrors as FieldError[] }, c.req.path);
        if (isAppError(e, 'conflict')) {
          const again = await linkOf(c);
          if (again instanceof Response) return again;
        }
        throw e;
      }
    });
  }

  return app;
}
