import fc from 'fast-check';
import { kindOfName, type Known } from './known.js';
import type { FuzzBody, FuzzRequest, Who } from './request.js';
import { contentTypes, hostileNumber, hostileSegment, hostileString, hostileValue, malformedJson, wellFormed } from './values.js';

type Schema = Record<string, any>;
type Doc = { paths: Record<string, Record<string, any>>; components?: { schemas?: Record<string, Schema> } };

/**
 * Requests for every operation of the OpenAPI document: path and query parameters and bodies
 * mostly shaped like the schema (so they reach the commands) with hostile values mixed in,
 * plus malformed JSON and wrong content types.
 */
export function apiRequests(doc: Doc, known: Known): fc.Arbitrary<FuzzRequest> {
  const resolve = (s: Schema): Schema => (s?.$ref ? resolve(doc.components!.schemas![s.$ref.split('/').pop()!]!) : s);
  const idOf = (name: string) => {
    const kind = kindOfName(name);
    const ids = kind ? known[kind] : [];
    return ids.length ? fc.oneof({ weight: 5, arbitrary: fc.constantFrom(...ids) }, { weight: 1, arbitrary: fc.uuid() }) : fc.uuid();
  };

  /** A value that fits the schema (so validation passes and the command runs). */
  const fitting = (raw: Schema, name: string): fc.Arbitrary<unknown> => {
    const s = resolve(raw);
    if (s.anyOf || s.oneOf) return fc.oneof(...(s.anyOf ?? s.oneOf).map((x: Schema) => fitting(x, name)));
    if (s.enum) return fc.constantFrom(...s.enum);
    const types: string[] = Array.isArray(s.type) ? s.type : [s.type ?? 'string'];
    return fc.oneof(...types.map((type) => fittingOfType(s, type, name)));
  };
  const fittingOfType = (s: Schema, type: string, name: string): fc.Arbitrary<unknown> => {
    switch (type) {
      case 'null':
        return fc.constant(null);
      case 'boolean':
        return fc.boolean();
      case 'integer':
      case 'number':
        if (name === 'version') return fc.integer({ min: 1, max: 4 });
        return fc.integer({ min: Math.max(s.minimum ?? 0, -1e6), max: Math.min(s.maximum ?? 1000, 1e6) });
      case 'array':
        return fc.array(fitting(s.items ?? {}, name), { maxLength: 3 });
      case 'object':
        return objectOf(s);
      default:
        if (s.format === 'uuid' || /Ids?$/.test(name)) return idOf(name);
        if (s.format === 'date') return fc.constantFrom('2025-06-30', '2026-01-15', '2024-12-31');
        if (name === 'email') return fc.constantFrom('neu@musterland.example', 'x@y.de');
        return fc.string({ minLength: Math.max(1, s.minLength ?? 1), maxLength: Math.min(s.maxLength ?? 40, 40) });
    }
  };
  /** Mostly fitting, sometimes hostile, sometimes left out. */
  const property = (s: Schema, name: string) =>
    fc.oneof({ weight: 6, arbitrary: fitting(s, name) }, { weight: 3, arbitrary: hostileValue }, { weight: 1, arbitrary: fc.constant(undefined) });
  const objectOf = (s: Schema): fc.Arbitrary<Record<string, unknown>> =>
    fc.record(Object.fromEntries(Object.entries<Schema>(s.properties ?? {}).map(([k, v]) => [k, property(v, k)])));

  const operations: fc.Arbitrary<FuzzRequest>[] = [];
  for (const [template, ops] of Object.entries(doc.paths)) {
    for (const [method, op] of Object.entries<any>(ops)) {
      const params: Schema[] = op.parameters ?? [];
      const segment = (name: string) => {
        if (name === 'slug') return fc.oneof({ weight: 8, arbitrary: fc.constant('musterland') }, { weight: 1, arbitrary: fc.constant('wesermarsch') }, { weight: 3, arbitrary: hostileSegment });
        const kind = template.match(new RegExp(`/(\\w+)/\\{${name}\\}`))?.[1] ?? name;
        return fc.oneof({ weight: 6, arbitrary: idOf(kindOfName(kind) ?? name) as fc.Arbitrary<string> }, { weight: 2, arbitrary: hostileSegment });
      };
      const pathArb = fc
        .tuple(...params.filter((p) => p.in === 'path').map((p) => segment(p.name).map((v) => [p.name, v] as const)))
        .map((pairs) => pairs.reduce((path, [name, v]) => path.replace(`{${name}}`, v), template));
      const query = params.filter((p) => p.in === 'query');
      const queryArb = fc
        .tuple(...query.map((p) => fc.option(fc.oneof(fitting(p.schema ?? {}, p.name).map(String), hostileString, hostileNumber.map(String)), { nil: undefined }).map((v) => [p.name, v] as const)))
        .map((pairs) => {
          const q = new URLSearchParams();
          for (const [k, v] of pairs) if (v !== undefined) q.append(k, wellFormed(v));
          return q.size ? `?${q}` : '';
        });
      const bodySchema = op.requestBody?.content?.['application/json']?.schema;
      const bodyArb: fc.Arbitrary<FuzzBody | undefined> = bodySchema ? jsonBodies(objectOf(resolve(bodySchema))) : fc.constant(undefined);
      operations.push(
        fc.record({ path: pathArb, query: queryArb, body: bodyArb, who: whoArb, authorization: fc.option(hostileAuthorization, { freq: 8, nil: undefined }) }).map(
          ({ path, query, body, who, authorization }): FuzzRequest => ({
            route: `${method.toUpperCase()} ${template}`,
            who,
            method: method.toUpperCase(),
            path: path + query,
            body,
            ...(authorization === undefined ? {} : { authorization }),
          }),
        ),
      );
    }
  }
  return fc.oneof(...operations);
}

