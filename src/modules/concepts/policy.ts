import type { CurrentUser } from '../../platform/auth/current-user.js';
import { canReadInternal, isCoordinator } from '../../platform/tenancy/policy.js';
import type { EditionStatus } from './schema.js';

export const canReadConcept = canReadInternal;
/** Editions, Leitlinien, Themenfelder and Ziele are shaped by the coordination office. */
export const canManageConcept = (user: CurrentUser | null, tenantId: string) => isCoordinator(user, tenantId);

/** Content can change while the concept is being drafted or discussed, not once it went to the council. */
export const isEditionOpen = (status: EditionStatus) => status === 'entwurf' || status === 'beteiligung';

/** Allowed moves of an edition's status (Beschluss makes the previously adopted one abgelöst). */
export const editionTransitions: Record<EditionStatus, EditionStatus[]> = {
  entwurf: ['beteiligung', 'zur_beschlussfassung'],
  beteiligung: ['entwurf', 'zur_beschlussfassung'],
  zur_beschlussfassung: ['entwurf', 'beschlossen'],
  beschlossen: [],
  abgeloest: [],
};
