import type { Edition } from '../concepts/index.js';
import type { Tenant } from '../../platform/tenancy/service.js';
import type { KommuneDetailOut, KommuneOut } from './schemas.js';

/** The Kommune as the API shows it, field by field (see platform/api/audience.ts). */
export const presentKommune = (t: Tenant): KommuneOut => ({ id: t.id, ags: t.ags, name: t.name, kind: t.kind, slug: t.slug, parentId: t.parentId });

export const presentKommuneDetail = (t: Tenant, adopted: Edition | undefined): KommuneDetailOut => ({ ...presentKommune(t), adoptedEditionId: adopted?.id ?? null });
