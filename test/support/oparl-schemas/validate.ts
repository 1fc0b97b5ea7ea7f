import { readFileSync } from 'node:fs';
import { Ajv, type ValidateFunction } from 'ajv';

/*
 * Validates OParl objects with ajv against the schemas of OParl/spec (see SOURCE.md), after the
 * listed OParl 1.1 changes. OParl's own keywords ("oparl:ref", "references", …) are annotations
 * (strict: false); its formats are checked here: "url"/"uri" absolute http(s) URLs, RFC 3339 dates.
 */

type Schema = Record<string, any>;
const load = (name: string): Schema => JSON.parse(readFileSync(new URL(`./${name}.json`, import.meta.url), 'utf8'));

export const oparlTypes = ['System', 'Body', 'Organization', 'Meeting', 'AgendaItem', 'Paper', 'Consultation', 'File'] as const;
export type OparlTypeName = (typeof oparlTypes)[number];

const typePattern = (type: string) => `^https://schema\\.oparl\\.org/1\\.1/${type}$`;
const without = (list: string[], ...names: string[]) => list.filter((n) => !names.includes(n));

/** The OParl 1.1 changes applied to the pre-1.1 files (System.json is 1.1 already). */
function adapted() {
  const body = load('Body');
  body.properties.type.pattern = typePattern('Body');
  // 1.1 renamed bodyLocation to the optional `location`.
  body.required = without(body.required, 'bodyLocation');

  const organization = load('Organization');
  organization.properties.type.pattern = typePattern('Organization');

  const file = load('File');
  file.properties.type.pattern = typePattern('File');

  const location = load('Location');
  location.properties.type.pattern = typePattern('Location');

  const consultation = load('Consultation');
  consultation.properties.type.pattern = typePattern('Consultation');
  // 1.1 adds the meeting a consultation belongs to.
  consultation.properties.meeting = { type: 'string', format: 'url' };
  /** Inside a Paper the back reference to the paper is left out (1.1, "interne Ausgabe"). */
  const consultationEmbedded = { ...consultation, required: without(consultation.required, 'paper') };

  const meeting = load('Meeting');
  meeting.properties.type.pattern = typePattern('Meeting');
  const agendaItem = meeting.properties.agendaItem.items;
  agendaItem.properties.type.pattern = typePattern('AgendaItem');
  // 1.1 adds `order`, the item's place in the meeting (the array order is the agenda).
  agendaItem.properties.order = { type: 'integer' };

  const paper = load('Paper');
  paper.properties.type.pattern = typePattern('Paper');
  // 1.1: `publishedDate` became `date` (a day); `mainFile` is optional and, like the auxiliary
  // files and the consultations, given as embedded objects; `paperType` is plain text.
  paper.required = [...without(paper.required, 'publishedDate', 'mainFile'), 'date'];
  delete paper.properties.publishedDate;
  paper.properties.date = { type: 'string', format: 'date' };
  paper.properties.paperType = { type: 'string' };
  paper.properties.mainFile = { $ref: 'File.json' };
  paper.properties.auxiliaryFile = { type: 'array', items: { $ref: 'File.json' } };
  paper.properties.consultation = { type: 'array', items: { $ref: 'ConsultationEmbedded.json' } };

  return { System: load('System'), Body: body, Organization: organization, Meeting: meeting, AgendaItem: agendaItem, Paper: paper, Consultation: consultation, ConsultationEmbedded: consultationEmbedded, File: file, Location: location };
}

/** What OParl asks of a deleted object: its id and type, `deleted: true`, and when. */
const deletedSchema = {
  type: 'object',
  required: ['id', 'type', 'deleted', 'modified'],
  properties: { id: { type: 'string', format: 'url' }, type: { type: 'string', pattern: '^https://schema\\.oparl\\.org/1\\.1/[A-Za-z]+$' }, deleted: { const: true }, created: { type: 'string', format: 'date-time' }, modified: { type: 'string', format: 'date-time' } },
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
  // System.json escapes ':' and '/' in its patterns, which is invalid in unicode-mode regular expressions.
  const ajv = new Ajv({ strict: false, allErrors: true, unicodeRegExp: false });
  ajv.addFormat('url', absoluteUrl);
  ajv.addFormat('uri', absoluteUrl);
  ajv.addFormat('date-time', /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/);
  ajv.addFormat('date', /^\d{4}-\d{2}-\d{2}$/);
  const schemas = adapted();
  for (const [name, schema] of Object.entries(schemas)) ajv.addSchema(schema, `${name}.json`);
  const validators = Object.fromEntries(oparlTypes.map((t) => [t, ajv.getSchema(`${t}.json`)!])) as Record<OparlTypeName, ValidateFunction>;
  return { validators, embeddedConsultation: ajv.getSchema('ConsultationEmbedded.json')!, deleted: ajv.compile(deletedSchema) };
}

let compiled: ReturnType<typeof compile> | undefined;

/** The ajv errors of an object of the given type (empty when it validates); `embedded`: output inside its parent. */
export function oparlErrors(type: OparlTypeName, object: unknown, embedded = false): string[] {
  compiled ??= compile();
  const validate = (object as { deleted?: boolean }).deleted === true ? compiled.deleted : embedded && type === 'Consultation' ? compiled.embeddedConsultation : compiled.validators[type];
  return validate(object) ? [] : (validate.errors ?? []).map((e) => `${e.instancePath || '/'} ${e.message} ${JSON.stringify(e.params)}`);
}

/** The OParl type name of an object from its `type` URL. */
export function typeNameOf(object: { type?: unknown }): OparlTypeName | undefined {
  const match = /^https:\/\/schema\.oparl\.org\/1\.1\/([A-Za-z]+)$/.exec(String(object.type));
  return match && (oparlTypes as readonly string[]).includes(match[1]!) ? (match[1] as OparlTypeName) : undefined;
}
