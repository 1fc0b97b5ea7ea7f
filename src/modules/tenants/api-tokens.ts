/**
 * API-Zugänge: tokens with which a department's own system reports Sachstände and Messwerte
 * through the JSON API. The Koordination creates them (the secret is shown once), sees when each
 * was last used, and revokes them. The platform checks a presented token with `checkApiToken`
 * (handed to it in src/app.ts) and lets it act as a member with the token's role and actor.
 */
import { and, desc, eq, gt, isNull, lt, or } from 'drizzle-orm';
import { z } from 'zod';
import type { Db } from '../../db/client.js';
import { recordAudit } from '../../platform/audit/record.js';
import { auditLog } from '../../platform/audit/schema.js';
import { apiScopes, apiTokenHint, newApiToken } from '../../platform/auth/api-tokens.js';
import { hashToken } from '../../platform/auth/tokens.js';
import { assertCurrentVersion, authorize, found, type CommandContext } from '../../platform/commands.js';
import { addYears, berlinDate, endOfBerlinDay } from '../../platform/dates.js';
import { AppError, type FieldError } from '../../platform/errors.js';
import type { ApiTokenCheck } from '../../platform/http/bearer.js';
import { translator } from '../../platform/i18n/i18n.js';
import { isCoordinator } from '../../platform/tenancy/policy.js';
import { noteContentChange } from '../../platform/public-changes.js';
import { tenants } from '../../platform/tenancy/schema.js';
import { isUuid, isoDate, listOf, parseInput, requiredText } from '../../platform/validation.js';
import { actors } from '../actors/schema.js';
import { checkActorOfTenant, roleFields, validationError, withRoleRules } from './members.js';
import { apiTokens } from './schema.js';

export { endOfBerlinDay };

export type ApiToken = typeof apiTokens.$inferSelect;
export type ApiTokenRow = Omit<ApiToken, 'tokenHash'> & { actorName: string | null };

/** API-Zugänge are the Koordination's: they act in the Kommune's name. */
export const canManageApiTokens = isCoordinator;

/** How the Protokoll, Sachstände and Messwerte name what a token wrote. */
export const apiTokenActorName = (name: string) => translator('de')('api_tokens.actor_name', { name });

const blankToUndefined = (v: unknown) => (typeof v === 'string' && v.trim() === '' ? undefined : v);

export const apiTokenInput = withRoleRules(
  z.object({
    name: requiredText(200),
    ...roleFields,
    scopes: listOf(z.enum(apiScopes, { error: 'validation.invalid_choice' })).transform((s) => [...new Set(s)]),
    expiresOn: z.preprocess(blankToUndefined, isoDate({ error: 'validation.required' })),
  }),
);

/** What the audit log keeps of a token: never its hash. */
const auditView = (t: ApiToken) => ({ name: t.name, role: t.role, actorId: t.actorId, scopes: t.scopes, hint: t.hint, expiresAt: t.expiresAt, revokedAt: t.revokedAt });

/**
 * Creates an API-Zugang. The secret exists only in the return value (shown once); the database
 * keeps its SHA-256. Valid through `expiresOn` (after today, at most a year ahead). A reading role
 * (Lesend) cannot be given anything to report.
 */
