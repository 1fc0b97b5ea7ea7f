import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { CurrentUser } from '../../platform/auth/current-user.js';
import { AppError } from '../../platform/errors.js';
import type { Edition } from '../concepts/editions.js';
import type { Measure } from '../measures/service.js';
import { audienceFor } from '../../platform/api/audience.js';
import { assertVisible, presentEdition, presentEditionDetail } from '../concepts/api/present.js';
import { presentActor, presentMeasure } from '../measures/api/present.js';

const tenantId = '00000000-0000-4000-8000-000000000001';
const other = '00000000-0000-4000-8000-000000000002';
const at = new Date('2025-01-02T03:04:05Z');

const measure = {
  tenantId, id: '00000000-0000-4000-8000-0000000000aa', editionId: '00000000-0000-4000-8000-0000000000bb', fieldId: '00000000-0000-4000-8000-0000000000cc',
  number: '1.1.1', position: 1, title: 'Sprachcafé', description: 'Offener Treff', targetGroups: ['Neuzugewanderte'], leadActorId: null, horizon: 'kurz',
  startDate: '2025-01-01', endDate: null, priority: 'normal', staffFte: '0.50', costEur: '1200.00', fundingSource: null, indicator: null, targetValue: null,
  status: 'geplant', sdgs: [4], internalNote: 'Träger wackelt – nicht öffentlich', createdAt: at, updatedAt: at, version: 3,
  goalIds: [], partnerActorIds: [], crossCuttingIds: [], municipalityIds: [],
  // A column someone might add later: presenters list fields by name, so it must not appear.
  secretColumn: 'never published',
} as unknown as Measure;

const edition: Edition = {
  tenantId, id: '00000000-0000-4000-8000-0000000000bb', title: 'Konzept 2026', status: 'entwurf', adoptedOn: null, predecessorId: null,
  introduction: 'Entwurf', createdAt: at, updatedAt: at, version: 2,
};

const user = (memberships: CurrentUser['memberships'], isPlatformAdmin = false): CurrentUser => ({ id: 'u', email: 'x@example.org', name: 'X', isPlatformAdmin, memberships });

describe('api presenters', () => {
  test('a public measure has no internal note, version or timestamps, and no unlisted column', () => {
    const shown = presentMeasure(measure, 'public');
    for (const key of ['internalNote', 'version', 'createdAt', 'updatedAt', 'tenantId', 'secretColumn']) assert.ok(!(key in shown), key);
    assert.ok(!JSON.stringify(shown).includes('Träger wackelt'));
    assert.equal(shown.staffFte, 0.5);
    assert.equal(shown.costEur, 1200);
  });

  test('an internal measure carries the note, the version and ISO timestamps', () => {
    const shown = presentMeasure(measure, 'internal');
    assert.equal((shown as any).internalNote, 'Träger wackelt – nicht öffentlich');
    assert.equal((shown as any).version, 3);
    assert.equal((shown as any).createdAt, '2025-01-02T03:04:05.000Z');
    assert.ok(!('secretColumn' in shown) && !('tenantId' in shown));
  });

  test('editions, items and actors drop version and bookkeeping for the public', () => {
    const pub = presentEditionDetail(edition, { guidelines: [], fields: [{ id: 'f', editionId: edition.id, position: 1, title: 'Sprache', description: '', isCrossCutting: false, version: 4 }], goals: [] }, 'public');
    assert.deepEqual(Object.keys(pub).sort(), ['adoptedOn', 'fields', 'goals', 'guidelines', 'id', 'introduction', 'status', 'title']);
    assert.ok(!('version' in pub.fields[0]!));
    assert.equal((presentEdition(edition, 'internal') as any).version, 2);
    assert.ok(!('version' in presentActor({ id: 'a', name: 'VHS', kind: 'bildungstraeger', municipalityId: null, version: 1 }, 'public')));
  });

  test('members of the Kommune and platform admins are the internal audience; everyone else the public', () => {
    const member = user([{ tenantId, tenantSlug: 'musterland', tenantName: 'M', role: 'lesend', actorId: null }]);
    assert.equal(audienceFor(null, tenantId), 'public');
    assert.equal(audienceFor(member, tenantId), 'internal');
    assert.equal(audienceFor(member, other), 'public');
    assert.equal(audienceFor(user([], true), other), 'internal');
  });

  test('an unpublished edition is not found for the public, visible for members', () => {
    assert.throws(() => assertVisible(edition, 'public'), (e) => e instanceof AppError && e.code === 'not_found');
    assert.doesNotThrow(() => assertVisible(edition, 'internal'));
    assert.doesNotThrow(() => assertVisible({ status: 'beschlossen' }, 'public'));
    assert.throws(() => assertVisible({ status: 'abgeloest' }, 'public'));
  });
});
