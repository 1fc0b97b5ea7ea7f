import { randomBytes } from 'node:crypto';

/**
 * API-Zugänge (API tokens) of machine clients, e.g. a department's own system that reports
 * Sachstände. The secret is `ikon_` and 32 random bytes (base64url): shown once when created,
 * stored only as its SHA-256 (`hashToken`). A secret with 256 bits of entropy needs no slow hash:
 * nobody can guess it, and a stolen table of hashes gives nothing back.
 */
export const apiTokenPrefix = 'ikon_';
const apiTokenShape = /^ikon_[A-Za-z0-9_-]{43}$/;

export const newApiToken = () => `${apiTokenPrefix}${randomBytes(32).toString('base64url')}`;
/** What the list shows to tell tokens apart: the prefix and the first six characters of the secret. */
export const apiTokenHint = (token: string) => `${token.slice(0, apiTokenPrefix.length + 6)}…`;
export const isApiTokenShape = (token: string) => apiTokenShape.test(token);

/**
 * What a token may write, besides reading its Kommune like a member of its role: every API
 * operation that accepts tokens for a write names one of these (`allowToken` in
 * platform/http/bearer.ts); every other write refuses tokens.
 */
export const apiScopes = ['progress', 'indicator_values', 'offers'] as const;
export type ApiScope = (typeof apiScopes)[number];

/** Who acts when a request carries a token: on `CurrentUser.apiToken`. */
export interface ApiTokenIdentity {
  id: string;
  tenantId: string;
  name: string;
  scopes: readonly ApiScope[];
}

/** The longest a token may be valid: one year (and a day, so "today in a year" fits). */
export const apiTokenMaxDays = 366;