export async function createApiToken(ctx: CommandContext, tenantId: string, input: unknown, now = new Date()): Promise<{ token: ApiToken; secret: string }> {
  authorize(canManageApiTokens(ctx.user, tenantId));
  const data = parseInput(apiTokenInput, input);
  const today = berlinDate(now);
  const latest = addYears(today, 1);
  const problems: FieldError[] = [];
  if (data.expiresOn <= today || data.expiresOn > latest) problems.push({ field: 'expiresOn', messageKey: 'api_tokens.error.expiry_range', params: { latest: germanDay(latest) } });
  if (data.role === 'lesend' && data.scopes.length > 0) problems.push({ field: 'scopes', messageKey: 'api_tokens.error.reader_reports' });
  if (problems.length) throw validationError(problems);
  const secret = newApiToken();
  const token = await ctx.db.transaction(async (tx) => {
    await checkActorOfTenant(tx, tenantId, data.actorId);
    const [same] = await tx.select({ id: apiTokens.id }).from(apiTokens).where(and(eq(apiTokens.tenantId, tenantId), eq(apiTokens.name, data.name)));
    if (same) throw validationError([{ field: 'name', messageKey: 'api_tokens.error.name_taken' }]);
    const [row] = await tx
      .insert(apiTokens)
      .values({
        tenantId,
        name: data.name,
        role: data.role,
        actorId: data.actorId,
        scopes: data.scopes,
        tokenHash: hashToken(secret),
        hint: apiTokenHint(secret),
        createdBy: ctx.user.id,
        createdByName: ctx.user.name,
        expiresAt: endOfBerlinDay(data.expiresOn),
      })
      .returning();
    const created = found(row);
    await recordAudit(tx, ctx.user, { tenantId, action: 'create', entityType: 'api_token', entityId: created.id, after: auditView(created) });
    return created;
  });
  return { token, secret };
}

const germanDay = (iso: string) => iso.split('-').reverse().join('.');

/** Revokes a token for good, based on the version the Koordination saw; a revoked token answers 401 from then on. */
export async function revokeApiToken(ctx: CommandContext, tenantId: string, id: string, version: number, now = new Date()): Promise<ApiToken> {
  authorize(canManageApiTokens(ctx.user, tenantId));
  return ctx.db.transaction(async (tx) => {
    const before = found(isUuid(id) ? (await tx.select().from(apiTokens).where(and(eq(apiTokens.tenantId, tenantId), eq(apiTokens.id, id))).for('update'))[0] : undefined);
    if (before.revokedAt) throw new AppError('conflict', 'api_tokens.error.already_revoked');
    assertCurrentVersion(before.version, version);
    const [after] = await tx
      .update(apiTokens)
      .set({ revokedAt: now, revokedByName: ctx.user.name, version: before.version + 1 })
      .where(and(eq(apiTokens.tenantId, tenantId), eq(apiTokens.id, id)))
      .returning();
    await recordAudit(tx, ctx.user, { tenantId, action: 'revoke', entityType: 'api_token', entityId: id, before: auditView(before), after: auditView(after!) });
    return after!;
  });
}

const listColumns = {
  tenantId: apiTokens.tenantId,
  id: apiTokens.id,
  name: apiTokens.name,
  role: apiTokens.role,
  actorId: apiTokens.actorId,
  scopes: apiTokens.scopes,
  hint: apiTokens.hint,
  createdBy: apiTokens.createdBy,
  createdByName: apiTokens.createdByName,
  createdAt: apiTokens.createdAt,
  expiresAt: apiTokens.expiresAt,
  lastUsedAt: apiTokens.lastUsedAt,
  revokedAt: apiTokens.revokedAt,
  revokedByName: apiTokens.revokedByName,
  version: apiTokens.version,
  actorName: actors.name,
};

/** The Kommune's tokens, newest first, revoked and expired ones included (they explain old Protokoll entries). */
export function apiTokensOf(db: Db, tenantId: string): Promise<ApiTokenRow[]> {
  return db
    .select(listColumns)
    .from(apiTokens)
    .leftJoin(actors, and(eq(actors.tenantId, apiTokens.tenantId), eq(actors.id, apiTokens.actorId)))
    .where(eq(apiTokens.tenantId, tenantId))
    .orderBy(desc(apiTokens.createdAt));
}

export async function apiTokenById(db: Db, tenantId: string, id: string): Promise<ApiTokenRow> {
  if (!isUuid(id)) throw new AppError('not_found');
  const [row] = await db
    .select(listColumns)
    .from(apiTokens)
    .leftJoin(actors, and(eq(actors.tenantId, apiTokens.tenantId), eq(actors.id, apiTokens.actorId)))
    .where(and(eq(apiTokens.tenantId, tenantId), eq(apiTokens.id, id)));
  return found(row);
}

