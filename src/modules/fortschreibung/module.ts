import type { ModuleManifest } from '../../platform/module.js';
import { conceptUpdateAttention } from './attention.js';
import { attentionMessages } from './attention-messages.js';
import { messages } from './messages.js';
import { fortschreibungRoutes } from './routes.js';

/**
 * Fortschreibung: a new edition as a copy of the last one (with measures, indicators, status), the
 * comparison of two editions, the snapshot export. It reads every kind of content, so it sits
 * above concepts, measures, progress and actors.
 */
export const fortschreibungModule: ModuleManifest = {
  name: 'fortschreibung',
  routes: [fortschreibungRoutes],
  messages: [messages, attentionMessages],
  attentionSources: [conceptUpdateAttention],
};