const whoArb: fc.Arbitrary<Who> = fc.constantFrom<Who>('koordination', 'koordination', 'koordination', 'koordination', 'partner', 'anonymous', 'token');

/** Header text as HTTP can carry it (no NUL, CR, LF; Latin-1 at most). */
const headerSafe = (s: string) => s.replace(/[^\x20-\x7e\xa0-\xff]/g, '?').trim();

/** Garbled, foreign and other-scheme Authorization headers: each must get a 401 (or be ignored), never a 5xx. */
const hostileAuthorization: fc.Arbitrary<string> = fc.oneof(
  fc.constantFrom('Bearer', 'Bearer ikon_', `Bearer ikon_${'A'.repeat(43)}`, `bearer IKON_${'A'.repeat(43)}`, 'Basic Zm9vOmJhcg==', 'Bearer a b c', `Bearer ikon_${'A'.repeat(4000)}`),
  hostileString.map((s) => `Bearer ${headerSafe(s)}`),
  hostileString.map((s) => `Bearer ikon_${headerSafe(s)}`),
  hostileString.map(headerSafe),
);

/** Well-formed JSON of the right shape, malformed JSON, or a body under a wrong content type. */
function jsonBodies(shaped: fc.Arbitrary<Record<string, unknown>>): fc.Arbitrary<FuzzBody> {
  const json = 'application/json';
  return fc.oneof(
    { weight: 12, arbitrary: shaped.map((o): FuzzBody => ({ kind: 'json', text: JSON.stringify(o), contentType: json })) },
    { weight: 2, arbitrary: hostileValue.map((v): FuzzBody => ({ kind: 'json', text: JSON.stringify(v) ?? '', contentType: json })) },
    { weight: 2, arbitrary: malformedJson.map((text): FuzzBody => ({ kind: 'json', text, contentType: json })) },
    { weight: 2, arbitrary: fc.tuple(shaped, contentTypes).map(([o, contentType]): FuzzBody => ({ kind: 'raw', text: JSON.stringify(o), contentType })) },
  );
}
