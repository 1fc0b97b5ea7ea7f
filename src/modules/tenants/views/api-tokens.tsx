import { apiScopes } from '../../../platform/auth/api-tokens.js';
import { formatDate, formatDateTime, type T } from '../../../platform/i18n/i18n.js';
import { DataTable } from '../../../platform/ui/components.js';
import { ConfirmLink } from '../../../platform/ui/confirm.js';
import { Button, CheckboxGroup, Csrf, ErrorSummary, SelectField, TextField, type FormState } from '../../../platform/ui/form.js';
import type { ApiTokenRow } from '../api-tokens.js';
import { roleOptions } from './members.js';

/** A token just created: its secret, shown this once. */
export interface NewApiToken {
  name: string;
  secret: string;
}

export interface ApiTokensPageProps {
  t: T;
  csrfToken: string;
  base: string;
  tenantName: string;
  tenantSlug: string;
  publicUrl: string;
  tokens: ApiTokenRow[];
  actors: { id: string; name: string }[];
  form: FormState;
  created?: NewApiToken | undefined;
  now: Date;
}

/** What a token may do, in words: its role (and actor), then what it may report. */
export function tokenRights(t: T, token: Pick<ApiTokenRow, 'role' | 'actorName' | 'scopes'>): string {
  const who = token.actorName ? t('api_tokens.role_for_actor', { role: t(`role.${token.role}`), actor: token.actorName }) : t(`role.${token.role}`);
  const what = token.scopes.length ? token.scopes.map((s) => t(`api_tokens.scope.${s}`)).join(', ') : t('api_tokens.read_only');
  return `${who}: ${what}`;
}

function TokenState(p: { t: T; token: ApiTokenRow; now: Date }) {
  const { t, token } = p;
  if (token.revokedAt) return <span class="error-text">{t('api_tokens.revoked_on', { at: formatDateTime('de', token.revokedAt), by: token.revokedByName ?? '' })}</span>;
  if (token.expiresAt.getTime() <= p.now.getTime()) return <span class="error-text">{t('api_tokens.expired_on', { at: formatDate('de', new Date(token.expiresAt.getTime() - 1)) })}</span>;
  return <>{t('api_tokens.valid_until', { at: formatDate('de', new Date(token.expiresAt.getTime() - 1)) })}</>;
}

export function ApiTokensContent(p: ApiTokensPageProps) {
  const { t } = p;
  const f = { t, form: p.form };
  const labels: Record<string, string> = {
    name: t('api_tokens.name'),
    role: t('api_tokens.role'),
    actorId: t('api_tokens.actor'),
    scopes: t('api_tokens.scopes'),
    expiresOn: t('api_tokens.expires_on'),
  };
  return (
    <div class="stack">
      <h1 class="kern-heading-large">{t('api_tokens.title')}</h1>
      <ErrorSummary t={t} errors={p.form.errors} labels={labels} />
      {p.created ? <CreatedToken t={t} created={p.created} example={`${p.publicUrl}/api/v1/kommunen/${p.tenantSlug}/editions`} /> : null}
      <p>{t('api_tokens.intro')}</p>
      <p>
        {t('api_tokens.docs_before')} <a href="/api/v1/openapi.json">{t('api_tokens.docs_link')}</a>
      </p>

      {p.tokens.length ? (
        <DataTable caption={t('api_tokens.list_caption', { tenant: p.tenantName })} headers={[t('api_tokens.name'), t('api_tokens.rights'), t('api_tokens.state'), t('api_tokens.last_used'), t('api_tokens.created'), t('api_tokens.actions')]}>
          {p.tokens.map((token) => (
            <tr>
              <th scope="row">
                {token.name}
                <br />
                <code class="muted">{token.hint}</code>
              </th>
              <td>{tokenRights(t, token)}</td>
              <td>
                <TokenState t={t} token={token} now={p.now} />
              </td>
              <td>{token.lastUsedAt ? formatDateTime('de', token.lastUsedAt) : t('api_tokens.never_used')}</td>
              <td>
                {formatDate('de', token.createdAt)}
                <br />
                <span class="muted">{token.createdByName}</span>
              </td>
              <td>{token.revokedAt ? null : <ConfirmLink small href={`${p.base}/einstellungen/api-zugaenge/${token.id}/widerrufen`} label={t('api_tokens.revoke')} context={token.name} />}</td>
            </tr>
          ))}
        </DataTable>
      ) : (
        <p>{t('api_tokens.empty')}</p>
      )}

      <section aria-labelledby="new-token-heading">
        <h2 id="new-token-heading" class="kern-heading-medium">
          {t('api_tokens.new_heading')}
        </h2>
        <form method="post" action={`${p.base}/einstellungen/api-zugaenge`} class="stack" novalidate>
          <Csrf token={p.csrfToken} />
          <TextField {...f} name="name" label={t('api_tokens.name')} hint={t('api_tokens.name_hint')} autocomplete="off" required />
          <SelectField {...f} name="role" label={t('api_tokens.role')} hint={t('api_tokens.role_hint')} options={roleOptions(t)} required />
          <SelectField
            {...f}
            name="actorId"
            label={t('api_tokens.actor')}
            requirement={t('members.actor_requirement')}
            hint={t('api_tokens.actor_hint')}
            emptyLabel={t('members.no_actor')}
            options={p.actors.map((a) => ({ value: a.id, label: a.name }))}
          />
          <CheckboxGroup {...f} name="scopes" label={t('api_tokens.scopes')} hint={t('api_tokens.scopes_hint')} options={apiScopes.map((s) => ({ value: s, label: t(`api_tokens.scope.${s}`) }))} />
          <TextField {...f} name="expiresOn" type="date" label={t('api_tokens.expires_on')} hint={t('api_tokens.expires_hint')} required />
          <Button>{t('api_tokens.create')}</Button>
        </form>
      </section>
    </div>
  );
}

/** Shown once, right after creating: the secret, with a copy hint and an example request. */
function CreatedToken(p: { t: T; created: NewApiToken; example: string }) {
  const { t } = p;
  return (
    <div class="kern-alert kern-alert--success" role="status">
      <div class="kern-alert__header">
        <h2 class="kern-title">{t('api_tokens.created_title', { name: p.created.name })}</h2>
      </div>
      <div class="kern-alert__body stack">
        <p>
          <strong>{t('api_tokens.created_once')}</strong>
        </p>
        <div class="kern-form-input">
          <label class="kern-label" for="new-api-token">
            {t('api_tokens.secret')}
          </label>
          <input class="kern-form-input__input" id="new-api-token" type="text" readonly value={p.created.secret} autocomplete="off" spellcheck={false} />
        </div>
        <p>{t('api_tokens.created_usage')}</p>
        <pre>
          <code>{`curl -H "Authorization: Bearer ${p.created.secret}" \\\n  ${p.example}`}</code>
        </pre>
      </div>
    </div>
  );
}
