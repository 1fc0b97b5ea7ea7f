import { Hono } from 'hono';
import { deleteCookie, getCookie } from 'hono/cookie';
import { z } from 'zod';
import { recentAudit } from '../../platform/audit/record.js';
import { membershipIn, type CurrentUser } from '../../platform/auth/current-user.js';
import { createSession, endSession } from '../../platform/auth/sessions.js';
import { sessionTokenOf } from '../../platform/http/cookies.js';
import { handOver, handoffCookie } from '../../platform/http/handoff.js';
import { keepPageUntil } from '../../platform/http/kept-page.js';
import { keptAppPage } from '../../platform/ui/kept-app-page.js';
import type { CommandContext } from '../../platform/commands.js';
import { AppError, type FieldError } from '../../platform/errors.js';
import { dbOf, type AppEnv, type Ctx } from '../../platform/http/env.js';
import { DeleteConflict } from '../../platform/http/delete-conflict.js';
import { formBody, redirectWithFlash, render, takeFlash } from '../../platform/http/render.js';
import { requireUser, setSessionCookie, commandContext } from '../../platform/http/session.js';
import { ConfirmAction } from '../../platform/ui/confirm.js';
import { emptyForm, type FormState } from '../../platform/ui/form.js';
import { parseInput, requiredText } from '../../platform/validation.js';
import { listActors } from '../actors/index.js';
import { slugify } from './ags.js';
import { AppPage, appBase, tenantForApp } from '../../platform/ui/app-shell.js';
import {
  acceptInvitation,
  acceptInvitationAsUser,
  invitationDays,
  invitationLink,
  invitationMail,
  inviteMember,
  resolveInvitation,
  revokeInvitation,
  type ResolvedInvitation,
} from './invitations.js';
import { changeMemberRole, emailField, removeMember } from './members.js';
import { createResetLinkForMember, handedOverResetLink } from './reset-links.js';
import { passwordResetLink, passwordResetMail } from '../../platform/auth/password-reset.js';
import { canCreateTenant, canManageMembers, contentEntityTypes } from './policy.js';
import { isCoordinator } from '../../platform/tenancy/policy.js';
import { createTenant, editionsOf, invitationById, isTopLevel, measureStatusCounts, membersOf, parentCandidates, pendingInvitations, tenantInput, type Invitation } from './service.js';
import { listTenants, type Tenant } from '../../platform/tenancy/service.js';
import { AdminTenantsPage } from './views/admin.js';
import { OperationsPage } from './views/operations.js';
import { jobOverview } from '../../platform/jobs/runs.js';
import { AppHomePage, LandingPage } from './views/home.js';
import { AcceptInvitationPage, ConfirmInvitationPage, InvitationGonePage, SignInFirstPage } from './views/invitation.js';
import { MembersContent, type InvitationHandoff, type MembersPageProps } from './views/members.js';
import { OverviewContent, type CountColumn } from './views/overview.js';

const isAppError = (e: unknown, code: AppError['code']): e is AppError => e instanceof AppError && e.code === code;

/**
 * An invitation that could not be mailed is shown once to the person who created it: its token
 * travels in a short-lived HttpOnly cookie across the redirect (the database only has its hash).
 */
const invitationCookie = handoffCookie('ikon_invitation_link');

function keepHandoff(c: Ctx, token: string, kind: 'invitation' | 'password_reset' = 'invitation') {
  const value = kind === 'password_reset' ? `${resetPrefix}${token}` : token;
  handOver(c, invitationCookie, value, '/app', 600);
}
/** A handed-over password reset link (createResetLinkForMember) shares the cookie, marked by this prefix. */
const resetPrefix = 'reset:';

