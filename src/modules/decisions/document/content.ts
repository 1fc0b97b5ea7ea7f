/**
 * What a Vorlage says as a document, in the layout of the county's own papers (seed 001): header
 * block, kind and Öffentlichkeit, subject, Beratungsfolge, the sections, Anlagen and signature.
 * The DOCX and the PDF renderer only lay this out.
 */
import type { Block, TableBlock } from '../../../platform/documents/blocks.js';
import { formatDate, formatNumber, translator } from '../../../platform/i18n/i18n.js';
import type { ConsultationRow } from '../consultations.js';
import { factSegments } from '../figures.js';
import type { Paper } from '../papers.js';
import type { FrozenFigure } from '../schema.js';
import { votesText } from '../views/labels.js';

export interface PaperDocumentInput {
  kommune: string;
  paper: Paper;
  steps: ConsultationRow[];
  /** Frozen figures of a final paper, today's of one in preparation. */
  figures: Record<string, FrozenFigure>;
  /** Names of the Anlagen (the concept edition, uploaded files). */
  attachments: string[];
}

export interface PaperDocumentContent {
  /** File metadata title: "Beschlussvorlage 2024/FD91/457: Integrationskonzept 2024 …". */
  title: string;
  kommune: string;
  /** Header block: label and value on the left, and on the right where the seed has them. */
  header: { left: [string, string] | null; right: [string, string] | null }[];
  kind: string;
  visibility: string;
  subject: string;
  consultationsHeading: string;
  consultations: TableBlock;
  blocks: Block[];
  signature: string;
  signatureLabel: string;
  /** Left of "Seite X von Y" on every page. */
  footer: string;
}

const t = translator('de');
const date = (iso: string) => formatDate('de', iso);
const paragraphs = (text: string) =>
  text
    .split(/\n\s*\n/)
    .map((s) => s.trim())
    .filter(Boolean);
const para = (text: string): Block => ({ kind: 'paragraph', text });
const h2 = (text: string, id: string): Block => ({ kind: 'heading', level: 2, text, id, inContents: false, keep: 40 });

function stepResult(c: ConsultationRow['consultation']): string {
  if (!c.result) return '';
  const votes = votesText(t, c);
  return votes ? `${t(`decisions.result.${c.result}`)} (${votes})` : t(`decisions.result.${c.result}`);
}

/** "10.055 – Landesamt für Statistik, Stand 31.12.2023" for each figure the Sachverhalt uses. */
function figureSources(facts: string, figures: Record<string, FrozenFigure>): string[] {
  const seen = new Set<string>();
  const lines: string[] = [];
  for (const s of factSegments(facts, figures)) {
    if (!('key' in s) || !s.figure || seen.has(s.key)) continue;
    seen.add(s.key);
    const source = [s.figure.source, s.figure.asOf ? t('decisions.figures.as_of', { date: date(s.figure.asOf) }) : ''].filter(Boolean).join(', ') || t('decisions.figures.no_source');
    lines.push(`${s.figure.value}: ${source}`);
  }
  return lines;
}

/** The Sachverhalt with its figures' values (an unknown figure stays visible as its token). */
const factsText = (text: string, figures: Record<string, FrozenFigure>) => factSegments(text, figures).map((s) => ('text' in s ? s.text : (s.figure?.value ?? `{{${s.key}}}`))).join('');

export function paperDocumentContent(d: PaperDocumentInput): PaperDocumentContent {
  const p = d.paper;
  const kind = t(`decisions.kind.${p.kind}`);
  const facts = paragraphs(factsText(p.facts, d.figures));
  const sources = figureSources(p.facts, d.figures);
  const financial = [
    t(p.hasFinancialEffects ? 'decisions.paper.financial_yes' : 'decisions.paper.financial_no') +
      (p.financialAmount != null ? ` ${t('decisions.paper.amount', { amount: formatNumber('de', Number(p.financialAmount)) })}` : ''),
    ...paragraphs(p.financialText),
  ];
  const climate = [p.climateImpact ? `${t('decisions.paper.climate_impact')}: ${t(`decisions.climate.${p.climateImpact}`)}` : './.', ...paragraphs(p.climateText)];
  const blocks: Block[] = [
    h2(`${t('decisions.paper.proposal')}:`, 'beschlussvorschlag'),
    ...(paragraphs(p.proposal).length ? paragraphs(p.proposal) : ['./.']).map(para),
    h2(`${t('decisions.paper.facts')}:`, 'sachverhalt'),
    ...(facts.length ? facts : ['./.']).map(para),
    ...(sources.length ? [{ kind: 'paragraph', lead: t('decisions.figures.sources'), text: sources.join('; '), note: true } as Block] : []),
    h2(`${t('decisions.paper.financial_legend')}:`, 'finanzen'),
    ...financial.map(para),
    h2(`${t('decisions.paper.climate')}:`, 'klima'),
    ...climate.map(para),
    h2(`${t('decisions.paper.attachments')}:`, 'anlagen'),
    ...(d.attachments.length ? d.attachments : ['./.']).map(para),
  ];
  return {
    title: `${kind} ${p.number}: ${p.subject}`,
    kommune: d.kommune,
    header: [
      { left: [t('decisions.document.lead_office'), p.leadOffice || '–'], right: [t('decisions.paper.number'), p.number] },
      { left: [t('decisions.document.clerk'), p.clerk || '–'], right: [t('decisions.paper.date'), date(p.paperDate)] },
      { left: [t('decisions.paper.file_reference'), p.fileReference || '–'], right: null },
    ],
    kind,
    visibility: `– ${t(p.isPublic ? 'decisions.paper.public' : 'decisions.paper.not_public')} –`,
    subject: p.subject,
    consultationsHeading: t('decisions.document.consultations'),
    consultations: {
      kind: 'table',
      headers: [t('decisions.document.body'), t('decisions.document.on'), t('decisions.consultation.role'), t('decisions.document.result')],
      rows: d.steps.map((s) => [s.body.name, date(s.meeting.meetsOn), t(`decisions.role.${s.consultation.role}`), stepResult(s.consultation)]),
      weights: [3, 1, 1, 2],
    },
    blocks,
    signature: p.signature,
    signatureLabel: t('decisions.document.signature'),
    footer: `${d.kommune} · ${kind} Nr. ${p.number}`,
  };
}
