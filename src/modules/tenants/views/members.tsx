import type { JSX } from 'hono/jsx/jsx-runtime';
import { DataTable } from '../../../platform/ui/components.js';
import { ConfirmLink } from '../../../platform/ui/confirm.js';
import type { FieldError } from '../../../platform/errors.js';
import { formatDate, type T } from '../../../platform/i18n/i18n.js';
import type { Mail } from '../../../platform/mail/mailer.js';
import { Button, Csrf, ErrorSummary, SelectField, TextField, type FormState, type Option } from '../../../platform/ui/form.js';
import { roles, type Role } from '../../../platform/tenancy/schema.js';
import type { Invitation } from '../service.js';

export interface MemberRow {
  userId: string;
  name: string;
  email: string;
  role: Role;
  version: number;
  actorId: string | null;
}

/**
 * The link and text of an invitation that could not be mailed, or of a password reset link
 * created for a member (`kind`), for the coordinator to pass on.
 */
export interface InvitationHandoff {
  kind?: 'invitation' | 'password_reset';
  name: string;
  email: string;
  link: string;
  mail: Mail;
}

export interface MembersPageProps {
  t: T;
  csrfToken: string;
  base: string;
  tenantName: string;
  currentUserId: string | null;
  members: MemberRow[];
  actors: { id: string; name: string }[];
  invitations: Invitation[];
  inviteForm: FormState;
  /** A role change that failed validation: whose, and what was wrong. */
  memberForm?: { userId: string; form: FormState } | undefined;
  /** A refused action (e.g. removing the last Koordination). */
  problem?: string | undefined;
  /** The conflict view of a removal based on an older membership. */
  notice?: JSX.Element | undefined;
  handoff?: InvitationHandoff | undefined;
  invitationDays: number;
  now: Date;
}

const memberFieldId = (userId: string, field: string) => `f-member-${userId}-${field}`;

export const roleOptions = (t: T): Option[] => roles.map((r) => ({ value: r, label: t(`role.${r}`) }));

export function MembersContent(p: MembersPageProps) {
  const { t } = p;
  const actorName = new Map(p.actors.map((a) => [a.id, a.name]));
  const actorOptions = p.actors.map((a) => ({ value: a.id, label: a.name }));
  const failed = p.memberForm;
  const failedName = failed ? p.members.find((m) => m.userId === failed.userId)?.name ?? '' : '';
  const memberErrors: FieldError[] = failed ? failed.form.errors.map((e) => ({ ...e, field: `member-${failed.userId}-${e.field}` })) : [];
  const labels: Record<string, string> = {
    name: t('members.invite_name'),
    email: t('members.invite_email'),
    role: t('members.role'),
    actorId: t('members.actor'),
    ...(failed
      ? {
          [`member-${failed.userId}-role`]: t('members.role_of', { name: failedName }),
          [`member-${failed.userId}-actorId`]: t('members.actor_of', { name: failedName }),
        }
      : {}),
  };
  return (
    <div class="stack">
      <h1 class="kern-heading-large">{t('members.title')}</h1>
      <ErrorSummary t={t} errors={[...memberErrors, ...p.inviteForm.errors]} labels={labels} />
      {p.problem ? (
        <div class="kern-alert kern-alert--danger" role="alert">
          <div class="kern-alert__header">
            <span class="kern-title">{p.problem}</span>
          </div>
        </div>
      ) : null}
      {p.notice ?? null}
      {p.handoff ? <Handoff t={t} handoff={p.handoff} /> : null}
      <p>{t('members.intro')}</p>

      <DataTable caption={t('members.list_caption', { tenant: p.tenantName })} headers={[t('members.name'), t('members.email'), t('members.role'), t('members.actions')]}>
            {p.members.map((m) => {
              const form = failed?.userId === m.userId ? failed.form : undefined;
              const values = form?.values ?? { role: m.role, actorId: m.actorId ?? '' };
              const errorFor = (field: string) => {
                const e = form?.errors.find((x) => x.field === field);
                return e ? t(e.messageKey, e.params) : undefined;
              };
              return (
                <tr>
                  <th scope="row">
                    {m.name} {m.userId === p.currentUserId ? <span class="muted">{t('members.you')}</span> : null}
                  </th>
                  <td>{m.email}</td>
                  <td>
                    {t(`role.${m.role}`)}
                    {m.actorId ? (
                      <>
                        <br />
                        <span class="muted">{actorName.get(m.actorId) ?? ''}</span>
                      </>
                    ) : null}
                  </td>
                  <td>
                    <form method="post" action={`${p.base}/mitglieder/${m.userId}/rolle`} class="stack" novalidate>
                      <Csrf token={p.csrfToken} />
                      <input type="hidden" name="version" value={String(m.version)} />
                      <RowSelect
                        t={t}
                        id={memberFieldId(m.userId, 'role')}
                        name="role"
                        label={t('members.role_of', { name: m.name })}
                        options={roleOptions(t)}
                        value={String(values.role ?? '')}
                        error={errorFor('role')}
                      />
                      <RowSelect
                        t={t}
                        id={memberFieldId(m.userId, 'actorId')}
                        name="actorId"
                        label={t('members.actor_of', { name: m.name })}
                        options={[{ value: '', label: t('members.no_actor') }, ...actorOptions]}
                        value={String(values.actorId ?? '')}
                        error={errorFor('actorId')}
                      />
                      <button type="submit" class="kern-btn kern-btn--secondary kern-btn--x-small">
                        <span class="kern-label">
                          {t('members.change_role')}
                          <span class="visually-hidden"> {t('members.whom', { who: m.name })}</span>
                        </span>
                      </button>
                    </form>
                    <div class="actions">
                      <ConfirmLink small href={`${p.base}/mitglieder/${m.userId}/passwort-link`} label={t('members.reset_link_create')} context={t('members.whom', { who: m.name })} />
                      <ConfirmLink small href={`${p.base}/mitglieder/${m.userId}/entfernen`} label={t('members.remove')} context={t('members.whom', { who: m.name })} />
                    </div>
                  </td>
                </tr>
              );
            })}
          </DataTable>

      <section aria-labelledby="pending-heading">
        <h2 id="pending-heading" class="kern-heading-medium">
          {t('members.pending_heading')}
        </h2>
        {p.invitations.length ? (
          <DataTable caption={t('members.pending_caption')} headers={[t('members.name'), t('members.email'), t('members.role'), t('members.valid_until'), t('members.revoke')]}>
                {p.invitations.map((i) => (
                  <tr>
                    <th scope="row">{i.name}</th>
                    <td>{i.email}</td>
                    <td>
                      {t(`role.${i.role}`)}
                      {i.actorId ? (
                        <>
                          <br />
                          <span class="muted">{actorName.get(i.actorId) ?? ''}</span>
                        </>
                      ) : null}
                    </td>
                    <td>{i.expiresAt.getTime() <= p.now.getTime() ? <span class="error-text">{t('members.expired')}</span> : formatDate('de', i.expiresAt)}</td>
                    <td>
                      <ConfirmLink small href={`${p.base}/einladungen/${i.id}/zurueckziehen`} label={t('members.revoke')} context={t('members.whom', { who: i.email })} />
                    </td>
                  </tr>
                ))}
              </DataTable>
        ) : (
          <p>{t('members.pending_empty')}</p>
        )}
      </section>

      <section aria-labelledby="invite-heading">
        <h2 id="invite-heading" class="kern-heading-medium">
          {t('members.invite_heading')}
        </h2>
        <p>{t('members.invite_intro', { count: p.invitationDays })}</p>
        <form method="post" action={`${p.base}/einladungen`} class="stack" novalidate>
          <Csrf token={p.csrfToken} />
          <InviteFields t={t} form={p.inviteForm} actorOptions={actorOptions} />
          <Button>{t('members.invite')}</Button>
        </form>
      </section>
    </div>
  );
}

