import type { DemoSeedStep, ModuleManifest } from '../platform/module.js';
import { activityModule } from './activity/module.js';
import { actorsModule } from './actors/module.js';
import { apiModule } from './api/module.js';
import { appearanceModule } from './appearance/module.js';
import { attentionModule } from './attention/module.js';
import { conceptsModule } from './concepts/module.js';
import { decisionsModule } from './decisions/module.js';
import { easyReadModule } from './easy-read/module.js';
import { fortschreibungModule } from './fortschreibung/module.js';
import { indicatorsModule } from './indicators/module.js';
import { interviewsModule } from './interviews/module.js';
import { legalModule } from './legal/module.js';
import { measuresModule } from './measures/module.js';
import { offerAnalysisModule } from './offer-analysis/module.js';
import { offersModule } from './offers/module.js';
import { partnerUpdatesModule } from './partner-updates/module.js';
import { networkModule } from './network/module.js';
import { oparlModule } from './oparl/module.js';
import { portalModule } from './portal/module.js';
import { progressModule } from './progress/module.js';
import { reportsModule } from './reports/module.js';
import { searchModule } from './search/module.js';
import { tenantsModule } from './tenants/module.js';
import { translationsModule } from './translations/module.js';

/**
 * Every module of the application, by its manifest (`<module>/module.ts`). Adding a module is one
 * folder and one entry here. Routes are mounted in this order and demo seed steps run in it.
 */
export const modules: ModuleManifest[] = [
  attentionModule,
  progressModule,
  measuresModule,
  decisionsModule,
  fortschreibungModule,
  conceptsModule,
  indicatorsModule,
  actorsModule,
  interviewsModule,
  offersModule,
  networkModule,
  offerAnalysisModule,
  partnerUpdatesModule,
  searchModule,
  reportsModule,
  activityModule,
  apiModule,
  oparlModule,
  portalModule,
  legalModule,
  easyReadModule,
  appearanceModule,
  tenantsModule,
  translationsModule,
];

/** The modules' shares of the demo data, in order (run by `seedDemo` in src/demo/seed.ts). */
export const demoSeedSteps: DemoSeedStep[] = modules.flatMap((m) => (m.demoSeed ? [m.demoSeed] : []));

/** Steps that need the draft Fortschreibung as well, run after it is made (see `seedDemo`). */
export const demoSeedAfterDraftSteps: DemoSeedStep[] = modules.flatMap((m) => (m.demoSeedAfterDraft ? [m.demoSeedAfterDraft] : []));
