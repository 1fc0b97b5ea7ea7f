import type { Tenant } from '../../platform/tenancy/service.js';
import type { consultations, councilBodies, councilMeetings, PaperFileMeta, papers } from '../decisions/schema.js';
import { consultationResult, consultationRole, organizationClassification, oparlVersion, paperType, typeUrl, type OparlType } from './vocabulary.js';

/*
 * OParl 1.1 objects from ikon's rows. URLs are absolute (the configured public URL) and every
 * one of them resolves. Objects that are "intern ausgegeben" (AgendaItem in Meeting,
 * Consultation and File in Paper) are also served on their own under their id.
 */

type Organization = typeof councilBodies.$inferSelect;
type Meeting = typeof councilMeetings.$inferSelect;
type Paper = typeof papers.$inferSelect;
type Consultation = typeof consultations.$inferSelect;
export type FileMeta = PaperFileMeta;

/** Where everything of one Kommune lives: /oparl/v1/body/{slug}/… */
export class Urls {
  constructor(
    readonly origin: string,
    readonly slug?: string,
  ) {}
  get root() {
    return `${this.origin}/oparl/v1`;
  }
  get system() {
    return `${this.root}/system`;
  }
  get bodies() {
    return `${this.root}/bodies`;
  }
  forBody(slug: string) {
    return new Urls(this.origin, slug);
  }
  get body() {
    return `${this.root}/body/${encodeURIComponent(this.slug!)}`;
  }
  list(kind: 'organizations' | 'persons' | 'meetings' | 'papers' | 'memberships' | 'agendaItems' | 'consultations' | 'files' | 'legislativeTerms' | 'locations') {
    return `${this.body}/${kind}`;
  }
  object(kind: 'organization' | 'meeting' | 'paper' | 'consultation' | 'agendaItem' | 'file', id: string) {
    return `${this.body}/${kind}/${id}`;
  }
  download(fileId: string) {
    return `${this.object('file', fileId)}/download`;
  }
}

const stamp = (d: Date) => d.toISOString();

/** A deleted object keeps only what OParl requires of it (id, type, created, modified, deleted). */
export function deletedObject(type: OparlType, id: string, row: { createdAt: Date; updatedAt: Date; deletedAt: Date | null }) {
  return { id, type: typeUrl(type), created: stamp(row.createdAt), modified: stamp(row.deletedAt ?? row.updatedAt), deleted: true };
}

export function systemObject(urls: Urls, since: Date) {
  return {
    id: urls.system,
    type: typeUrl('System'),
    oparlVersion,
    body: urls.bodies,
    name: 'ikon – Integrationskonzepte der Kommunen',
    website: urls.origin,
    created: stamp(since),
    modified: stamp(since),
  };
}

export function bodyObject(urls: Urls, tenant: Tenant, modified: Date) {
  return {
    id: urls.body,
    type: typeUrl('Body'),
    system: urls.system,
    name: tenant.name,
    shortName: tenant.name,
    ags: tenant.ags,
    website: `${urls.origin}/k/${encodeURIComponent(tenant.slug)}`,
    organization: urls.list('organizations'),
    person: urls.list('persons'),
    meeting: urls.list('meetings'),
    paper: urls.list('papers'),
    agendaItem: urls.list('agendaItems'),
    consultation: urls.list('consultations'),
    file: urls.list('files'),
    membership: urls.list('memberships'),
    legislativeTermList: urls.list('legislativeTerms'),
    // ikon records no Wahlperioden: the list is ZWINGEND and stays empty.
    legislativeTerm: [],
    web: `${urls.origin}/k/${encodeURIComponent(tenant.slug)}`,
    created: stamp(tenant.createdAt),
    modified: stamp(modified),
  };
}

export function organizationObject(urls: Urls, o: Organization) {
  const id = urls.object('organization', o.id);
  if (o.deletedAt) return deletedObject('Organization', id, o);
  return {
    id,
    type: typeUrl('Organization'),
    body: urls.body,
    name: o.name,
    ...(o.shortName ? { shortName: o.shortName } : {}),
    organizationType: 'Gremium',
    classification: organizationClassification[o.kind],
    meeting: `${id}/meetings`,
    membership: [],
    created: stamp(o.createdAt),
    modified: stamp(o.updatedAt),
  };
}

