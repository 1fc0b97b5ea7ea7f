import { createRoute, z } from '@hono/zod-openapi';
import { audienceFor, type Audience } from '../../platform/api/audience.js';
import { commandContext, idParam, json, jsonBody, kommuneOf, named, rawBody, readProblems, signedIn, slugParam, tokenWriteSecurity, writeProblems, type ApiApp } from '../../platform/api/http.js';
import type { ApiRoutes } from '../../platform/api/registry.js';
import { listOf, memberOnly } from '../../platform/api/schemas.js';
import { AppError } from '../../platform/errors.js';
import { dbOf } from '../../platform/http/env.js';
import { assertVisible, editionById } from '../concepts/index.js';
import { todayInGermany } from '../progress/index.js';
import { indicatorDirections, indicatorKinds } from '../progress/schema.js';
import { valueFields } from './input.js';
import { addIndicatorValue, indicatorById, listIndicators, valuesByIndicator, valuesOf, type Indicator, type IndicatorValue } from './service.js';
import { indicatorStatus, indicatorStatuses } from './status.js';
import { indicatorDefinition } from './present.js';
import { allowToken } from '../../platform/http/bearer.js';

const tags = ['Indikatoren'];
const params = z.object({ slug: slugParam, id: idParam() });
const date = () => z.string().openapi({ format: 'date', example: '2025-12-31' });

const publicValue = z.object({ id: z.string().uuid(), measuredOn: date(), value: z.number() });
type PublicValueOut = z.infer<typeof publicValue>;
type InternalValueOut = PublicValueOut & { note: string; createdBy: string; createdAt: string };
export const indicatorValueSchema = publicValue
  .extend({ note: memberOnly(z.string()), createdBy: memberOnly(z.string()), createdAt: memberOnly(z.string().openapi({ format: 'date-time' })) })
  .openapi('IndicatorValue', { description: 'Ein Messwert eines Indikators. Anmerkungen und wer ihn erfasst hat sehen nur Mitglieder.' });

const publicIndicator = z.object({
  id: z.string().uuid(),
  editionId: z.string().uuid(),
  goalId: z.string().uuid().nullable().openapi({ description: 'Das Ziel, zu dem der Indikator gehört (sonst measureId).' }),
  measureId: z.string().uuid().nullable().openapi({ description: 'Die Maßnahme, zu der der Indikator gehört (sonst goalId).' }),
  name: z.string(),
  definition: z.string(),
  unit: z.string(),
  source: z.string(),
  kind: z.enum(indicatorKinds).openapi({ description: 'kontext, output oder wirkung' }),
  baselineValue: z.number().nullable(),
  baselineDate: date().nullable(),
  targetValue: z.number().nullable(),
  targetYear: z.number().int().nullable().openapi({ description: 'Bis Ende dieses Jahres soll der Zielwert erreicht sein.' }),
  direction: z.enum(indicatorDirections).openapi({ description: 'higher: höher ist besser; lower: niedriger ist besser' }),
  status: z.enum(indicatorStatuses).openapi({
    description: 'reached (Ziel erreicht), on_track (im Plan: letzter Wert mindestens auf dem geraden Weg vom Ausgangs- zum Zielwert), behind (hinter dem Plan), no_values, not_assessable.',
  }),
  latestValue: z.number().nullable(),
  latestOn: date().nullable(),
});
type PublicIndicatorOut = z.infer<typeof publicIndicator>;
type InternalIndicatorOut = PublicIndicatorOut & { isPublic: boolean; position: number; version: number };
export const indicatorSchema = publicIndicator
  .extend({ isPublic: memberOnly(z.boolean()), position: memberOnly(z.number().int()), version: memberOnly(z.number().int()) })
  .openapi('Indicator', { description: 'Ein Indikator eines Ziels oder einer Maßnahme. Öffentlich sichtbar sind nur öffentliche Indikatoren der beschlossenen Fassung.' });
const indicatorDetailSchema = indicatorSchema.extend({ values: z.array(indicatorValueSchema).openapi({ description: 'Messwerte, älteste zuerst' }) }).openapi('IndicatorDetail');

/** Field by field; the public never sees notes, names of people, or non-public indicators. */
function presentValue(v: IndicatorValue, audience: Audience): PublicValueOut | InternalValueOut {
  const shown: PublicValueOut = { id: v.id, measuredOn: v.measuredOn, value: v.value };
  if (audience === 'public') return shown;
  return { ...shown, note: v.note, createdBy: v.createdBy, createdAt: new Date(v.createdAt).toISOString() };
}

