import type { DemoContent } from './types.js';
import { municipalities } from './municipalities.js';
import { actors } from './actors.js';
import { guidelines } from './guidelines.js';
import { fields } from './fields.js';
import { goals } from './goals.js';
import { measuresSprache } from './measures-sprache.js';
import { measuresBildung } from './measures-bildung.js';
import { measuresArbeit } from './measures-arbeit.js';
import { measuresGesundheit } from './measures-gesundheit.js';
import { measuresTeilhabe } from './measures-teilhabe.js';
import { measuresEhrenamt } from './measures-ehrenamt.js';

export type {
  ActorKind, Horizon, Priority, MeasureStatus, GoalKind,
  DemoMunicipality, DemoActor, DemoGuideline, DemoField, DemoGoal, DemoMeasure, DemoContent,
} from './types.js';

/** AGS des fiktiven Landkreises Musterland (Niedersachsen). */
export const DEMO_COUNTY_AGS = '03499000';
export const DEMO_COUNTY_NAME = 'Landkreis Musterland';

/** Demo-Inhalt: ein vollständiges, frei erfundenes Integrationskonzept des Landkreises Musterland. */
export const demoContent: DemoContent = {
  municipalities,
  actors,
  guidelines,
  fields,
  goals,
  measures: [
    ...measuresSprache,
    ...measuresBildung,
    ...measuresArbeit,
    ...measuresGesundheit,
    ...measuresTeilhabe,
    ...measuresEhrenamt,
  ],
};
