/** What the public sees of a decision: public papers only, no internal fields (clerk, versions, timeline). */
import type { Db } from '../../db/client.js';
import type { EditionDecision } from '../../platform/edition-decisions.js';
import { adoptedEdition, editionById } from '../concepts/index.js';
import { consultationsOf } from './consultations.js';
import { filesOfPaper } from './files.js';
import { adoptedMeasures, decisionOfEdition, publicDecision, publicDecisions, type Decision } from './queries.js';
import type { ClimateImpact, ConsultationResult, FrozenFigure } from './schema.js';

export interface PublicDecisionSummary {
  paperId: string;
  number: string;
  subject: string;
  body: string;
  decidedOn: string;
  result: ConsultationResult;
  unanimous: boolean;
  votes: { yes: number | null; no: number | null; abstain: number | null };
}

const summary = (d: Decision): PublicDecisionSummary => ({
  paperId: d.paper.id,
  number: d.paper.number,
  subject: d.paper.subject,
  body: d.body.name,
  decidedOn: d.decidedOn,
  result: d.consultation.result!,
  unanimous: d.consultation.unanimous,
  votes: { yes: d.consultation.votesYes, no: d.consultation.votesNo, abstain: d.consultation.votesAbstain },
});

export const listPublicDecisions = async (db: Db, tenantId: string) => (await publicDecisions(db, tenantId)).map(summary);

/** The decision that adopted an edition, as the concept page names it; undefined unless a public paper records it. */
export async function publicAdoptionOf(db: Db, tenantId: string, editionId: string): Promise<PublicDecisionSummary | undefined> {
  const d = await decisionOfEdition(db, tenantId, editionId, true);
  return d ? summary(d) : undefined;
}

export interface PublicDecisionPage extends PublicDecisionSummary {
  kind: string;
  paperDate: string;
  proposal: string;
  decisionText: string;
  facts: string;
  figures: Record<string, FrozenFigure>;
  hasFinancialEffects: boolean;
  financialText: string;
  financialAmount: string | null;
  climateImpact: ClimateImpact | null;
  climateText: string;
  /** The edition the paper adopted; `current` when the public concept page shows it. */
  edition: { title: string; current: boolean } | undefined;
  steps: { body: string; date: string; result: ConsultationResult | null; unanimous: boolean; votes: PublicDecisionSummary['votes'] }[];
  measures: { number: string; title: string; status: string; progress: number | null; current: boolean }[];
  /** The documents stored when the paper became final: the Vorlage first, then its Anlagen. */
  files: { id: string; name: string; fileName: string; size: number }[];
}

/** The public page of one decision, or undefined (not public, not decided, deleted, unknown). */
export async function loadPublicDecision(db: Db, tenantId: string, paperId: string): Promise<PublicDecisionPage | undefined> {
  const d = await publicDecision(db, tenantId, paperId);
  if (!d) return undefined;
  const adopted = await adoptedEdition(db, tenantId);
  const steps = await consultationsOf(db, tenantId, d.paper.id);
  const measures = await adoptedMeasures(db, tenantId, d.paper.id);
  const files = await filesOfPaper(db, tenantId, d.paper.id);
  return {
    ...summary(d),
    kind: d.paper.kind,
    paperDate: d.paper.paperDate,
    proposal: d.paper.proposal,
    decisionText: d.consultation.decisionText,
    facts: d.paper.facts,
    figures: d.paper.figures ?? {},
    hasFinancialEffects: d.paper.hasFinancialEffects,
    financialText: d.paper.financialText,
    financialAmount: d.paper.financialAmount,
    climateImpact: d.paper.climateImpact,
    climateText: d.paper.climateText,
    edition: d.paper.editionId ? { title: await editionTitle(db, tenantId, d.paper.editionId, adopted), current: adopted?.id === d.paper.editionId } : undefined,
    steps: steps.map((s) => ({
      body: s.body.name,
      date: s.meeting.meetsOn,
      result: s.consultation.result,
      unanimous: s.consultation.unanimous,
      votes: { yes: s.consultation.votesYes, no: s.consultation.votesNo, abstain: s.consultation.votesAbstain },
    })),
    measures: measures.map((m) => ({ number: m.number, title: m.title, status: m.status, progress: m.progress, current: m.editionId === adopted?.id })),
    files: [...files.filter((f) => f.role === 'main'), ...files.filter((f) => f.role !== 'main')].map((f) => ({ id: f.id, name: f.name, fileName: f.fileName, size: f.size })),
  };
}

async function editionTitle(db: Db, tenantId: string, editionId: string, adopted: { id: string; title: string } | undefined) {
  if (adopted?.id === editionId) return adopted.title;
  return (await editionById(db, tenantId, editionId).catch(() => undefined))?.title ?? '';
}

/** The decision (public or not) that adopted an edition, as internal pages name it. */
export async function editionDecision(db: Db, tenantId: string, editionId: string): Promise<EditionDecision | undefined> {
  const d = await decisionOfEdition(db, tenantId, editionId, false);
  if (!d) return undefined;
  return { decidedOn: d.decidedOn, body: d.body.name, number: d.paper.number, unanimous: d.consultation.unanimous, changed: d.consultation.result === 'geaendert_beschlossen', path: `/vorlagen/${d.paper.id}` };
}