async function takeHandoff(c: Ctx, user: CurrentUser, tenantId?: string): Promise<InvitationHandoff | undefined> {
  const value = getCookie(c, invitationCookie);
  if (!value) return undefined;
  if (value.startsWith(resetPrefix)) {
    if (!tenantId) return undefined; // shown on the members page of its Kommune
    deleteCookie(c, invitationCookie, { path: '/app' });
    const token = value.slice(resetPrefix.length);
    const reset = canManageMembers(user, tenantId) ? await handedOverResetLink(dbOf(c), tenantId, token) : undefined;
    if (!reset) return undefined;
    const link = passwordResetLink(c.get('services').config.publicUrl, token);
    return { kind: 'password_reset', name: reset.name, email: reset.email, link, mail: passwordResetMail(c.get('t'), { to: reset.email, name: reset.name, link, expiresAt: reset.expiresAt }) };
  }
  const token = value;
  const resolved = await resolveInvitation(dbOf(c), token);
  if (resolved && tenantId && resolved.tenant.id !== tenantId) return undefined; // shown on its own Kommune's page
  deleteCookie(c, invitationCookie, { path: '/app' });
  if (!resolved || resolved.state !== 'open' || !canManageMembers(user, resolved.tenant.id)) return undefined;
  const link = invitationLink(c.get('services').config.publicUrl, token);
  const mail = invitationMail(c.get('t'), { invitation: resolved.invitation, tenantName: resolved.tenant.name, inviterName: user.name, link });
  return { name: resolved.invitation.name, email: resolved.invitation.email, link, mail };
}

/** Sends the invitation mail; false when no mail server is configured or sending failed. */
async function sendInvitation(c: Ctx, user: CurrentUser, tenant: Tenant, invitation: Invitation, token: string): Promise<boolean> {
  const { config, mailer } = c.get('services');
  const mail = invitationMail(c.get('t'), { invitation, tenantName: tenant.name, inviterName: user.name, link: invitationLink(config.publicUrl, token) });
  try {
    return await mailer.send(mail);
  } catch (error) {
    console.error(`[${new Date().toISOString()}] invitation mail to ${invitation.email} failed`, error);
    return false;
  }
}

async function membersPage(c: Ctx, tenant: Tenant, user: CurrentUser, extra: Partial<MembersPageProps> = {}, status = 200) {
  const db = dbOf(c);
  const t = c.get('t');
  const [members, actors, invitations] = await Promise.all([membersOf(db, tenant.id), listActors(db, tenant.id), pendingInvitations(db, tenant.id)]);
  const handoff = status === 200 ? await takeHandoff(c, user, tenant.id) : undefined;
  const now = new Date();
  // An invitation shows „abgelaufen“ from the minute it expires: a kept page no longer than that.
  for (const i of invitations) if (i.expiresAt > now) keepPageUntil(c, i.expiresAt);
  return render(
    c,
    <AppPage c={c} tenant={tenant} title={t('members.title')} section="members">
      <MembersContent
        t={t}
        csrfToken={c.get('csrfToken')}
        base={appBase(tenant)}
        tenantName={tenant.name}
        currentUserId={user.id}
        members={members}
        actors={actors}
        invitations={invitations}
        inviteForm={emptyForm()}
        handoff={handoff}
        invitationDays={invitationDays}
        now={now}
        {...extra}
      />
    </AppPage>,
    status,
  );
}

/** The Kommune of a members page, for coordinators only (other members get 403, outsiders 404). */
async function tenantForMembers(c: Ctx) {
  const { tenant, user } = await tenantForApp(c);
  if (!canManageMembers(user, tenant.id)) throw new AppError('forbidden');
  return { tenant, user };
}

const coordinatorInput = z.object({ coordinatorName: requiredText(200), coordinatorEmail: emailField() });

/** The optional first Koordination of a new Kommune: both fields or neither. */
function coordinatorOf(body: Record<string, unknown>): { value?: { name: string; email: string }; errors: FieldError[] } {
  const name = typeof body.coordinatorName === 'string' ? body.coordinatorName.trim() : '';
  const email = typeof body.coordinatorEmail === 'string' ? body.coordinatorEmail.trim() : '';
  if (!name && !email) return { errors: [] };
  if (!name || !email) return { errors: [{ field: name ? 'coordinatorEmail' : 'coordinatorName', messageKey: 'validation.coordinator_incomplete' }] };
  try {
    const data = parseInput(coordinatorInput, body);
    return { value: { name: data.coordinatorName, email: data.coordinatorEmail }, errors: [] };
  } catch (e) {
    if (e instanceof AppError) return { errors: e.fieldErrors };
    throw e;
  }
}

