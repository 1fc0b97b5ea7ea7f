import fc from 'fast-check';
import type { TestApp, TestClient } from '../harness.js';
import { apiRequests } from './api-targets.js';
import { formRequests, pageRequests } from './form-targets.js';
import { knownIds } from './known.js';
import { describe, type FuzzRequest, type Who } from './request.js';
import { eq } from 'drizzle-orm';
import { apiScopes } from '../../../src/platform/auth/api-tokens.js';
import { systemUser } from '../../../src/platform/auth/current-user.js';
import { tenants } from '../../../src/platform/tenancy/schema.js';
import { createApiToken } from '../../../src/modules/tenants/api-tokens.js';

export interface FuzzResult {
  total: number;
  /** HTTP status → how many answers had it. */
  statuses: Map<number, number>;
  /** Every answer ≥ 500, with what was sent. */
  serverErrors: { request: string; status: number }[];
  /** Requests per route template, to see that every operation was reached. */
  routes: Map<string, number>;
  /** Milliseconds spent per route template, to keep the run fast. */
  durations: Map<string, number>;
}

/**
 * Generates `count` requests from a seed (same seed, same requests) across the JSON API (every
 * operation of the OpenAPI document), the HTML forms and some pages, and sends them in-process.
 * Roughly half go to the API, a third to the forms.
 */
export async function runFuzz(t: TestApp, opts: { count: number; seed: number }): Promise<FuzzResult> {
  const known = await knownIds(t.db);
  const doc = await (await t.app.request('/api/v1/openapi.json')).json();
  const requests = fc.sample(
    fc.oneof({ weight: 5, arbitrary: apiRequests(doc, known) }, { weight: 4, arbitrary: formRequests(known) }, { weight: 1, arbitrary: pageRequests(known) }),
    { seed: opts.seed, numRuns: opts.count },
  );
  const clients: Record<Who, TestClient> = {
    koordination: await t.signIn('koordination@musterland.example'),
    partner: await t.signIn('partner@musterland.example'),
    anonymous: t.client(),
    token: t.client(),
  };
  const token = await fuzzToken(t);
  // A browser has opened a page (and got its CSRF token) before it posts anything.
  await clients.anonymous.get('/anmelden');
  const result: FuzzResult = { total: 0, statuses: new Map(), serverErrors: [], routes: new Map(), durations: new Map() };
  for (const r of requests) {
    const started = performance.now();
    const authorization = r.authorization ?? (r.who === 'token' ? `Bearer ${token}` : undefined);
    const status = (await send(clients[r.who], r, authorization)).status;
    result.durations.set(r.route, (result.durations.get(r.route) ?? 0) + performance.now() - started);
    result.total++;
    result.statuses.set(status, (result.statuses.get(status) ?? 0) + 1);
    result.routes.set(r.route, (result.routes.get(r.route) ?? 0) + 1);
    if (status >= 500) result.serverErrors.push({ request: describe(r), status });
  }
  return result;
}

/** An API-Zugang with the Koordination's role and every scope, as a department's system would use it. */
async function fuzzToken(t: TestApp): Promise<string> {
  const [tenant] = await t.db.select({ id: tenants.id }).from(tenants).where(eq(tenants.slug, 'musterland'));
  const expiresOn = new Date(Date.now() + 30 * 86_400_000).toISOString().slice(0, 10);
  const name = `Fuzz ${Date.now()}-${Math.random().toString(36).slice(2, 8)}`;
  const { secret } = await createApiToken({ db: t.db, user: systemUser }, tenant!.id, { name, role: 'koordination', scopes: [...apiScopes], expiresOn });
  return secret;
}

async function send(client: TestClient, r: FuzzRequest, authorization: string | undefined): Promise<Response> {
  const csrf: Record<string, string> = { ...(r.withoutCsrf ? {} : { 'x-csrf-token': client.csrf }), ...(authorization === undefined ? {} : { authorization }) };
  const body = r.body;
  let res: Response;
  const auth: Record<string, string> = authorization === undefined ? {} : { authorization };
  if (!body) res = await client.request(r.path, { method: r.method, headers: r.method === 'GET' ? auth : csrf });
  else if (body.kind === 'form') {
    const form = new URLSearchParams(body.fields);
    if (!r.withoutCsrf) form.append('_csrf', client.csrf);
    res = await client.request(r.path, { method: r.method, body: form, headers: { ...auth, 'content-type': 'application/x-www-form-urlencoded' } });
  } else if (body.kind === 'multipart') {
    const form = new FormData();
    for (const [k, v] of body.fields) form.append(k, v);
    for (const [k, name, content] of body.files ?? []) form.append(k, new Blob([content]), name);
    if (!r.withoutCsrf) form.append('_csrf', client.csrf);
    res = await client.request(r.path, { method: r.method, body: form, headers: auth });
  } else {
    res = await client.request(r.path, { method: r.method, body: body.text, headers: { ...csrf, 'content-type': body.contentType } });
  }
  await res.arrayBuffer(); // read to the end, as a browser would
  return res;
}

/** "200 × 412, 303 × 120, …" for the report. */
export const distribution = (statuses: Map<number, number>) =>
  [...statuses].sort(([a], [b]) => a - b).map(([s, n]) => `${s} × ${n}`).join(', ');
