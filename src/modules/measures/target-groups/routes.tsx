import { Hono } from 'hono';
import type { JSX } from 'hono/jsx/jsx-runtime';
import { AppError } from '../../../platform/errors.js';
import { dbOf, type AppEnv, type Ctx } from '../../../platform/http/env.js';
import { formBody, redirectWithFlash, render } from '../../../platform/http/render.js';
import { commandContext } from '../../../platform/http/session.js';
import type { Tenant } from '../../../platform/tenancy/service.js';
import { AppPage, appBase, tenantForApp } from '../../../platform/ui/app-shell.js';
import { Alert } from '../../../platform/ui/components.js';
import { ConfirmAction } from '../../../platform/ui/confirm.js';
import { emptyForm, type FormState } from '../../../platform/ui/form.js';
import { keptWhileUnchanged } from '../../../platform/kept-derived.js';
import { isUuid } from '../../../platform/validation.js';
import {
  canManageTargetGroups, createTargetGroup, deleteTargetGroup, duplicateSuggestions, listTargetGroups, mergeTargetGroups, targetGroupById, updateTargetGroup,
  type DuplicateSuggestion, type TargetGroupUsage,
} from './service.js';
import { EditTargetGroup, TargetGroupList } from './views/pages.js';
import { keptAppPage } from '../../../platform/ui/kept-app-page.js';

const id = ':id{[0-9a-fA-F-]{36}}';

/**
 * The vocabulary with its usage and the duplicate suggestions (every pair of names compared), kept while
 * nothing in the Kommune changed (platform/kept-derived.ts; issue 9.2): the list page is opened again after
 * every rename and merge, and each of those is an audited write that computes it afresh.
 */
const keptLists = keptWhileUnchanged<{ groups: TargetGroupUsage[]; suggestions: DuplicateSuggestion[] }>(8);

