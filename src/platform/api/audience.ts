import type { CurrentUser } from '../auth/current-user.js';
import { canReadInternal } from '../tenancy/policy.js';

/**
 * Presenters are the only way data leaves the server through the API. Every field is listed by
 * name (never `...row`), so a column added to a table stays inside until someone decides to
 * publish it. The public shape is what the portal shows; members of the Kommune get more.
 */
export type Audience = 'public' | 'internal';

/** Members of the Kommune (and platform admins) see drafts and internal notes; everyone else the portal's view. */
export const audienceFor = (user: CurrentUser | null, tenantId: string): Audience => (canReadInternal(user, tenantId) ? 'internal' : 'public');

/** An answer as the audience may see it: the public shape, or with the row's `version` for members. */
export const withVersion = <T>(shown: T, row: { version: number }, audience: Audience): T | (T & { version: number }) =>
  audience === 'public' ? shown : { ...shown, version: row.version };
