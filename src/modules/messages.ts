import type { ModuleMessages } from '../platform/i18n/catalogs.js';
import { messages as actors } from './actors/messages.js';
import { messages as api } from './api/messages.js';
import { messages as attention } from './attention/messages.js';
import { messages as concepts } from './concepts/messages.js';
import { messages as indicators, publicMessages as indicatorsPublic } from './indicators/messages.js';
import { messages as fortschreibung } from './concepts/fortschreibung/messages.js';
import { messages as measures } from './measures/messages.js';
import { messages as transfer } from './measures/transfer/messages.js';
import { messages as portal } from './portal/messages.js';
import { messages as bulkStatus } from './progress/bulk/messages.js';
import { messages as progress } from './progress/messages.js';
import { messages as progressPublic } from './progress/public-messages.js';
import { messages as reports } from './reports/messages.js';
import { messages as search } from './search/messages.js';
import { messages as tenants } from './tenants/messages.js';

/** Every module's message catalog (each module owns the texts of its pages). */
export const moduleMessages: ModuleMessages[] = [reports, actors, api, attention, bulkStatus, concepts, fortschreibung, measures, transfer, indicators, indicatorsPublic, portal, progress, progressPublic, search, tenants];
