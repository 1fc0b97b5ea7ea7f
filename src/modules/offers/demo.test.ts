import assert from 'node:assert/strict';
import { test } from 'node:test';
import { and, eq, sql } from 'drizzle-orm';
import { describeEachDb } from '../../../test/support/harness.js';
import { tenants } from '../../platform/tenancy/schema.js';
import { offerProviders, offers } from './schema.js';

describeEachDb('Angebote im Demo-Landkreis', (t) => {
  test('mindestens 120 Angebote von mindestens 40 Akteuren in jeder Gemeinde, mit sichtbaren Lücken', async () => {
    const [county] = await t().db.select().from(tenants).where(eq(tenants.slug, 'musterland'));
    const all = await t().db.select().from(offers).where(eq(offers.tenantId, county!.id));
    assert.ok(all.length >= 120, `offers: ${all.length}`);
    const [providers] = await t().db.select({ n: sql<number>`count(distinct actor_id)::int` }).from(offerProviders).where(eq(offerProviders.tenantId, county!.id));
    assert.ok(providers!.n >= 15, `providers: ${providers!.n}`);
    const municipalities = await t().db.select().from(tenants).where(eq(tenants.parentId, county!.id));
    for (const m of municipalities) assert.ok(all.some((o) => o.municipalityId === m.id), `offers in ${m.name}`);
    const arabicCounselling = all.filter((o) => o.category === 'beratung' && o.languages.includes('ar'));
    const musterstadt = municipalities.find((m) => m.slug === 'musterstadt')!;
    assert.ok(arabicCounselling.length > 0 && arabicCounselling.every((o) => o.municipalityId === musterstadt.id || o.municipalityId === null), 'counselling in Arabic only in the county town (or county-wide)');
    const kraehenfelde = municipalities.find((m) => m.slug === 'kraehenfelde')!;
    assert.equal(all.filter((o) => o.municipalityId === kraehenfelde.id && o.category === 'sprachkurs' && o.childcare).length, 0, 'no language course with childcare in Krähenfelde');
    assert.ok(all.some((o) => o.title === 'Praktikumsbörse Musterland' && o.schedule.kind === 'termine'), 'the Praktikumsbörse on its dates');
    assert.ok(all.filter((o) => o.title.startsWith('Integrationscafé') && o.schedule.kind === 'wiederkehrend').length >= 10, 'a weekly Integrationscafé in every Gemeinde');
    const [unverified] = await t().db.select({ n: sql<number>`count(*)::int` }).from(offers).where(and(eq(offers.tenantId, county!.id), sql`verified_on < current_date - interval '12 months'`, sql`status <> 'beendet'`));
    assert.ok(unverified!.n > 0, 'some offers are due for a check');
  });
});