function presentIndicator(i: Indicator, values: IndicatorValue[], audience: Audience): PublicIndicatorOut | InternalIndicatorOut {
  const status = indicatorStatus(i, values, todayInGermany());
  const shown: PublicIndicatorOut = {
    id: i.id,
    editionId: i.editionId,
    goalId: i.goalId,
    measureId: i.measureId,
    ...indicatorDefinition(i),
    status: status.status,
    latestValue: status.latest?.value ?? null,
    latestOn: status.latest?.measuredOn ?? null,
  };
  if (audience === 'public') return shown;
  return { ...shown, isPublic: i.isPublic, position: i.position, version: i.version };
}

const list = createRoute({
  method: 'get',
  path: '/api/v1/kommunen/{slug}/editions/{id}/indicators',
  operationId: 'listIndicators',
  tags,
  summary: 'Indikatoren einer Fassung',
  description: 'Mit Status und letztem Messwert. Ohne Mitgliedschaft nur die öffentlichen Indikatoren der beschlossenen Fassung.',
  request: { params },
  responses: { 200: json(listOf(indicatorSchema), 'Indikatoren'), ...readProblems },
});

const detail = createRoute({
  method: 'get',
  path: '/api/v1/kommunen/{slug}/indicators/{id}',
  operationId: 'getIndicator',
  tags,
  summary: 'Ein Indikator mit seinen Messwerten',
  request: { params },
  responses: { 200: json(indicatorDetailSchema, 'Der Indikator'), ...readProblems },
});

const addValue = createRoute({
  method: 'post',
  path: '/api/v1/kommunen/{slug}/indicators/{id}/values',
  operationId: 'reportIndicatorValue',
  tags,
  summary: 'Messwert melden',
  description:
    'Für Fachverfahren, die selbst berichten: Koordination für Indikatoren von Zielen; für Indikatoren von Maßnahmen auch der Fachdienst, der die Maßnahme federführend verantwortet. ' +
    'In offenen und beschlossenen Fassungen, nicht in abgelösten. `measuredOn` ist der Stichtag (JJJJ-MM-TT oder TT.MM.JJJJ, nicht in der Zukunft), `value` eine Zahl ' +
    '(auch als Text mit Dezimalkomma, z. B. "1.250,5"). Je Indikator und Stichtag gibt es einen Wert; ein zweiter für denselben Tag wird mit 422 abgelehnt. ' +
    'Ist die Einheit des Indikators Prozent und liegt `value` nicht zwischen 0 und 100, wird der Wert mit 422 abgelehnt, außer `confirmOutOfRange` ist `true`: ' +
    'ein Tippfehler wie „4.711“ für 47,11 % ist häufiger als ein Anteil über 100 %.',
  security: tokenWriteSecurity('indicator_values'),
  middleware: [signedIn, allowToken('indicator_values')] as const,
  request: { params, body: jsonBody(named(valueFields, 'IndicatorValueInput')) },
  responses: { 201: json(indicatorValueSchema, 'Der gespeicherte Messwert'), ...writeProblems },
});

function indicatorRoutes(api: ApiApp) {
  api.openapi(list, async (c) => {
    const { slug, id } = c.req.valid('param');
    const kommune = await kommuneOf(c, slug);
    const audience = audienceFor(c.get('user'), kommune.id);
    const db = dbOf(c);
    assertVisible(await editionById(db, kommune.id, id), audience);
    const rows = await listIndicators(db, kommune.id, id, { publicOnly: audience === 'public' });
    const values = await valuesByIndicator(db, kommune.id, rows.map((r) => r.id));
    return c.json({ items: rows.map((r) => presentIndicator(r, values.get(r.id) ?? [], audience)) }, 200);
  });

  api.openapi(detail, async (c) => {
    const { slug, id } = c.req.valid('param');
    const kommune = await kommuneOf(c, slug);
    const audience = audienceFor(c.get('user'), kommune.id);
    const db = dbOf(c);
    const indicator = await indicatorById(db, kommune.id, id);
    assertVisible(await editionById(db, kommune.id, indicator.editionId), audience);
    if (audience === 'public' && !indicator.isPublic) throw new AppError('not_found');
    const values = await valuesOf(db, kommune.id, indicator.id);
    return c.json({ ...presentIndicator(indicator, values, audience), values: values.map((v) => presentValue(v, audience)) }, 200);
  });

  api.openapi(addValue, async (c) => {
    const { slug, id } = c.req.valid('param');
    const kommune = await kommuneOf(c, slug);
    const value = await addIndicatorValue(commandContext(c), kommune.id, id, await rawBody(c));
    return c.json(presentValue(value, 'internal'), 201);
  });
}

/** Indicators with their values; reporting a value. */
export const indicatorApi: ApiRoutes = { tags: [{ name: 'Indikatoren', description: 'Indikatoren von Zielen und Maßnahmen und ihre Messwerte' }], register: indicatorRoutes };
