import type { de } from './de.js';

/** English catalog: the public portal is offered in English; keys mirror de.ts. */
export const en: Partial<Record<keyof typeof de, string>> = {};
