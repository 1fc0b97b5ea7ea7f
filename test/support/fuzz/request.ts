/** One generated request, as plain data (fast-check generates it; the runner sends it). */
/** `token`: a machine client with an API-Zugang (Koordination's role, both scopes), no cookies. */
export type Who = 'koordination' | 'partner' | 'anonymous' | 'token';

export type FuzzBody =
  | { kind: 'json'; text: string; contentType: string }
  | { kind: 'form'; fields: [string, string][]; contentType?: string }
  /** `files`: file parts as [field, file name, content]. */
  | { kind: 'multipart'; fields: [string, string][]; files?: [string, string, string][] }
  | { kind: 'raw'; text: string; contentType: string };

export interface FuzzRequest {
  /** The route as declared (e.g. "PUT /api/v1/kommunen/{slug}/measures/{id}"): groups results. */
  route: string;
  who: Who;
  method: string;
  path: string;
  body?: FuzzBody;
  /** Leave out the CSRF token (header or field): the request must then be refused, not crash. */
  withoutCsrf?: boolean;
  /** An Authorization header of its own (a garbled or foreign token): must be 401, not crash. */
  authorization?: string;
}

/** For reports: what was sent, short enough to read. */
export function describe(r: FuzzRequest): string {
  const body = r.body ? ` ${r.body.kind}${'contentType' in r.body && r.body.contentType ? `(${r.body.contentType})` : ''} ${JSON.stringify('text' in r.body ? r.body.text : 'files' in r.body && r.body.files?.length ? { fields: r.body.fields, files: r.body.files } : r.body.fields).slice(0, 300)}` : '';
  return `${r.who}${r.authorization !== undefined ? ` [Authorization: ${JSON.stringify(r.authorization.slice(0, 80))}]` : ''} ${r.method} ${r.path.slice(0, 200)}${body}`;
}
