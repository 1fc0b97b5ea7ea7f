import { todayInGermany } from '../../platform/dates.js';
import { z } from 'zod';
import { expectedVersion, germanNumber, optionalDate, requiredText } from '../../platform/validation.js';
import { measureStatuses } from '../measures/schema.js';
import { checkbox } from '../../platform/validation.js';

const isRealDate = (v: string) => {
  const d = new Date(`${v}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === v;
};

/** 0–100, whole percent; blank = not given (the status or the previous report decides). */
export const optionalPercent = () =>
  z.preprocess(
    (v) => germanNumber(typeof v === 'string' ? v.replace(/%/g, '') : v),
    z
      .number({ error: 'validation.number' })
      .int('validation.progress_whole_percent')
      .min(0, 'validation.progress_percent_range')
      .max(100, 'validation.progress_percent_range')
      .nullable(),
  );

/** The fields of a Sachstandsmeldung as form and API send them (the API has no attachment). */
export const measureUpdateFields = z.object({
  reportedOn: optionalDate()
    .refine((v) => v == null || isRealDate(v), 'validation.date')
    .refine((v) => v == null || v <= todayInGermany(), 'validation.report_date_in_future'),
  status: z.enum(measureStatuses, { error: 'validation.invalid_choice' }),
  progress: optionalPercent().optional(),
  text: requiredText(10_000),
  isPublic: checkbox.optional().default(false),
  version: expectedVersion(),
});
export type MeasureUpdateFields = z.output<typeof measureUpdateFields>;

export const maxAttachmentBytes = 5 * 1024 * 1024;

/** The accepted formats: by file extension, with the leading bytes every such file starts with. */
export const attachmentFormats = {
  pdf: { type: 'application/pdf', magic: [[0x25, 0x50, 0x44, 0x46, 0x2d]] },
  docx: { type: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', magic: [[0x50, 0x4b, 0x03, 0x04]] },
  xlsx: { type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', magic: [[0x50, 0x4b, 0x03, 0x04]] },
  png: { type: 'image/png', magic: [[0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]] },
  jpg: { type: 'image/jpeg', magic: [[0xff, 0xd8, 0xff]] },
  jpeg: { type: 'image/jpeg', magic: [[0xff, 0xd8, 0xff]] },
} as const;
export type AttachmentExtension = keyof typeof attachmentFormats;
/** For the file input's `accept`. */
export const acceptAttachments = '.pdf,.docx,.xlsx,.png,.jpg,.jpeg,application/pdf,image/png,image/jpeg';
const genericTypes = new Set(['', 'application/octet-stream', 'binary/octet-stream', 'application/zip', 'application/x-zip-compressed']);

/** "../Bericht März.pdf" → "Bericht März.pdf": no path, no control characters, at most 200 characters. */
export function cleanFileName(name: string): string {
  const base = name.split(/[\\/]/).pop() ?? '';
  // eslint-disable-next-line no-control-regex
  const clean = base.replace(/[\u0000-\u001f\u007f"]/g, '').trim();
  if (clean.length <= 200) return clean;
  const dot = clean.lastIndexOf('.');
  const ext = dot > 0 ? clean.slice(dot) : '';
  return clean.slice(0, 200 - ext.length) + ext;
}

export interface Attachment {
  name: string;
  type: string;
  bytes: Buffer;
}

/**
 * An uploaded file: PDF, DOCX, XLSX, PNG or JPG by extension, with content that really is one
 * (its first bytes), a declared type that does not contradict it, and at most 5 MB. The stored
 * type is the canonical one for the extension, never what the client claimed.
 */
export const attachmentInput = z
  .object({ name: z.string(), type: z.string().default(''), bytes: z.instanceof(Buffer) })
  .superRefine((a, ctx) => {
    if (a.bytes.length === 0) return void ctx.addIssue({ code: 'custom', message: 'validation.attachment_empty' });
    if (a.bytes.length > maxAttachmentBytes) return void ctx.addIssue({ code: 'custom', message: 'validation.attachment_too_large' });
    const format = formatOf(a);
    if (!format) ctx.addIssue({ code: 'custom', message: 'validation.attachment_type' });
  })
  .transform((a): Attachment => ({ name: cleanFileName(a.name) || 'anhang', type: formatOf(a)!.type, bytes: a.bytes }));

function formatOf(a: { name: string; type: string; bytes: Buffer }) {
  const ext = /\.([a-z0-9]+)$/i.exec(a.name.trim())?.[1]?.toLowerCase();
  if (!ext || !(ext in attachmentFormats)) return undefined;
  const format = attachmentFormats[ext as AttachmentExtension];
  const declared = a.type.split(';')[0]!.trim().toLowerCase();
  if (!genericTypes.has(declared) && declared !== format.type && !(format.type === 'image/jpeg' && declared === 'image/jpg')) return undefined;
  const starts = format.magic.some((m) => m.every((b, i) => a.bytes[i] === b));
  return starts ? format : undefined;
}

export const measureUpdateInput = measureUpdateFields.extend({ attachment: attachmentInput.nullish() });

/** Re-exported for the modules that already take it from here. */
export { todayInGermany };
