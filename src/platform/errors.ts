/**
 * One error type for everything a user or API client can cause. `code` is stable (clients may
 * branch on it), `messageKey` points into the message catalogs, `fieldErrors` carry form
 * validation (field name → message key).
 */
export type ErrorCode =
  | 'bad_request'
  | 'validation_failed'
  | 'not_found'
  | 'forbidden'
  | 'unauthenticated'
  | 'invalid_token'
  | 'csrf_failed'
  | 'edit_conflict'
  | 'conflict'
  | 'too_many_attempts'
  | 'import_rejected'
  | 'invalid_transition'
  | 'payload_too_large';

const statusOf: Record<ErrorCode, number> = {
  bad_request: 400,
  validation_failed: 422,
  not_found: 404,
  forbidden: 403,
  unauthenticated: 401,
  invalid_token: 401,
  csrf_failed: 403,
  edit_conflict: 409,
  conflict: 409,
  too_many_attempts: 429,
  import_rejected: 422,
  invalid_transition: 409,
  payload_too_large: 413,
};

export interface FieldError {
  field: string;
  messageKey: string;
  params?: Record<string, string | number>;
}

export class AppError extends Error {
  readonly status: number;
  constructor(
    readonly code: ErrorCode,
    readonly messageKey: string = `error.${code}`,
    readonly options: {
      params?: Record<string, string | number>;
      fieldErrors?: FieldError[];
      /** Extra machine-readable detail for the API (e.g. the current version on a conflict). */
      detail?: Record<string, unknown>;
    } = {},
  ) {
    super(`${code}: ${messageKey}`);
    this.status = statusOf[code];
  }
  get fieldErrors(): FieldError[] {
    return this.options.fieldErrors ?? [];
  }
}

export const notFound = () => new AppError('not_found');
export const forbidden = () => new AppError('forbidden');

/** Whether `e` is an AppError with this code (routes turn some codes into a re-rendered form). */
export const isAppError = (e: unknown, code: AppError['code']): e is AppError => e instanceof AppError && e.code === code;
