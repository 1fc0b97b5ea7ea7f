import { hash, verify } from '@node-rs/argon2';
import type { FieldError } from '../errors.js';

// argon2id with the OWASP minimum (19 MiB, 2 passes): ~25 ms per hash on this machine kind.
const options = { memoryCost: 19456, timeCost: 2, parallelism: 1 } as const;

export const hashPassword = (password: string) => hash(password, options);

export async function verifyPassword(passwordHash: string | null, password: string): Promise<boolean> {
  if (!passwordHash) return false;
  try {
    return await verify(passwordHash, password);
  } catch {
    return false;
  }
}

/** A hash to verify against when the account does not exist, so timing does not reveal accounts. */
let dummyHash: Promise<string> | undefined;
export const timingDummyHash = () => (dummyHash ??= hashPassword('ikon-timing-dummy-password'));

const commonPasswords = new Set([
  'passwort1234', 'password1234', '123456789012', 'qwertz123456', 'qwerty123456', 'hallo1234567',
  'sommer2024!!', 'winter2024!!', 'integration1', 'landkreis123', 'musterland12',
]);

export const passwordMinLength = 12;

/** Password rules (BSI-style length over complexity): returns the message key of the first broken rule. */
export function passwordProblem(password: string, email?: string): string | undefined {
  if (password.length < passwordMinLength) return 'validation.password_too_short';
  if (password.length > 200) return 'validation.password_too_long';
  if (new Set(password).size < 5) return 'validation.password_too_simple';
  const lower = password.toLowerCase();
  if (commonPasswords.has(lower)) return 'validation.password_common';
  const local = email?.split('@')[0]?.toLowerCase();
  if (local && local.length >= 4 && lower.includes(local)) return 'validation.password_contains_email';
  return undefined;
}

/** The new password and its repetition, checked for a form: the field errors, or none. */
export function passwordErrors(password: unknown, repeat: unknown, email: string): FieldError[] {
  const pw = typeof password === 'string' ? password : '';
  if (pw === '') return [{ field: 'password', messageKey: 'validation.required' }];
  const problem = passwordProblem(pw, email);
  if (problem) return [{ field: 'password', messageKey: problem }];
  if (repeat !== pw) return [{ field: 'passwordRepeat', messageKey: 'validation.password_mismatch' }];
  return [];
}
