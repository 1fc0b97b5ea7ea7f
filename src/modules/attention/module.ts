import type { ModuleManifest } from '../../platform/module.js';
import { messages } from './messages.js';
import { reminderJob } from './reminders.js';
import { attentionRoutes } from './routes.js';

/** Aufmerksamkeit: what needs a coordinator's look (overdue, silent, behind target), each actor's part of it for its members, and reminder e-mails. */
export const attentionModule: ModuleManifest = {
  name: 'attention',
  routes: [attentionRoutes],
  messages: [messages],
  auditSubjects: [{ entityType: 'reminder', labelKey: 'audit.entity.reminder' }],
  appNav: [{ section: 'attention', group: 'implementation', path: '/aufmerksamkeit', label: 'nav.attention', coordinatorOnly: true, actorMembersToo: true, order: 50 }],
  jobs: ({ database, mailer, publicUrl }) => [reminderJob(database, mailer, publicUrl)],
};
