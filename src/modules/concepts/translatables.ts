import { sql } from 'drizzle-orm';
import { translatable } from '../../platform/translations/sources.js';

/** The adopted edition: what the public sees, so what is worth translating. */
const adopted = sql`select id from editions where tenant_id = x.tenant_id and status = 'beschlossen'`;

const title = { name: 'title', labelKey: 'content_field.title', multiline: false };

export const editionTranslatable = translatable({
  kind: 'edition',
  labelKey: 'audit.entity.edition',
  order: 10,
  fields: [title, { name: 'introduction', labelKey: 'content_field.introduction', multiline: true }],
  query: (tenantId) => sql<{ id: string; title: string; introduction: string }>`select id, title, introduction from editions where tenant_id = ${tenantId} and status = 'beschlossen'`,
  item: (r) => ({ id: r.id, label: r.title, texts: { title: r.title, introduction: r.introduction } }),
});

export const guidelineTranslatable = translatable({
  kind: 'guideline',
  labelKey: 'audit.entity.guideline',
  order: 20,
  fields: [title, { name: 'text', labelKey: 'content_field.text', multiline: true }],
  query: (tenantId) => sql<{ id: string; title: string; text: string }>`select id, title, text from guidelines x where tenant_id = ${tenantId} and edition_id = (${adopted}) order by position`,
  item: (r, i) => ({ id: r.id, label: `${i + 1}. ${r.title}`, texts: { title: r.title, text: r.text } }),
});

export const fieldTranslatable = translatable({
  kind: 'field',
  labelKey: 'audit.entity.field',
  order: 30,
  fields: [title, { name: 'description', labelKey: 'content_field.description', multiline: true }],
  query: (tenantId) => sql<{ id: string; title: string; description: string }>`select id, title, description from fields x where tenant_id = ${tenantId} and edition_id = (${adopted}) order by is_cross_cutting, position`,
  item: (r) => ({ id: r.id, label: r.title, texts: { title: r.title, description: r.description } }),
});

export const goalTranslatable = translatable({
  kind: 'goal',
  labelKey: 'audit.entity.goal',
  order: 40,
  fields: [title, { name: 'description', labelKey: 'content_field.description', multiline: true }],
  query: (tenantId) =>
    sql<{ id: string; number: string; title: string; description: string }>`select x.id, x.number, x.title, x.description from goals x join fields f on f.tenant_id = x.tenant_id and f.id = x.field_id
        where x.tenant_id = ${tenantId} and x.edition_id = (${adopted}) order by f.position, x.position`,
  item: (r) => ({ id: r.id, label: `${r.number} ${r.title}`, texts: { title: r.title, description: r.description } }),
});

export const conceptTranslatables = [editionTranslatable, guidelineTranslatable, fieldTranslatable, goalTranslatable];
