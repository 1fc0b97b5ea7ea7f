import { Hono } from 'hono';
import { z } from 'zod';
import { AppError } from '../../platform/errors.js';
import { dbOf, type AppEnv, type Ctx } from '../../platform/http/env.js';
import { render } from '../../platform/http/render.js';
import { Button, ErrorSummary, RadioGroup, TextField, emptyForm, type FormState } from '../../platform/ui/form.js';
import { isoDate, parseInput } from '../../platform/validation.js';
import { addMonths, berlinDate } from '../../platform/dates.js';
import { editionById } from '../concepts/index.js';
import { slugify } from '../tenants/index.js';
import { AppPage, appBase, tenantForApp } from '../../platform/ui/app-shell.js';
import type { Tenant } from '../../platform/tenancy/service.js';
import { buildReport } from './build.js';
import type { ReportAudience, ReportModel } from './model.js';
import { keptAppPage } from '../../platform/ui/kept-app-page.js';

/** The audience as the form and URL name it (German, like the other parameters). */
const audienceParam = { oeffentlich: 'public', intern: 'internal' } as const satisfies Record<string, ReportAudience>;
const reportInput = z
  .object({ von: isoDate(), bis: isoDate(), publikum: z.enum(['oeffentlich', 'intern']) })
  .refine((p) => p.von <= p.bis, { message: 'validation.end_before_start', path: ['bis'] });

// The renderers (docx, pdfkit, resvg) load with the first report, not at start-up (~150 ms of CPU).
const formats = {
  docx: { render: async (m: ReportModel) => (await import('./docx.js')).renderDocx(m), type: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document' },
  pdf: { render: async (m: ReportModel) => (await import('./pdf.js')).renderPdf(m), type: 'application/pdf' },
} as const;

/** Sachstandsbericht: any member may produce it (council members read it before the committee). */
export function reportRoutes() {
  const app = new Hono<AppEnv>();

  const formPage = async (c: Ctx, tenant: Tenant, editionId: string, form: FormState, status = 200) => {
    const t = c.get('t');
    const edition = await editionById(dbOf(c), tenant.id, editionId);
    const action = `${appBase(tenant)}/fassungen/${edition.id}/bericht`;
    return render(
      c,
      <AppPage c={c} tenant={tenant} title={t('reports.title')} section="editions">
        <p class="muted">
          <a href={`${appBase(tenant)}/fassungen/${edition.id}`}>{edition.title}</a>
        </p>
        <h1 class="kern-heading-large">{t('reports.title')}</h1>
        <p>{t('reports.intro')}</p>
        <form method="get" action={action} class="stack" novalidate>
          <ErrorSummary t={t} errors={form.errors} labels={{ von: t('reports.from'), bis: t('reports.to'), publikum: t('reports.audience') }} />
          <TextField t={t} form={form} name="von" label={t('reports.from')} type="date" required />
          <TextField t={t} form={form} name="bis" label={t('reports.to')} type="date" required />
          <RadioGroup
            t={t}
            form={form}
            name="publikum"
            label={t('reports.audience')}
            required
            options={[
              { value: 'oeffentlich', label: t('reports.audience.public') },
              { value: 'intern', label: t('reports.audience.internal') },
            ]}
          />
          <div class="actions">
            <Button name="format" value="docx">{t('reports.download_docx')}</Button>
            <Button name="format" value="pdf" variant="secondary">{t('reports.download_pdf')}</Button>
          </div>
        </form>
      </AppPage>,
      status,
    );
  };

  app.get('/app/k/:slug/fassungen/:id/bericht', keptAppPage, async (c) => {
    const { tenant } = await tenantForApp(c);
    const today = berlinDate(new Date());
    const q = c.req.query();
    if (!q.format) return formPage(c, tenant, c.req.param('id'), emptyForm({ von: addMonths(today, -12), bis: today, publikum: 'oeffentlich' }));
    const format = q.format === 'pdf' ? 'pdf' : 'docx';
    let input: z.output<typeof reportInput>;
    try {
      input = parseInput(reportInput, q);
    } catch (e) {
      if (e instanceof AppError && e.code === 'validation_failed') return formPage(c, tenant, c.req.param('id'), { values: q, errors: e.fieldErrors }, 422);
      throw e;
    }
    const audience = audienceParam[input.publikum];
    const model = await buildReport(dbOf(c), tenant, c.req.param('id'), { from: input.von, to: input.bis }, today, audience);
    const file = await formats[format].render(model);
    const name = `sachstandsbericht-${slugify(model.editionTitle)}-${input.bis}${audience === 'internal' ? '-intern' : ''}.${format}`;
    return c.body(new Uint8Array(file), 200, { 'content-type': formats[format].type, 'content-disposition': `attachment; filename="${name}"` });
  });

  return app;
}
