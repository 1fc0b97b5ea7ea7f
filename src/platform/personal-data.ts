import type { Db } from '../db/client.js';
import type { CurrentUser } from './auth/current-user.js';
import type { T } from './i18n/i18n.js';

/** A person whose data is disclosed (DSGVO Art. 15) or erased (Art. 17), with the values other modules may have copied. */
export interface PersonRef {
  /** The kind of the person's row, as in the audit log ('actor_contact'). */
  of: string;
  id: string;
  /** The actor the person belongs to (contact persons). */
  actorId: string;
  name: string;
  email: string;
  phone: string;
}

/** One place outside the person's own row that holds data about them, as people read it (German labels). */
export interface HeldPersonalData {
  /** What holds it ("Meldung über den Partnerlink vom …"). */
  source: string;
  at: string;
  fields: { label: string; value: string }[];
}

/**
 * Copies of a person's data in another module's rows (a partner's report naming a contact person),
 * declared in that module's manifest (`personalData`). The owner of the person (actors) discloses
 * and erases them without knowing the modules above it: Art. 15 lists what each holder reports,
 * Art. 17 lets each holder scrub its copies inside the erasure's transaction.
 */
export interface PersonalDataHolder {
  of: string;
  disclose(db: Db, tenantId: string, person: PersonRef, t: T): Promise<HeldPersonalData[]>;
  /** Removes or scrubs every copy of the person's data; runs in the erasing command's transaction (`tx`) as `user`. */
  erase(tx: Db, user: CurrentUser, tenantId: string, person: PersonRef, now: Date): Promise<void>;
}

let holders: PersonalDataHolder[] = [];

/** The holders of all modules (set at composition). */
export function usePersonalDataHolders(list: PersonalDataHolder[]): void {
  holders = list;
}

/** What every module holds about the person besides its own row (Art. 15). */
export async function discloseHeldData(db: Db, tenantId: string, person: PersonRef, t: T): Promise<HeldPersonalData[]> {
  const out: HeldPersonalData[] = [];
  for (const h of holders) if (h.of === person.of) out.push(...(await h.disclose(db, tenantId, person, t)));
  return out;
}

/** Lets every module scrub its copies of the person's data (Art. 17), inside the erasure's transaction. */
export async function eraseHeldData(tx: Db, user: CurrentUser, tenantId: string, person: PersonRef, now = new Date()): Promise<void> {
  for (const h of holders) if (h.of === person.of) await h.erase(tx, user, tenantId, person, now);
}
