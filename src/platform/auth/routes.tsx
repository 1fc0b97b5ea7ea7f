import { eq } from 'drizzle-orm';
import { Hono } from 'hono';
import { clientAddress } from '../http/client-address.js';
import { z } from 'zod';
import { recordAudit } from '../audit/record.js';
import { dbOf, type AppEnv, type Ctx } from '../http/env.js';
import { formBody, render, takeFlash } from '../http/render.js';
import { sessionTokenOf } from '../http/cookies.js';
import { clearSessionCookie, setSessionCookie } from '../http/session.js';
import { translator } from '../i18n/i18n.js';
import { emptyForm, type FormState } from '../ui/form.js';
import { demoAccounts } from './demo-accounts.js';
import { verifyPassword, timingDummyHash } from './password.js';
import { users } from './schema.js';
import { createSession, endSession } from './sessions.js';
import { accountKey, clearAttempts, recordAddressFailure, reserveAddressSlot, takeAccountAttempt } from './throttle.js';
import { SignInPage } from './views/sign-in.js';
import { passwordResetRoutes } from './password-reset-routes.js';
import { safeNext } from './next-path.js';



// Bounded and free of NUL bytes, which PostgreSQL text cannot hold.
const signInInput = z.object({
  email: z.string().trim().toLowerCase().min(1).max(320).refine((v) => !v.includes('\0')),
  password: z.string().min(1).max(1000),
});

export function authRoutes() {
  const app = new Hono<AppEnv>();
  const page = (c: Ctx, form: FormState, status = 200, error?: string) =>
    render(
      c,
      <SignInPage
        t={translator('de')}
        csrfToken={c.get('csrfToken')}
        form={form}
        next={safeNext(c.req.query('weiter') ?? form.values.weiter)}
        error={error}
        flash={takeFlash(c)}
        demoAccounts={c.get('services').config.demo ? demoAccounts : undefined}
      />,
      status,
    );

  app.get('/anmelden', async (c) => (c.get('user') ? c.redirect('/app') : page(c, emptyForm())));

  app.post('/anmelden', async (c) => {
    const t = translator('de');
    const body = await formBody(c);
    const parsed = signInInput.safeParse(body);
    const form: FormState = { values: { email: body.email, weiter: body.weiter }, errors: [] };
    if (!parsed.success) return page(c, { ...form, errors: [{ field: 'email', messageKey: 'auth.missing_credentials' }] }, 422);
    const db = dbOf(c);
    const { email, password } = parsed.data;
    const locked = await takeAccountAttempt(db, email);
    if (locked > 0) return page(c, form, 429, t('auth.throttled', { count: locked }));
    const address = clientAddress(c);
    if (address) {
      const slot = await reserveAddressSlot(db, address);
      if ('busy' in slot) return page(c, form, 429, t('auth.address_busy'));
      if (slot.waitMs > 0) await new Promise((resolve) => setTimeout(resolve, slot.waitMs));
    }
    const [user] = await db.select().from(users).where(eq(users.email, email));
    const ok = user && !user.disabledAt ? await verifyPassword(user.passwordHash, password) : (await verifyPassword(await timingDummyHash(), 'x'), false);
    if (!ok || !user) {
      if (address) await recordAddressFailure(db, address);
      return page(c, form, 401, t('auth.wrong_credentials'));
    }
    await clearAttempts(db, accountKey(email));
    await setSessionCookie(c, await createSession(db, user.id));
    await recordAudit(db, { ...user, memberships: [] }, { tenantId: null, action: 'sign_in', entityType: 'user', entityId: user.id });
    return c.redirect(safeNext(body.weiter), 303);
  });

  app.route('/', passwordResetRoutes());

  app.post('/abmelden', async (c) => {
    const token = sessionTokenOf(c);
    if (token) await endSession(dbOf(c), token);
    await clearSessionCookie(c);
    return c.redirect('/anmelden', 303);
  });
  return app;
}
