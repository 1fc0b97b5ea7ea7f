import type { CurrentUser } from '../../platform/auth/current-user.js';
import { canUpdateMeasureStatus, type MeasureResponsibility } from '../measures/policy.js';
import { canReadInternal, isCoordinator } from '../../platform/tenancy/policy.js';

/** The status vocabulary (implied progress, what counts in roll-ups) is the Koordination's call. */
export const canManageStatusRules = (user: CurrentUser | null, tenantId: string) => isCoordinator(user, tenantId);

/**
 * Who may report a Sachstand: whoever may change the measure's status — Koordination, the
 * Fachdienst that leads it, and partners whose actor leads it or takes part in it.
 */
export const canRecordUpdate = (user: CurrentUser | null, m: MeasureResponsibility) => canUpdateMeasureStatus(user, m);

/** Internal updates, attachments and roll-ups: any member of the Kommune. */
export const canReadUpdates = canReadInternal;
