import type { Lang } from '../languages.js';
import { ar } from './ar.js';
import { fa } from './fa.js';
import { ru } from './ru.js';
import { tr } from './tr.js';
import { uk } from './uk.js';

/**
 * The platform's texts that public pages show (frame, language switch, error pages), in the
 * further public languages. Modules bring their own (ModuleMessages.translations).
 */
export const publicTranslations: Record<Exclude<Lang, 'de' | 'en'>, Record<string, string>> = { ar, uk, ru, tr, fa };

/** The platform keys every public language must have (test/catalogs.test.ts). */
export const platformPublicKeys = [
  'layout.skip_to_content',
  'layout.main_navigation',
  'layout.footer',
  'validation.too_big',
  'validation.control_characters',
  'layout.footer_navigation',
  'layout.og_description',
  'portal.language.label',
  'portal.content_german',
  'portal.content_partly_translated',
  'portal.content_mark.german',
  'portal.content_mark.outdated',
  'portal.demo.title',
  'portal.demo.text',
  'portal.no_concept.title',
  'portal.no_concept.text',
  'error.not_found_title',
  'error.not_found_text',
  'error.back_home',
  // Public forms (the accessibility feedback form).
  'form.optional',
  'form.error_prefix',
  'form.error_summary_title',
  'validation.required',
] as const;