export function tenantRoutes() {
  const app = new Hono<AppEnv>();

  app.get('/', async (c) => {
    if (c.get('user')) return c.redirect('/app', 302);
    const tenants = (await listTenants(dbOf(c))).filter(isTopLevel);
    return render(c, <LandingPage t={c.get('t')} csrfToken={c.get('csrfToken')} tenants={tenants} />);
  });

  app.get('/app', async (c) => {
    const user = requireUser(c);
    const only = user.memberships.length === 1 ? user.memberships[0] : undefined;
    if (only && !user.isPlatformAdmin) return c.redirect(`/app/k/${only.tenantSlug}`, 302);
    const allTenants = user.isPlatformAdmin ? await listTenants(dbOf(c)) : undefined;
    return render(c, <AppHomePage t={c.get('t')} csrfToken={c.get('csrfToken')} user={user} memberships={user.memberships} allTenants={allTenants} flash={takeFlash(c)} />);
  });

  // ---- Platform administration: Kommunen ----

  const adminPage = async (c: Ctx, user: CurrentUser, form: FormState, status = 200) => {
    const db = dbOf(c);
    const [tenants, parents] = await Promise.all([listTenants(db), parentCandidates(db)]);
    const handoff = status === 200 ? await takeHandoff(c, user) : undefined;
    return render(
      c,
      <AdminTenantsPage t={c.get('t')} csrfToken={c.get('csrfToken')} user={user} tenants={tenants} parents={parents} form={form} flash={takeFlash(c)} handoff={handoff} />,
      status,
    );
  };

  app.get('/app/admin/kommunen', async (c) => {
    const user = requireUser(c);
    if (!canCreateTenant(user)) throw new AppError('forbidden');
    return adminPage(c, user, emptyForm({ kind: 'landkreis' }));
  });

  app.post('/app/admin/kommunen', async (c) => {
    const ctx = commandContext(c);
    if (!canCreateTenant(ctx.user)) throw new AppError('forbidden');
    const t = c.get('t');
    const body = await formBody(c);
    const name = typeof body.name === 'string' ? body.name.trim() : '';
    const slug = typeof body.slug === 'string' && body.slug.trim() ? body.slug.trim() : name ? slugify(name) : '';
    const input = { ags: body.ags, name: body.name, kind: body.kind, parentId: body.parentId, slug };
    const values = { ...body, slug };
    const coordinator = coordinatorOf(body);
    let tenant: Tenant;
    try {
      if (coordinator.errors.length) {
        const tenantErrors = (() => {
          try {
            parseInput(tenantInput, input);
            return [];
          } catch (e) {
            return e instanceof AppError ? e.fieldErrors : [];
          }
        })();
        throw new AppError('validation_failed', 'error.validation_failed', { fieldErrors: [...tenantErrors, ...coordinator.errors] });
      }
      tenant = await createTenant(ctx, input);
    } catch (e) {
      if (isAppError(e, 'validation_failed')) return adminPage(c, ctx.user, { values, errors: e.fieldErrors }, 422);
      throw e;
    }
    if (!coordinator.value) return redirectWithFlash(c, '/app/admin/kommunen', t('admin.created', { name: tenant.name }));
    const { invitation, token } = await inviteMember(ctx, tenant.id, { ...coordinator.value, role: 'koordination' });
    if (await sendInvitation(c, ctx.user, tenant, invitation, token)) {
      return redirectWithFlash(c, '/app/admin/kommunen', t('admin.created_invited', { name: tenant.name, email: invitation.email }));
    }
    keepHandoff(c, token);
    return redirectWithFlash(c, '/app/admin/kommunen', t('admin.created', { name: tenant.name }));
  });

  // ---- Platform administration: Betrieb (background jobs, their runs and failures) ----

  app.get('/app/admin/betrieb', async (c) => {
    const user = requireUser(c);
    if (!canCreateTenant(user)) throw new AppError('forbidden');
    const t = c.get('t');
    const info = c.get('services').jobs;
    const overview = await jobOverview(dbOf(c), info.jobs.map((j) => j.name), new Date());
    const labels = new Map(info.jobs.map((j) => [j.name, t(j.labelKey)]));
    return render(c, <OperationsPage t={t} csrfToken={c.get('csrfToken')} user={user} info={info} overview={overview} labels={labels} />);
  });

  // ---- A Kommune's overview ----

  app.get('/app/k/:slug', async (c) => {
    const { tenant, user } = await tenantForApp(c);
    const db = dbOf(c);
    const t = c.get('t');
    const editions = await editionsOf(db, tenant.id);
    const adopted = editions.find((e) => e.status === 'beschlossen');
    // Newest first: the first edition still being worked on is the current draft.
    const draft = editions.find((e) => e.status === 'entwurf' || e.status === 'beteiligung' || e.status === 'zur_beschlussfassung');
    const shown = [adopted, draft].filter((e) => e !== undefined);
    const counts = await measureStatusCounts(db, tenant.id, shown.map((e) => e.id));
    const columns: CountColumn[] = shown.map((e) => ({
      heading: t(e === adopted ? 'overview.adopted_column' : 'overview.draft_column', { title: e.title }),
      counts: counts.get(e.id) ?? new Map(),
    }));
    const membership = membershipIn(user, tenant.id);
    const roleLabel = membership ? t(`role.${membership.role}`) : user.isPlatformAdmin ? t('role.admin') : undefined;
    // Only Koordination may read the whole log (accounts, invitations, reminders with names and
    // addresses); every other member sees the changes to the concept's content.
    const audit = await recentAudit(db, tenant.id, 10, 0, { entityTypes: isCoordinator(user, tenant.id) ? undefined : contentEntityTypes });
    return render(
      c,
      <AppPage c={c} tenant={tenant} title={t('overview.title')} section="overview">
        <OverviewContent
          t={t}
          base={appBase(tenant)}
          tenantName={tenant.name}
          roleLabel={roleLabel}
          editions={editions}
          columns={columns}
          audit={audit}
          showAuditLink={isCoordinator(user, tenant.id)}
        />
      </AppPage>,
    );
  });

  // ---- Members and invitations (Koordination) ----

  app.get('/app/k/:slug/mitglieder', keptAppPage, async (c) => {
    const { tenant, user } = await tenantForMembers(c);
    return membersPage(c, tenant, user);
  });

  app.post('/app/k/:slug/mitglieder/:userId/rolle', async (c) => {
    const { tenant, user } = await tenantForMembers(c);
    const t = c.get('t');
    const userId = c.req.param('userId');
    const body = await formBody(c);
    try {
      const after = await changeMemberRole(commandContext(c), tenant.id, userId, body);
      const [member] = (await membersOf(dbOf(c), tenant.id)).filter((m) => m.userId === userId);
      return redirectWithFlash(c, `${appBase(tenant)}/mitglieder`, t('members.role_changed', { name: member?.name ?? '', role: t(`role.${after.role}`) }));
    } catch (e) {
      if (isAppError(e, 'validation_failed')) return membersPage(c, tenant, user, { memberForm: { userId, form: { values: body, errors: e.fieldErrors } } }, 422);
      // Someone changed this membership meanwhile: the page shows its current role, nothing changed.
      if (isAppError(e, 'conflict') || isAppError(e, 'edit_conflict')) return membersPage(c, tenant, user, { problem: t(e.messageKey, e.options.params) }, 409);
      throw e;
    }
  });

  app.get('/app/k/:slug/mitglieder/:userId/entfernen', keptAppPage, async (c) => {
    const { tenant, user } = await tenantForMembers(c);
    const t = c.get('t');
    const [member] = (await membersOf(dbOf(c), tenant.id)).filter((m) => m.userId === c.req.param('userId'));
    if (!member) throw new AppError('not_found');
    const title = t('members.remove_confirm_title', { name: member.name, tenant: tenant.name });
    return render(
      c,
      <AppPage c={c} tenant={tenant} title={title} section="members">
        <ConfirmAction t={t} title={title} action={`${appBase(tenant)}/mitglieder/${member.userId}/entfernen`} csrfToken={c.get('csrfToken')} fields={{ version: String(member.version) }} confirmLabel={t('members.remove_confirm')} cancelHref={`${appBase(tenant)}/mitglieder`}>
          <p>{t('members.remove_confirm_text', { name: member.name, role: t(`role.${member.role}`), tenant: tenant.name })}</p>
          {member.userId === user.id ? <p><strong>{t('members.remove_confirm_self')}</strong></p> : null}
        </ConfirmAction>
      </AppPage>,
    );
  });

  app.post('/app/k/:slug/mitglieder/:userId/entfernen', async (c) => {
    const { tenant, user } = await tenantForMembers(c);
    const t = c.get('t');
    const userId = c.req.param('userId');
    const [member] = (await membersOf(dbOf(c), tenant.id)).filter((m) => m.userId === userId);
    const body = await formBody(c);
    try {
      await removeMember(commandContext(c), tenant.id, userId, body.version);
    } catch (e) {
      if (isAppError(e, 'conflict')) return membersPage(c, tenant, user, { problem: t(e.messageKey, e.options.params) }, 409);
      if (isAppError(e, 'edit_conflict')) {
        return membersPage(c, tenant, user, { notice: await DeleteConflict({ c, tenantId: tenant.id, entityType: 'membership', entityId: userId }) }, 409);
      }
      throw e;
    }
    const flash = t('members.removed', { name: member?.name ?? '' });
    // Whoever removed themselves can no longer see the Kommune's pages.
    if (userId === user.id && !user.isPlatformAdmin) return redirectWithFlash(c, '/app', flash);
    return redirectWithFlash(c, `${appBase(tenant)}/mitglieder`, flash);
  });

  // A password reset link for a member without working e-mail: confirm, create, show it once.
  app.get('/app/k/:slug/mitglieder/:userId/passwort-link', keptAppPage, async (c) => {
    const { tenant } = await tenantForMembers(c);
    const t = c.get('t');
    const [member] = (await membersOf(dbOf(c), tenant.id)).filter((m) => m.userId === c.req.param('userId'));
    if (!member) throw new AppError('not_found');
    const title = t('members.reset_link_confirm_title', { name: member.name });
    return render(
      c,
      <AppPage c={c} tenant={tenant} title={title} section="members">
        <ConfirmAction t={t} title={title} action={`${appBase(tenant)}/mitglieder/${member.userId}/passwort-link`} csrfToken={c.get('csrfToken')} confirmLabel={t('members.reset_link_confirm')} cancelHref={`${appBase(tenant)}/mitglieder`}>
          <p>{t('members.reset_link_confirm_text', { name: member.name, email: member.email })}</p>
        </ConfirmAction>
      </AppPage>,
    );
  });

  app.post('/app/k/:slug/mitglieder/:userId/passwort-link', async (c) => {
    const { tenant, user } = await tenantForMembers(c);
    const t = c.get('t');
    let created: Awaited<ReturnType<typeof createResetLinkForMember>>;
    try {
      created = await createResetLinkForMember(commandContext(c), tenant.id, c.req.param('userId'));
    } catch (e) {
      if (isAppError(e, 'conflict')) return membersPage(c, tenant, user, { problem: t(e.messageKey, e.options.params) }, 409);
      if (isAppError(e, 'forbidden') && e.messageKey !== 'error.forbidden') return membersPage(c, tenant, user, { problem: t(e.messageKey, e.options.params) }, 403);
      throw e;
    }
    const back = `${appBase(tenant)}/mitglieder`;
    const { config, mailer } = c.get('services');
    const mail = passwordResetMail(t, { to: created.email, name: created.name, link: passwordResetLink(config.publicUrl, created.token), expiresAt: created.expiresAt });
    const sent = await mailer.send(mail).catch((error) => {
      console.error(`[${new Date().toISOString()}] password reset mail to ${created.email} failed`, error);
      return false;
    });
    if (sent) return redirectWithFlash(c, back, t('members.reset_link_sent', { email: created.email }));
    keepHandoff(c, created.token, 'password_reset');
    return redirectWithFlash(c, back, t('members.reset_link_created', { name: created.name }));
  });

  app.post('/app/k/:slug/einladungen', async (c) => {
    const { tenant, user } = await tenantForMembers(c);
    const t = c.get('t');
    const body = await formBody(c);
    let result: Awaited<ReturnType<typeof inviteMember>>;
    try {
      result = await inviteMember(commandContext(c), tenant.id, body);
    } catch (e) {
      if (isAppError(e, 'validation_failed')) return membersPage(c, tenant, user, { inviteForm: { values: body, errors: e.fieldErrors } }, 422);
      throw e;
    }
    const { invitation, token } = result;
    const back = `${appBase(tenant)}/mitglieder`;
    if (await sendInvitation(c, user, tenant, invitation, token)) return redirectWithFlash(c, back, t('members.invited', { email: invitation.email }));
    keepHandoff(c, token);
    return redirectWithFlash(c, back, t('members.invite_created', { email: invitation.email }));
  });

  app.get('/app/k/:slug/einladungen/:id/zurueckziehen', async (c) => {
    const { tenant } = await tenantForMembers(c);
    const t = c.get('t');
    const invitation = await invitationById(dbOf(c), tenant.id, c.req.param('id'));
    const title = t('members.revoke_confirm_title', { email: invitation.email });
    return render(
      c,
      <AppPage c={c} tenant={tenant} title={title} section="members">
        <ConfirmAction t={t} title={title} action={`${appBase(tenant)}/einladungen/${invitation.id}/zurueckziehen`} csrfToken={c.get('csrfToken')} confirmLabel={t('members.revoke_confirm')} cancelHref={`${appBase(tenant)}/mitglieder`}>
          <p>{t('members.revoke_confirm_text', { name: invitation.name })}</p>
        </ConfirmAction>
      </AppPage>,
    );
  });

  app.post('/app/k/:slug/einladungen/:id/zurueckziehen', async (c) => {
    const { tenant, user } = await tenantForMembers(c);
    const t = c.get('t');
    try {
      const revoked = await revokeInvitation(commandContext(c), tenant.id, c.req.param('id'));
      return redirectWithFlash(c, `${appBase(tenant)}/mitglieder`, t('members.revoked', { email: revoked.email }));
    } catch (e) {
      if (isAppError(e, 'conflict')) return membersPage(c, tenant, user, { problem: t(e.messageKey, e.options.params) }, 409);
      throw e;
    }
  });

  // ---- Accepting an invitation (by link, no session needed) ----

  /** The page for an unusable link, or undefined when the invitation can be accepted. */
  const unusable = (c: Ctx, resolved: ResolvedInvitation | undefined) => {
    const common = { t: c.get('t'), csrfToken: c.get('csrfToken'), user: c.get('user') };
    if (!resolved) return render(c, <InvitationGonePage {...common} titleKey="invitation.not_found_title" textKey="invitation.not_found_text" />, 404);
    if (resolved.state === 'expired') return render(c, <InvitationGonePage {...common} titleKey="invitation.gone_title" textKey="invitation.expired_text" />, 410);
    if (resolved.state === 'accepted') return render(c, <InvitationGonePage {...common} titleKey="invitation.gone_title" textKey="invitation.used_text" />, 410);
    return undefined;
  };

  const invitationPage = (c: Ctx, resolved: ResolvedInvitation, form: FormState, status = 200, notice?: string) => {
    const common = { t: c.get('t'), csrfToken: c.get('csrfToken'), user: c.get('user') };
    const { invitation, tenant } = resolved;
    if (resolved.existingUserId) {
      if (common.user?.id === resolved.existingUserId) return render(c, <ConfirmInvitationPage {...common} action={c.req.path} invitation={invitation} tenant={tenant} />, status);
      return render(c, <SignInFirstPage {...common} path={c.req.path} invitation={invitation} notice={notice} />, status);
    }
    return render(c, <AcceptInvitationPage {...common} action={c.req.path} invitation={invitation} tenant={tenant} form={form} />, status);
  };

  app.get('/einladung/:token', async (c) => {
    const resolved = await resolveInvitation(dbOf(c), c.req.param('token'));
    return unusable(c, resolved) ?? invitationPage(c, resolved!, emptyForm({ name: resolved!.invitation.name }));
  });

  app.post('/einladung/:token', async (c) => {
    const db = dbOf(c);
    const t = c.get('t');
    const token = c.req.param('token');
    const resolved = await resolveInvitation(db, token);
    const gone = unusable(c, resolved);
    if (gone || !resolved) return gone!;
    const user = c.get('user');
    const welcome = (tenant: Tenant) => t('invitation.accepted', { tenant: tenant.name });
    if (resolved.existingUserId) {
      if (!user || user.id !== resolved.existingUserId) return invitationPage(c, resolved, emptyForm());
      try {
        const tenant = await acceptInvitationAsUser(db, user, token);
        return redirectWithFlash(c, `/app/k/${tenant.slug}`, welcome(tenant));
      } catch (e) {
        if (isAppError(e, 'conflict')) return unusable(c, await resolveInvitation(db, token)) ?? invitationPage(c, resolved, emptyForm());
        throw e;
      }
    }
    const body = await formBody(c);
    try {
      const { userId, tenant } = await acceptInvitation(db, token, body);
      // A different person may have been signed in on this browser: end that session.
      const previous = sessionTokenOf(c);
      if (previous) await endSession(db, previous);
      await setSessionCookie(c, await createSession(db, userId));
      return redirectWithFlash(c, `/app/k/${tenant.slug}`, welcome(tenant));
    } catch (e) {
      if (isAppError(e, 'validation_failed')) return invitationPage(c, resolved, { values: { name: body.name }, errors: e.fieldErrors }, 422);
      if (isAppError(e, 'conflict')) {
        const now = await resolveInvitation(db, token);
        return unusable(c, now) ?? invitationPage(c, now!, emptyForm(), 409, t('invitation.account_exists'));
      }
      throw e;
    }
  });

  return app;
}
