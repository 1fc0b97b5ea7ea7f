import { z } from '@hono/zod-openapi';

/**
 * Building blocks of the API's answer schemas, shared by every module's routes. Each resource has a
 * public shape and an internal one (public + fields only members of the Kommune see); the
 * modules' presenters build exactly these, so the types forbid an internal field in a public answer.
 */

export const id = () => z.string().uuid();
export const date = () => z.string().regex(/^\d{4}-\d{2}-\d{2}$/).openapi({ format: 'date', example: '2024-12-16' });
export const timestamp = () => z.string().openapi({ format: 'date-time' });
export const memberOnly = <T extends z.ZodType>(schema: T) => schema.optional().openapi({ description: 'Nur für Mitglieder der Kommune.' });
export type Versioned<T> = T & { version: number };
export const versioned = { version: memberOnly(z.number().int()) };

export const problemSchema = z
  .object({
    type: z.string().openapi({ example: 'https://ikon.invalid/problems/validation_failed' }),
    code: z.string().openapi({
      description: 'Stabiler Fehlercode, z. B. validation_failed, not_found, forbidden, unauthenticated, csrf_failed, edit_conflict, conflict.',
      example: 'validation_failed',
    }),
    title: z.string().openapi({ description: 'Deutsche Meldung für Menschen.' }),
    status: z.number().int(),
    errors: z
      .array(z.object({ field: z.string(), code: z.string(), message: z.string() }))
      .optional()
      .openapi({ description: 'Bei validation_failed: ein Eintrag je fehlerhaftem Feld, mit deutscher Meldung.' }),
    currentVersion: z.number().int().optional().openapi({ description: 'Bei edit_conflict: die aktuelle Version des Eintrags.' }),
  })
  .openapi('Problem', { description: 'RFC 9457 Problem Details (application/problem+json).' });

export const listOf = <T extends z.ZodType>(item: T) => z.object({ items: z.array(item) });
