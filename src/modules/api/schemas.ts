import { z } from '@hono/zod-openapi';
import { id } from '../../platform/api/schemas.js';
import { tenantKinds } from '../../platform/tenancy/schema.js';

export const kommuneSchema = z
  .object({ id: id(), ags: z.string().openapi({ example: '03499000' }), name: z.string(), kind: z.enum(tenantKinds), slug: z.string(), parentId: id().nullable() })
  .openapi('Kommune');
export type KommuneOut = z.infer<typeof kommuneSchema>;

export const kommuneDetailSchema = kommuneSchema
  .extend({ adoptedEditionId: id().nullable().openapi({ description: 'Die beschlossene Fassung des Integrationskonzepts, falls es eine gibt.' }) })
  .openapi('KommuneDetail');
export type KommuneDetailOut = z.infer<typeof kommuneDetailSchema>;