/** A consultation at a meeting is that meeting's agenda item (ikon keeps no separate agenda). */
export function agendaItemObject(urls: Urls, c: Consultation, paper: Pick<Paper, 'subject' | 'number'>, order: number, embedded = false) {
  return {
    id: urls.object('agendaItem', c.id),
    type: typeUrl('AgendaItem'),
    ...(embedded ? {} : { meeting: urls.object('meeting', c.meetingId) }),
    ...(c.agendaNumber ? { number: c.agendaNumber } : {}),
    order,
    name: `${paper.subject} (Vorlage ${paper.number})`,
    public: true,
    consultation: urls.object('consultation', c.id),
    ...(c.result ? { result: consultationResult[c.result] } : {}),
    ...(c.decisionText ? { resolutionText: c.decisionText } : {}),
    created: stamp(c.createdAt),
    modified: stamp(c.updatedAt),
  };
}

export interface AgendaEntry {
  consultation: Consultation;
  paper: Pick<Paper, 'subject' | 'number'>;
}

/** The meeting's day only is known: `start` is that day's midnight in the Kommune's time (Europe/Berlin). */
export function meetingObject(urls: Urls, m: Meeting, organizationName: string, agenda: AgendaEntry[]) {
  const id = urls.object('meeting', m.id);
  if (m.deletedAt) return deletedObject('Meeting', id, m);
  return {
    id,
    type: typeUrl('Meeting'),
    name: m.name || `Sitzung ${organizationName}`,
    cancelled: m.cancelled,
    start: berlinMidnight(m.meetsOn),
    organization: [urls.object('organization', m.bodyId)],
    agendaItem: agenda.map((a, i) => agendaItemObject(urls, a.consultation, a.paper, i + 1, true)),
    ...(m.location ? { location: undefined } : {}),
    created: stamp(m.createdAt),
    modified: stamp(m.updatedAt),
  };
}

export function consultationObject(urls: Urls, c: Consultation, embedded = false) {
  const id = urls.object('consultation', c.id);
  if (c.deletedAt) return deletedObject('Consultation', id, c);
  return {
    id,
    type: typeUrl('Consultation'),
    ...(embedded ? {} : { paper: urls.object('paper', c.paperId) }),
    agendaItem: urls.object('agendaItem', c.id),
    meeting: urls.object('meeting', c.meetingId),
    organization: [urls.object('organization', c.bodyId)],
    authoritative: c.role === 'entscheidung',
    role: consultationRole[c.role],
    created: stamp(c.createdAt),
    modified: stamp(c.updatedAt),
  };
}

export function fileObject(urls: Urls, f: FileMeta, embedded = false) {
  const id = urls.object('file', f.id);
  if (f.deletedAt) return deletedObject('File', id, f);
  return {
    id,
    type: typeUrl('File'),
    name: f.name,
    fileName: f.fileName,
    mimeType: f.mimeType,
    // OParl 1.1: a day (format date), the file's creation in the Kommune's time.
    date: berlinDay(f.createdAt),
    size: f.size,
    accessUrl: urls.download(f.id),
    downloadUrl: urls.download(f.id),
    ...(embedded ? {} : { paper: [urls.object('paper', f.paperId)] }),
    created: stamp(f.createdAt),
    modified: stamp(f.updatedAt),
  };
}

export function paperObject(urls: Urls, p: Paper, files: FileMeta[], paperConsultations: Consultation[]) {
  const id = urls.object('paper', p.id);
  if (p.deletedAt) return deletedObject('Paper', id, p);
  const main = files.find((f) => f.role === 'main' && !f.deletedAt);
  const auxiliary = files.filter((f) => f !== main && !f.deletedAt);
  return {
    id,
    type: typeUrl('Paper'),
    body: urls.body,
    name: p.subject,
    reference: p.number,
    date: p.paperDate,
    paperType: paperType[p.kind],
    ...(main ? { mainFile: fileObject(urls, main, true) } : {}),
    ...(auxiliary.length ? { auxiliaryFile: auxiliary.map((f) => fileObject(urls, f, true)) } : {}),
    consultation: paperConsultations.filter((c) => !c.deletedAt).map((c) => consultationObject(urls, c, true)),
    created: stamp(p.createdAt),
    modified: stamp(p.updatedAt),
  };
}

/** The day (YYYY-MM-DD) of an instant in Europe/Berlin. */
export function berlinDay(at: Date): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Berlin', year: 'numeric', month: '2-digit', day: '2-digit' }).format(at);
}

/** YYYY-MM-DD → that day 00:00 in Europe/Berlin as ISO 8601 with offset (+01:00 or +02:00). */
export function berlinMidnight(day: string): string {
  const utcNoon = new Date(`${day}T12:00:00Z`);
  const name = new Intl.DateTimeFormat('en-US', { timeZone: 'Europe/Berlin', timeZoneName: 'shortOffset' }).formatToParts(utcNoon).find((p) => p.type === 'timeZoneName')?.value ?? 'GMT+1';
  const hours = Number(name.replace('GMT', '') || '0');
  return `${day}T00:00:00+0${hours}:00`;
}
