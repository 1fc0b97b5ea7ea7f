import type { T } from '../../../platform/i18n/i18n.js';
import { ConfirmLink } from '../../../platform/ui/confirm.js';
import { Button, Csrf, ErrorSummary, FileField, TextField, type FormState } from '../../../platform/ui/form.js';

export const appearanceLabels = (t: T) => ({ brandColor: t('appearance.colour'), logo: t('appearance.logo'), version: t('appearance.title') });

export interface CurrentLogo {
  src: string;
  width: number;
  height: number;
}

/** The Koordination's form for the colour and logo of the public site. */
export function AppearanceContent(p: { t: T; csrfToken: string; action: string; removeHref: string; publicHref: string; logo: CurrentLogo | undefined; form: FormState }) {
  const { t, form } = p;
  const logoError = form.errors.find((e) => e.field === 'logo');
  return (
    <div class="stack">
      <h1 class="kern-heading-x-large">{t('appearance.title')}</h1>
      <p class="kern-body">{t('appearance.intro')}</p>
      <p class="kern-body">
        <a class="kern-link" href={p.publicHref}>
          {t('appearance.preview')}
        </a>
      </p>
      <section aria-labelledby="current-logo" class="stack">
        <h2 id="current-logo" class="kern-heading-medium">
          {t('appearance.current_logo')}
        </h2>
        {p.logo ? (
          <>
            <p class="kern-body">{t('appearance.current_logo_text', { width: p.logo.width, height: p.logo.height })}</p>
            <div class="site-header appearance-preview">
              <span class="site-header__name">
                <img class="site-header__logo" src={p.logo.src} alt={t('appearance.current_logo')} />
              </span>
            </div>
            <div>
              <ConfirmLink href={p.removeHref} label={t('appearance.remove_logo')} small />
            </div>
          </>
        ) : (
          <p class="kern-body">{t('appearance.no_logo')}</p>
        )}
      </section>
      <form method="post" action={p.action} enctype="multipart/form-data" class="stack" novalidate>
        <Csrf token={p.csrfToken} />
        <input type="hidden" name="version" value={String(form.values.version ?? '')} />
        <ErrorSummary t={t} errors={form.errors} labels={appearanceLabels(t)} />
        <TextField t={t} form={form} name="brandColor" label={t('appearance.colour')} hint={t('appearance.colour_hint')} />
        <FileField t={t} name="logo" label={t('appearance.logo')} hint={t('appearance.logo_hint')} accept=".png,.jpg,.jpeg,image/png,image/jpeg" error={logoError ? t(logoError.messageKey, logoError.params) : undefined} />
        <div class="actions">
          <Button>{t('appearance.save')}</Button>
        </div>
      </form>
    </div>
  );
}
