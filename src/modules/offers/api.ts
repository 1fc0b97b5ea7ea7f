import { createRoute, z } from '@hono/zod-openapi';
import {
  commandContext, idParam, json, jsonBody, kommuneOf, named, rawBody, readProblems, signedIn, slugParam, tokenWriteSecurity, writeProblems, type ApiApp,
} from '../../platform/api/http.js';
import type { ApiRoutes } from '../../platform/api/registry.js';
import { date, id, listOf, timestamp } from '../../platform/api/schemas.js';
import { allowToken } from '../../platform/http/bearer.js';
import { dbOf } from '../../platform/http/env.js';
import { plainText } from '../../platform/validation.js';
import { offerInput } from './input.js';
import { publicProviders, publishedOffer, publishedOffers, readFilter, type PublicOffer, type PublicProvider } from './public-data.js';
import { barrierFreeValues, offerCategories, offerStatuses } from './schema.js';
import { createOffer, offerById, updateOffer, type OfferWithLinks } from './service.js';

/**
 * Offers in the JSON API: the public directory for everyone (published offers, the actors that
 * run them, only contact persons whose consent covers publication), and writes for the
 * Koordination or an API-Zugang with scope `offers` (bound to an actor: only that actor's offers).
 */
const tags = ['Angebote'];

const contactSchema = z.object({
  name: z.string(), role: z.string(), responsibility: z.string(), email: z.string(), phone: z.string(),
  languages: z.array(z.string()).openapi({ description: 'ISO-639-Codes' }), gender: z.enum(['weiblich', 'maennlich', 'divers']).nullable(),
}).openapi('PublicContact', { description: 'Eine Ansprechperson, deren Einwilligung die Veröffentlichung umfasst (andere erscheinen nie).' });

const providerSchema = z.object({
  id: id(), name: z.string(), kind: z.string(), municipality: z.string().nullable(), address: z.string(), website: z.string(), contacts: z.array(contactSchema),
}).openapi('OfferProvider');

const scheduleSchema = z.record(z.string(), z.unknown()).openapi({ description: 'Zeiten: kind termine (dates), wiederkehrend (rrule, firstDate, start, end, exceptions), oeffnungszeiten (slots mit weekday 1 = Montag), nach_vereinbarung. Uhrzeiten in Europe/Berlin.' });

const publicOfferSchema = z.object({
  id: id(), title: z.string(), description: z.string(), category: z.enum(offerCategories), municipality: z.string().nullable(),
  street: z.string(), postalCode: z.string(), city: z.string(), latitude: z.number().nullable(), longitude: z.number().nullable(),
  schedule: scheduleSchema, temporarilyClosed: z.boolean(), reopensOn: date().nullable(), languages: z.array(z.string()), targetGroups: z.array(z.string()),
  femaleContact: z.boolean(), maleContact: z.boolean(), childcare: z.boolean(), barrierFree: z.enum(barrierFreeValues), free: z.boolean(), costNote: z.string(),
  registrationRequired: z.boolean(), website: z.string(), status: z.enum(['aktiv', 'pausiert']), updatedAt: timestamp(), providers: z.array(providerSchema),
}).openapi('PublicOffer');

const storedOfferSchema = z.object({
  id: id(), title: z.string(), category: z.enum(offerCategories), status: z.enum(offerStatuses), published: z.boolean(), providerIds: z.array(id()), version: z.number().int(),
}).openapi('StoredOffer', { description: 'Das gespeicherte Angebot (Kurzform); öffentlich lesbar ist es erst, wenn published true ist.' });

const kommuneParams = z.object({ slug: slugParam });
const offerParams = z.object({ slug: slugParam, id: idParam() });
const flag = z.enum(['true', 'false']).optional();
const filters = z.object({
  q: plainText().max(200).optional().openapi({ description: 'Suchbegriff in Titel und Beschreibung' }),
  category: z.enum(offerCategories, { error: 'validation.invalid_choice' }).optional(),
  municipality: plainText().max(100).optional().openapi({ description: 'Kurzbezeichnung (slug) der Gemeinde' }),
  language: plainText().max(10).optional().openapi({ description: 'Gesprochene Sprache (ISO 639)' }),
  targetGroup: z.string().uuid('validation.invalid').optional(),
  weekday: z.enum(['1', '2', '3', '4', '5', '6', '7'], { error: 'validation.invalid_choice' }).optional().openapi({ description: '1 = Montag' }),
  free: flag, femaleContact: flag, childcare: flag, barrierFree: flag,
});