/** The still valid token of this Kommune with this secret (to show a just created secret once). */
export async function openApiTokenBySecret(db: Db, tenantId: string, secret: string, now = new Date()): Promise<ApiToken | undefined> {
  const [row] = await db
    .select()
    .from(apiTokens)
    .where(and(eq(apiTokens.tenantId, tenantId), eq(apiTokens.tokenHash, hashToken(secret)), isNull(apiTokens.revokedAt), gt(apiTokens.expiresAt, now)));
  return row;
}

/** A refused token is noted in the Protokoll at most this often (the attempts are throttled anyway). */
const refusalNoteInterval = 3_600_000;

/**
 * A system still sending a revoked or expired token is worth knowing about: the Protokoll gets one
 * entry per token and hour ("abgewiesen"), naming the reason. Unknown tokens name no Kommune.
 */
async function noteRefusal(db: Db, token: ApiToken, reason: 'revoked' | 'expired', now: Date): Promise<void> {
  const [recent] = await db
    .select({ id: auditLog.id })
    .from(auditLog)
    .where(
      and(
        eq(auditLog.tenantId, token.tenantId),
        eq(auditLog.entityType, 'api_token'),
        eq(auditLog.entityId, token.id),
        eq(auditLog.action, 'reject'),
        gt(auditLog.at, new Date(now.getTime() - refusalNoteInterval)),
      ),
    )
    .limit(1);
  if (recent) return;
  const actor = { id: null, email: 'api@ikon.invalid', name: apiTokenActorName(token.name), isPlatformAdmin: false, memberships: [] };
  await recordAudit(db, actor, { tenantId: token.tenantId, action: 'reject', entityType: 'api_token', entityId: token.id, after: { name: token.name, reason } });
}

/** "Last used" is kept to the minute: one write per client and minute at most, not one per request. */
const lastUsedResolution = 60_000;

/**
 * The platform's check of a presented token (by its hash): unknown, revoked, expired, or the
 * member it acts as, limited to its scopes. A valid use stamps `lastUsedAt`.
 */
export async function checkApiToken(db: Db, tokenHash: string, now: Date): Promise<ApiTokenCheck> {
  const [row] = await db
    .select({ token: apiTokens, tenantSlug: tenants.slug, tenantName: tenants.name })
    .from(apiTokens)
    .innerJoin(tenants, eq(tenants.id, apiTokens.tenantId))
    .where(eq(apiTokens.tokenHash, tokenHash));
  if (!row) return { status: 'unknown' };
  const { token } = row;
  if (token.revokedAt) {
    await noteRefusal(db, token, 'revoked', now);
    return { status: 'revoked', at: token.revokedAt };
  }
  if (token.expiresAt.getTime() <= now.getTime()) {
    await noteRefusal(db, token, 'expired', now);
    return { status: 'expired', at: token.expiresAt };
  }
  const stamped = await db
    .update(apiTokens)
    .set({ lastUsedAt: now })
    .where(
      and(
        eq(apiTokens.tenantId, token.tenantId),
        eq(apiTokens.id, token.id),
        or(isNull(apiTokens.lastUsedAt), lt(apiTokens.lastUsedAt, new Date(now.getTime() - lastUsedResolution))),
      ),
    )
    .returning({ id: apiTokens.id });
  // Not audited (every write made with the token is): noted so that the kept API-Zugänge page shows the new "last used".
  if (stamped.length) await noteContentChange(db, token.tenantId);
  return {
    status: 'valid',
    user: {
      id: null,
      email: 'api@ikon.invalid',
      name: apiTokenActorName(token.name),
      isPlatformAdmin: false,
      memberships: [{ tenantId: token.tenantId, tenantSlug: row.tenantSlug, tenantName: row.tenantName, role: token.role, actorId: token.actorId }],
      apiToken: { id: token.id, tenantId: token.tenantId, name: token.name, scopes: token.scopes },
    },
  };
}
