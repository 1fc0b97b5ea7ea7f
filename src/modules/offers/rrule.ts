import rrule from 'rrule';

/**
 * The rrule library (RFC 5545 recurrence rules). Its package.json points Node's ESM loader at the
 * CommonJS build, where named imports fail; the default export holds RRule and friends.
 */
export const rrulePackage = rrule;
