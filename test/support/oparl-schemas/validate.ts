import { readFileSync } from 'node:fs';
import { Ajv, type ValidateFunction } from 'ajv';

/*
 * Validates OParl objects with ajv against the official OParl 1.1 schemas of OParl/spec, stored
 * here unmodified (see README.md). Everything the files need to be usable by a JSON Schema
 * validator happens here, never in the files:
 * - the files name each other by file name (`"$ref": "File.json"`); six of them carry an `$id`
 *   (`https://schema.oparl.org/1.1/Paper`), six do not. Each is registered under
 *   `https://schema.oparl.org/1.1/<Name>.json` (where the relative references point) and
 *   `https://schema.oparl.org/1.1/<Name>` (Body's `mainOrganization` says `"$ref": "Organization"`);
 * - OParl's own keywords ("references", "backreference", "cardinality", "schema") are
 *   annotations (strict: false); its format "url" is checked here (absolute http(s) URL), as are
 *   "date" and "date-time" (RFC 3339);
 * - the files escape ':' and '/' in their patterns, invalid in unicode-mode regular expressions.
 */

type Schema = Record<string, unknown>;
const base = 'https://schema.oparl.org/1.1/';

export const oparlTypes = ['System', 'Body', 'LegislativeTerm', 'Organization', 'Person', 'Membership', 'Meeting', 'AgendaItem', 'Paper', 'Consultation', 'File', 'Location'] as const;
export type OparlTypeName = (typeof oparlTypes)[number];

const load = (name: string): Schema => JSON.parse(readFileSync(new URL(`./${name}.json`, import.meta.url), 'utf8')) as Schema;

/*
 * What the specification says of a deleted object ("Gelöschte Objekte"): it keeps id, type,
 * created and modified, gets `deleted: true` and loses every other property. A deleted object
 * is checked against this and against its type's schema, except for required properties the
 * specification tells a deleted object to drop (File.json requires `accessUrl`; see
 * docs/oparl.md).
 */
const deletedSchema = {
  type: 'object',
  required: ['id', 'type', 'deleted', 'modified'],
  additionalProperties: false,
  properties: { id: { type: 'string', format: 'url' }, type: { type: 'string' }, deleted: { const: true }, created: { type: 'string', format: 'date-time' }, modified: { type: 'string', format: 'date-time' } },
};

const absoluteUrl = (s: string) => {
  try {
    const u = new URL(s);
    return u.protocol === 'http:' || u.protocol === 'https:';
  } catch {
    return false;
  }
};

function compile() {
  const ajv = new Ajv({ strict: false, allErrors: true, unicodeRegExp: false });
  ajv.addFormat('url', absoluteUrl);
  ajv.addFormat('date-time', /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/);
  ajv.addFormat('date', /^\d{4}-\d{2}-\d{2}$/);
  for (const name of oparlTypes) {
    const schema = load(name);
    const id = typeof schema.$id === 'string' ? schema.$id : `${base}${name}`;
    if (schema.$id) ajv.addSchema(schema);
    else ajv.addSchema(schema, id);
    ajv.addSchema({ $ref: id }, `${base}${name}.json`);
  }
  const validators = Object.fromEntries(oparlTypes.map((t) => [t, ajv.getSchema(`${base}${t}`)!])) as Record<OparlTypeName, ValidateFunction>;
  return { validators, deleted: ajv.compile(deletedSchema) };
}

let compiled: ReturnType<typeof compile> | undefined;

const messages = (validate: ValidateFunction) => (validate.errors ?? []).map((e) => `${e.instancePath || '/'} ${e.message} ${JSON.stringify(e.params)}`);

/** Required properties a deleted object drops by the specification's rule. */
const droppedWhenDeleted = (e: { keyword: string; params: Record<string, unknown> }) => e.keyword === 'required' && !['id', 'type'].includes(String(e.params.missingProperty));

/** The ajv errors of an object of the given type (empty when it validates against the official schema). */
export function oparlErrors(type: OparlTypeName, object: unknown): string[] {
  compiled ??= compile();
  const validate = compiled.validators[type];
  if ((object as { deleted?: boolean }).deleted === true) {
    const own = compiled.deleted(object) ? [] : messages(compiled.deleted);
    validate(object);
    validate.errors = (validate.errors ?? []).filter((e) => !droppedWhenDeleted(e));
    return [...own, ...messages(validate)];
  }
  return validate(object) ? [] : messages(validate);
}

/** The OParl type name of an object from its `type` URL. */
export function typeNameOf(object: { type?: unknown }): OparlTypeName | undefined {
  const match = /^https:\/\/schema\.oparl\.org\/1\.1\/([A-Za-z]+)$/.exec(String(object.type));
  return match && (oparlTypes as readonly string[]).includes(match[1]!) ? (match[1] as OparlTypeName) : undefined;
}