/** Zielgruppen of a Kommune (issue 7.18): list with usage, rename, merge duplicates, delete unused. */
export function targetGroupRoutes() {
  const app = new Hono<AppEnv>();

  const coordinator = async (c: Ctx) => {
    const { tenant, user } = await tenantForApp(c);
    if (!canManageTargetGroups(user, tenant.id)) throw new AppError('forbidden');
    return { tenant, base: `${appBase(tenant)}/zielgruppen` };
  };

  const listPage = async (c: Ctx, tenant: Tenant, form: FormState, status = 200) => {
    const t = c.get('t');
    const { groups, suggestions } = await keptLists(c.get('services').database, tenant.id, 'list', async () => {
      const groups = await listTargetGroups(dbOf(c), tenant.id);
      return { groups, suggestions: await duplicateSuggestions(dbOf(c), tenant.id, groups) };
    });
    return render(
      c,
      <AppPage c={c} tenant={tenant} title={t('target_groups.title')} section="target_groups">
        <TargetGroupList t={t} base={`${appBase(tenant)}/zielgruppen`} csrfToken={c.get('csrfToken')} groups={groups} suggestions={suggestions} form={form} />
      </AppPage>,
      status,
    );
  };

  const editPage = async (c: Ctx, tenant: Tenant, groupId: string, form: FormState, status = 200, notice?: JSX.Element) => {
    const t = c.get('t');
    const db = dbOf(c);
    const group = await targetGroupById(db, tenant.id, groupId);
    const others = (await listTargetGroups(db, tenant.id)).filter((g) => g.id !== group.id);
    return render(
      c,
      <AppPage c={c} tenant={tenant} title={group.name} section="target_groups">
        {notice ?? null}
        <EditTargetGroup t={t} base={`${appBase(tenant)}/zielgruppen`} csrfToken={c.get('csrfToken')} group={group} others={others} form={form} />
      </AppPage>,
      status,
    );
  };

  app.get('/app/k/:slug/zielgruppen', keptAppPage, async (c) => {
    const { tenant } = await coordinator(c);
    return listPage(c, tenant, emptyForm());
  });

  app.post('/app/k/:slug/zielgruppen', async (c) => {
    const { tenant, base } = await coordinator(c);
    const body = await formBody(c);
    try {
      const g = await createTargetGroup(commandContext(c), tenant.id, body);
      return redirectWithFlash(c, base, c.get('t')('target_groups.created', { name: g.name }));
    } catch (e) {
      if (e instanceof AppError && e.code === 'validation_failed') return listPage(c, tenant, { values: body, errors: e.fieldErrors }, 422);
      throw e;
    }
  });

  app.get(`/app/k/:slug/zielgruppen/${id}`, keptAppPage, async (c) => {
    const { tenant } = await coordinator(c);
    const g = await targetGroupById(dbOf(c), tenant.id, c.req.param('id'));
    return editPage(c, tenant, g.id, emptyForm({ name: g.name, description: g.description, version: g.version }));
  });

  app.post(`/app/k/:slug/zielgruppen/${id}`, async (c) => {
    const { tenant, base } = await coordinator(c);
    const body = await formBody(c);
    const groupId = c.req.param('id');
    const t = c.get('t');
    try {
      const g = await updateTargetGroup(commandContext(c), tenant.id, groupId, body);
      return redirectWithFlash(c, base, t('target_groups.saved', { name: g.name }));
    } catch (e) {
      if (e instanceof AppError && e.code === 'validation_failed') return editPage(c, tenant, groupId, { values: body, errors: e.fieldErrors }, 422);
      if (e instanceof AppError && e.code === 'edit_conflict') {
        const current = await targetGroupById(dbOf(c), tenant.id, groupId);
        return editPage(c, tenant, groupId, { values: { ...body, version: current.version }, errors: [] }, 409, <Alert variant="danger" title={t('target_groups.conflict', { name: current.name })} />);
      }
      throw e;
    }
  });

  /** Merge: without `in` the edit page's choice; with it, the confirmation saying how many measures move. */
  app.get(`/app/k/:slug/zielgruppen/${id}/zusammenfuehren`, keptAppPage, async (c) => {
    const { tenant, base } = await coordinator(c);
    const t = c.get('t');
    const db = dbOf(c);
    const from = await targetGroupById(db, tenant.id, c.req.param('id'));
    const intoId = c.req.query('in') ?? '';
    if (!isUuid(intoId) || intoId === from.id) {
      return editPage(c, tenant, from.id, emptyForm({ name: from.name, description: from.description, version: from.version }), 422, <Alert variant="danger" title={t('target_groups.merge_choose')} />);
    }
    const into = await targetGroupById(db, tenant.id, intoId);
    const title = t('target_groups.merge_confirm_title', { from: from.name, into: into.name });
    return render(
      c,
      <AppPage c={c} tenant={tenant} title={title} section="target_groups">
        <ConfirmAction
          t={t}
          title={title}
          action={`${base}/${from.id}/zusammenfuehren`}
          csrfToken={c.get('csrfToken')}
          fields={{ into: into.id, version: String(from.version), intoVersion: String(into.version) }}
          confirmLabel={t('target_groups.merge_submit')}
          cancelHref={base}
        >
          <p>{t('target_groups.merge_confirm_text', { count: from.measures, from: from.name, into: into.name })}</p>
          <p>{t('target_groups.merge_confirm_after', { from: from.name, into: into.name })}</p>
        </ConfirmAction>
      </AppPage>,
    );
  });

  app.post(`/app/k/:slug/zielgruppen/${id}/zusammenfuehren`, async (c) => {
    const { tenant, base } = await coordinator(c);
    const body = await formBody(c);
    const t = c.get('t');
    const db = dbOf(c);
    const from = await targetGroupById(db, tenant.id, c.req.param('id'));
    const into = isUuid(body.into) ? await targetGroupById(db, tenant.id, String(body.into)) : undefined;
    try {
      const moved = await mergeTargetGroups(commandContext(c), tenant.id, from.id, body);
      return redirectWithFlash(c, base, t('target_groups.merged', { count: moved, from: from.name, into: into?.name ?? '' }));
    } catch (e) {
      if (e instanceof AppError && (e.code === 'edit_conflict' || e.code === 'validation_failed')) {
        const message = e.code === 'edit_conflict' ? t('target_groups.merge_conflict') : t('target_groups.merge_choose');
        return editPage(c, tenant, from.id, emptyForm({ name: from.name, description: from.description, version: from.version }), 409, <Alert variant="danger" title={message} />);
      }
      throw e;
    }
  });

  app.get(`/app/k/:slug/zielgruppen/${id}/loeschen`, keptAppPage, async (c) => {
    const { tenant, base } = await coordinator(c);
    const t = c.get('t');
    const g = await targetGroupById(dbOf(c), tenant.id, c.req.param('id'));
    const title = t('target_groups.delete_confirm_title', { name: g.name });
    if (g.measures > 0) {
      return editPage(c, tenant, g.id, emptyForm({ name: g.name, description: g.description, version: g.version }), 409, <Alert variant="danger" title={t('target_groups.in_use', { count: g.measures })} />);
    }
    return render(
      c,
      <AppPage c={c} tenant={tenant} title={title} section="target_groups">
        <ConfirmAction t={t} title={title} action={`${base}/${g.id}/loeschen`} csrfToken={c.get('csrfToken')} fields={{ version: String(g.version) }} confirmLabel={t('target_groups.delete')} cancelHref={`${base}/${g.id}`}>
          <p>{t('target_groups.delete_confirm_text')}</p>
        </ConfirmAction>
      </AppPage>,
    );
  });

  app.post(`/app/k/:slug/zielgruppen/${id}/loeschen`, async (c) => {
    const { tenant, base } = await coordinator(c);
    const body = await formBody(c);
    const t = c.get('t');
    const g = await targetGroupById(dbOf(c), tenant.id, c.req.param('id'));
    try {
      await deleteTargetGroup(commandContext(c), tenant.id, g.id, body.version);
      return redirectWithFlash(c, base, t('target_groups.deleted', { name: g.name }));
    } catch (e) {
      if (e instanceof AppError && (e.code === 'conflict' || e.code === 'edit_conflict')) {
        const message = e.code === 'conflict' ? t(e.messageKey, e.options.params) : t('target_groups.conflict', { name: g.name });
        return editPage(c, tenant, g.id, emptyForm({ name: g.name, description: g.description, version: g.version }), 409, <Alert variant="danger" title={message} />);
      }
      throw e;
    }
  });

  return app;
}
