import { createHash } from 'node:crypto';

/**
 * Spreadsheets and translation tools write line ends as they like and trim cells: the same German
 * text must give the same fingerprint however it travelled.
 */
export const normalizeSourceText = (text: string) => text.replace(/\r\n?/g, '\n').trim();

/** The fingerprint of a German text that a translation records (16 hex digits of SHA-256). */
export const sourceHash = (text: string) => createHash('sha256').update(normalizeSourceText(text)).digest('hex').slice(0, 16);
