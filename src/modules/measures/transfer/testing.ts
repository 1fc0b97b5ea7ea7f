/** Helpers of the measure import's tests: the demo editions, upload and confirm through the routes. */
import { eq, sql } from 'drizzle-orm';
import type { TestApp, TestClient } from '../../../../test/support/harness.js';
import { auditLog } from '../../../platform/audit/schema.js';
import { actors } from '../../actors/schema.js';
import { editions, fields, goals } from '../../concepts/schema.js';
import { measures } from '../schema.js';

export const base = '/app/k/musterland/fassungen';
export const coordination = 'koordination@musterland.example';

export async function demo(t: TestApp) {
  const [draft] = await t.db.select().from(editions).where(eq(editions.status, 'entwurf'));
  const [adopted] = await t.db.select().from(editions).where(eq(editions.status, 'beschlossen'));
  const count = async () => (await t.db.select({ n: sql<number>`count(*)::int` }).from(measures))[0]!.n;
  const audits = async () => (await t.db.select({ n: sql<number>`count(*)::int` }).from(auditLog))[0]!.n;
  const [actorCount, fieldCount, goalCount] = [actors, fields, goals].map((tbl) => async () => (await t.db.select({ n: sql<number>`count(*)::int` }).from(tbl))[0]!.n);
  const snapshot = async () => ({ measures: await count(), audits: await audits(), actors: await actorCount!(), fields: await fieldCount!(), goals: await goalCount!() });
  return { draft: draft!, adopted: adopted!, count, audits, snapshot };
}

/** Uploads a file to the first step; returns status and HTML. */
export async function upload(c: TestClient, editionId: string, bytes: Uint8Array | string, name: string, extra: Record<string, string> = {}) {
  const form = new FormData();
  for (const [k, v] of Object.entries(extra)) form.append(k, v);
  form.append('datei', new Blob([new Uint8Array(typeof bytes === 'string' ? Buffer.from(bytes) : bytes)]), name);
  const res = await c.postMultipart(`${base}/${editionId}/import`, form);
  return { status: res.status, html: await res.text() };
}

/** The confirm step with the hidden fields of the preview page. */
export async function confirm(c: TestClient, editionId: string, previewHtml: string, createMissing: boolean, extra: Record<string, string> = {}) {
  const form = new FormData();
  for (const [k, v] of Object.entries(extra)) form.append(k, v);
  form.append('inhalt', /name="inhalt" value="([^"]*)"/.exec(previewHtml)![1]!);
  form.append('dateiname', /name="dateiname" value="([^"]*)"/.exec(previewHtml)![1]!);
  if (createMissing) form.append('anlegen', '1');
  return c.postMultipart(`${base}/${editionId}/import/bestaetigen`, form);
}

export const counted = (html: string, what: 'created' | 'updated' | 'unchanged') => Number(new RegExp(`data-count="${what}">(\\d+)<`).exec(html)?.[1]);

/** (row, column) pairs of the error table. */
export function problemCells(html: string): [string, string][] {
  return [...html.matchAll(/<th scope="row" class="kern-table__header kern-table__header--numeric">([^<]*)<\/th><td class="kern-table__cell">([^<]*)<\/td>/g)].map((m) => [m[1]!, m[2]!]);
}

export const csv = (rows: string[][], bom = true) => `${bom ? '\uFEFF' : ''}${rows.map((r) => r.map((v) => (/[;"\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v)).join(';')).join('\r\n')}\r\n`;

