import type { FieldError } from '../errors.js';
import type { T } from '../i18n/i18n.js';
import { limitParams, maxFileBytes } from './parse.js';

/** A spreadsheet as it arrived: from the upload field, or kept in the preview's hidden field. */
export interface UploadedFile {
  name: string;
  bytes: Uint8Array;
}

const base64Limit = Math.ceil(maxFileBytes / 3) * 4;

/**
 * The file of the first step (`datei`), or the reason there is none. Every spreadsheet import
 * (measures, status table) uses these two steps: upload → preview → confirm.
 */
export async function uploaded(body: Record<string, unknown>): Promise<UploadedFile | FieldError> {
  const file = body.datei;
  if (!(file instanceof File) || file.size === 0) return { field: 'datei', messageKey: 'spreadsheet.error.no_file' };
  if (file.size > maxFileBytes) return { field: 'datei', messageKey: 'spreadsheet.error.too_large', params: { max: limitParams.maxMb } };
  return { name: file.name, bytes: new Uint8Array(await file.arrayBuffer()) };
}

/** The file as it came back with the confirmation (hidden field `inhalt`, base64): no server state between steps. */
export function kept(body: Record<string, unknown>): UploadedFile | FieldError {
  const content = typeof body.inhalt === 'string' ? body.inhalt : '';
  if (!content || content.length > base64Limit || !/^[A-Za-z0-9+/=\s]+$/.test(content)) return { field: 'datei', messageKey: 'spreadsheet.error.no_file' };
  return { name: typeof body.dateiname === 'string' ? body.dateiname.slice(0, 200) : '', bytes: new Uint8Array(Buffer.from(content, 'base64')) };
}

export const isFile = (x: UploadedFile | FieldError): x is UploadedFile => 'bytes' in x;

/** The hint under every spreadsheet upload field: formats and the limits, in numbers. */
export const spreadsheetHint = (t: T) => t('spreadsheet.file_hint', limitParams);