/** Name, e-mail, role, actor: the fields of an invitation. */
export function InviteFields(p: { t: T; form: FormState; actorOptions: Option[] }) {
  const { t } = p;
  const f = { t, form: p.form };
  return (
    <>
      <TextField {...f} name="name" label={t('members.invite_name')} autocomplete="off" required />
      <TextField {...f} name="email" label={t('members.invite_email')} type="email" autocomplete="off" required />
      {/* No role is chosen in advance: a role is a grant, and Redaktion or Partner needs an actor too. */}
      <SelectField {...f} name="role" label={t('members.role')} hint={t('members.role_hint')} emptyLabel={t('members.choose_role')} options={roleOptions(t)} required />
      <SelectField {...f} name="actorId" label={t('members.actor')} requirement={t('members.actor_requirement')} hint={t('members.actor_hint')} emptyLabel={t('members.no_actor')} options={p.actorOptions} />
    </>
  );
}

function RowSelect(p: { t: T; id: string; name: string; label: string; options: Option[]; value: string; error: string | undefined }) {
  return (
    <div class="kern-form-input">
      <label class="kern-label" for={p.id}>
        {p.label}
      </label>
      {p.error ? (
        <p class="kern-error" id={`${p.id}-error`}>
          <span class="visually-hidden">{p.t('form.error_prefix')} </span>
          {p.error}
        </p>
      ) : null}
      <div class="kern-form-input__select-wrapper">
        <select
          class={`kern-form-input__select${p.error ? ' kern-form-input__select--error' : ''}`}
          id={p.id}
          name={p.name}
          aria-invalid={p.error ? 'true' : undefined}
          aria-describedby={p.error ? `${p.id}-error` : undefined}
        >
          {p.options.map((o) => (
            <option value={o.value} selected={o.value === p.value}>
              {o.label}
            </option>
          ))}
        </select>
      </div>
    </div>
  );
}

/** Shown once after an invitation that could not be e-mailed, or a reset link was created: link and mail text to pass on. */
export function Handoff(p: { t: T; handoff: InvitationHandoff }) {
  const { t, handoff: h } = p;
  const reset = h.kind === 'password_reset';
  return (
    <div class="kern-alert kern-alert--warning" role="status">
      <div class="kern-alert__header">
        <h2 class="kern-title">{t(reset ? 'members.reset_link_title' : 'members.invite_not_sent_title', { name: h.name })}</h2>
      </div>
      <div class="kern-alert__body stack">
        <p>{t(reset ? 'members.reset_link_text' : 'members.invite_not_sent_text', { name: h.name, email: h.email })}</p>
        <p>
          <strong>{t(reset ? 'members.reset_link' : 'members.invite_link')}:</strong> <a href={h.link}>{h.link}</a>
        </p>
        <div>
          <p>
            <strong>{t(reset ? 'members.reset_link_mail' : 'members.invite_mail')}</strong>
          </p>
          <p>{t('members.invite_subject', { subject: h.mail.subject })}</p>
          <blockquote>
            {h.mail.text.split('\n\n').map((para) => (
              <p>
                {para.split('\n').map((line, i) => (
                  <>
                    {i > 0 ? <br /> : null}
                    {line}
                  </>
                ))}
              </p>
            ))}
          </blockquote>
        </div>
      </div>
    </div>
  );
}
