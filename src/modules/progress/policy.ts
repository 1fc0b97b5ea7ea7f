import type { CurrentUser } from '../../platform/auth/current-user.js';
import { canUpdateMeasureStatus, type MeasureResponsibility } from '../measures/index.js';
import { canReadInternal } from '../../platform/tenancy/policy.js';

/**
 * Who may report a Sachstand: whoever may change the measure's status — Koordination, the
 * Fachdienst that leads it, and partners whose actor leads it or takes part in it.
 */
export const canRecordUpdate = (user: CurrentUser | null, m: MeasureResponsibility) => canUpdateMeasureStatus(user, m);

/** Internal updates, attachments and roll-ups: any member of the Kommune. */
export const canReadUpdates = canReadInternal;
