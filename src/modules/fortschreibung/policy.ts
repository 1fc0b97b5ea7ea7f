import { isCoordinator } from '../../platform/tenancy/policy.js';
import { canManageConcept, canReadConcept } from '../concepts/index.js';

/** A Fortschreibung is a new edition: the coordination office starts it. */
export const canStartFortschreibung = canManageConcept;
/** Any member may compare editions (the comparison shows nothing the edition pages do not). */
export const canCompareEditions = canReadConcept;
/** The update interval is a setting of the Kommune. */
export const canSetUpdateInterval = isCoordinator;