const list = createRoute({
  method: 'get', path: '/api/v1/kommunen/{slug}/offers', operationId: 'listPublicOffers', tags,
  summary: 'Veröffentlichte Angebote', description: 'Das öffentliche Angebotsverzeichnis, nach Titel; ohne Anmeldung, für alle gleich (nie interne Notizen oder Prüfdaten).',
  request: { params: kommuneParams, query: filters }, responses: { 200: json(listOf(publicOfferSchema), 'Angebote'), ...readProblems },
});
const detail = createRoute({
  method: 'get', path: '/api/v1/kommunen/{slug}/offers/{id}', operationId: 'getPublicOffer', tags,
  summary: 'Ein veröffentlichtes Angebot', request: { params: offerParams }, responses: { 200: json(publicOfferSchema, 'Das Angebot'), ...readProblems },
});
const providers = createRoute({
  method: 'get', path: '/api/v1/kommunen/{slug}/offer-providers', operationId: 'listOfferProviders', tags,
  summary: 'Träger veröffentlichter Angebote', description: 'Akteure mit mindestens einem veröffentlichten Angebot, mit den Ansprechpersonen, die der Veröffentlichung zugestimmt haben.',
  request: { params: kommuneParams }, responses: { 200: json(listOf(providerSchema), 'Akteure, nach Namen'), ...readProblems },
});
const scopeNote = 'Koordination; Redaktion und Partner (auch als API-Zugang mit Umfang `offers`) nur für Angebote, deren Träger ihr Akteur ist, vorher und nachher.';
const create = createRoute({
  method: 'post', path: '/api/v1/kommunen/{slug}/offers', operationId: 'createOffer', tags,
  summary: 'Angebot anlegen', description: `${scopeNote} \`schedule\` als Objekt wie in PublicOffer.`,
  security: tokenWriteSecurity('offers'), middleware: [signedIn, allowToken('offers')] as const,
  request: { params: kommuneParams, body: jsonBody(named(offerInput, 'OfferInput')) }, responses: { 201: json(storedOfferSchema, 'Das angelegte Angebot'), ...writeProblems },
});
const update = createRoute({
  method: 'put', path: '/api/v1/kommunen/{slug}/offers/{id}', operationId: 'updateOffer', tags,
  summary: 'Angebot ändern', description: `${scopeNote} \`version\` ist die zuletzt gelesene Version (409 mit currentVersion, wenn inzwischen geändert).`,
  security: tokenWriteSecurity('offers'), middleware: [signedIn, allowToken('offers')] as const,
  request: { params: offerParams, body: jsonBody(named(offerInput.extend({ version: z.number().int() }), 'OfferUpdate')) }, responses: { 200: json(storedOfferSchema, 'Das geänderte Angebot'), ...writeProblems },
});

const presentProvider = (p: PublicProvider) => ({ id: p.id, name: p.name, kind: p.kind, municipality: p.municipalityName, address: p.address, website: p.website, contacts: p.contacts.map((c) => ({ name: c.name, role: c.role, responsibility: c.responsibility, email: c.email, phone: c.phone, languages: c.languages, gender: c.gender })) });

const presentOffer = (o: PublicOffer, byOffer: Map<string, PublicProvider[]>) => ({
  id: o.id, title: o.title, description: o.description, category: o.category, municipality: o.municipalityName, street: o.street, postalCode: o.postalCode, city: o.city,
  latitude: o.latitude, longitude: o.longitude, schedule: o.schedule as unknown as Record<string, unknown>, temporarilyClosed: o.temporarilyClosed, reopensOn: o.reopensOn,
  languages: o.languages, targetGroups: o.targetGroups, femaleContact: o.femaleContact, maleContact: o.maleContact, childcare: o.childcare, barrierFree: o.barrierFree,
  free: o.free, costNote: o.costNote, registrationRequired: o.registrationRequired, website: o.website, status: o.status, updatedAt: new Date(o.updatedAt).toISOString(),
  providers: (byOffer.get(o.id) ?? []).map(presentProvider),
});

const presentStored = (o: OfferWithLinks) => ({ id: o.id, title: o.title, category: o.category, status: o.status, published: o.published, providerIds: o.providerIds, version: o.version });

function offerRoutes(api: ApiApp) {
  api.openapi(list, async (c) => {
    const kommune = await kommuneOf(c, c.req.valid('param').slug);
    const q = c.req.valid('query');
    const filter = readFilter((n) => ({ q: q.q, gemeinde: q.municipality, kategorie: q.category, sprache: q.language, zielgruppe: q.targetGroup, wochentag: q.weekday })[n as 'q'] ?? undefined);
    Object.assign(filter, { kostenlos: q.free === 'true', frau: q.femaleContact === 'true', kinderbetreuung: q.childcare === 'true', barrierefrei: q.barrierFree === 'true' });
    const rows = await publishedOffers(dbOf(c), kommune.id, filter);
    const { byOffer } = await publicProviders(dbOf(c), kommune.id, rows.map((r) => r.id));
    return c.json({ items: rows.map((o) => presentOffer(o, byOffer)) }, 200);
  });

  api.openapi(detail, async (c) => {
    const { slug, id: offerId } = c.req.valid('param');
    const kommune = await kommuneOf(c, slug);
    const offer = await publishedOffer(dbOf(c), kommune.id, offerId);
    const { byOffer } = await publicProviders(dbOf(c), kommune.id, [offer.id]);
    return c.json(presentOffer(offer, byOffer), 200);
  });

  api.openapi(providers, async (c) => {
    const kommune = await kommuneOf(c, c.req.valid('param').slug);
    const { all } = await publicProviders(dbOf(c), kommune.id);
    return c.json({ items: all.map(presentProvider) }, 200);
  });

  api.openapi(create, async (c) => {
    const kommune = await kommuneOf(c, c.req.valid('param').slug);
    const created = await createOffer(commandContext(c), kommune.id, await rawBody(c));
    return c.json(presentStored(await offerById(dbOf(c), kommune.id, created.id)), 201);
  });

  api.openapi(update, async (c) => {
    const { slug, id: offerId } = c.req.valid('param');
    const kommune = await kommuneOf(c, slug);
    await updateOffer(commandContext(c), kommune.id, offerId, await rawBody(c));
    return c.json(presentStored(await offerById(dbOf(c), kommune.id, offerId)), 200);
  });
}

export const offerApi: ApiRoutes = { tags: [{ name: 'Angebote', description: 'Das Angebotsverzeichnis: öffentlich lesbar, pflegbar mit API-Zugang (Umfang offers)' }], register: offerRoutes };
