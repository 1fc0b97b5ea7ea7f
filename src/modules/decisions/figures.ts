/**
 * Live figures of the Sachverhalt. The text holds tokens such as {{massnahmen}} or
 * {{einwohner}}; while the paper is in preparation they show today's value, once it is final
 * the value, source and date frozen on that day (papers.figures).
 */
import { sql } from 'drizzle-orm';
import { queryRows, type Db } from '../../db/client.js';
import { todayInGermany } from '../../platform/dates.js';
import { formatNumber } from '../../platform/i18n/i18n.js';
import type { FrozenFigure } from './schema.js';
import type { PaperSettings } from './settings.js';

export interface LiveFigure extends FrozenFigure {
  key: string;
  /** Catalog key and params of the figure's name in the insert list. */
  labelKey: string;
  labelParams?: Record<string, string | number>;
}

export const figureToken = /\{\{([a-z0-9.-]{1,60})\}\}/g;
const de = (n: number) => formatNumber('de', n);

/** The figures a paper can insert: counts of its edition (overall and per Themenfeld) and the Kommune's reference figures. */
export async function liveFigures(db: Db, tenantId: string, editionId: string | null, settings: PaperSettings, today = todayInGermany()): Promise<LiveFigure[]> {
  const list: LiveFigure[] = [];
  if (editionId) {
    // The edition's title and counts in one query (issue 9.2: four before).
    const count = (table: 'goals' | 'measures', column: 'edition_id' | 'field_id', id: 'e.id' | 'f.id') => sql.raw(`(select count(*)::int from ${table} x where x.tenant_id = e.tenant_id and x.${column} = ${id})`);
    const [edition] = await queryRows<{ title: string; goals: number; measures: number; fields: { position: number; title: string; goals: number; measures: number }[] }>(
      db,
      sql`select e.title, ${count('goals', 'edition_id', 'e.id')} as goals, ${count('measures', 'edition_id', 'e.id')} as measures,
          (select coalesce(json_agg(f order by f.position), '[]'::json) from (
            select position, title, ${count('goals', 'field_id', 'f.id')} as goals, ${count('measures', 'field_id', 'f.id')} as measures
              from fields f where f.tenant_id = e.tenant_id and f.edition_id = e.id) f) as fields
        from editions e where e.tenant_id = ${tenantId} and e.id = ${editionId}`,
    );
    if (edition) {
      const source = edition.title;
      list.push({ key: 'themenfelder', labelKey: 'decisions.figure.fields', value: de(edition.fields.length), source, asOf: today });
      list.push({ key: 'ziele', labelKey: 'decisions.figure.goals', value: de(edition.goals), source, asOf: today });
      list.push({ key: 'massnahmen', labelKey: 'decisions.figure.measures', value: de(edition.measures), source, asOf: today });
      for (const f of edition.fields) {
        const params = { field: f.title };
        list.push({ key: `ziele.feld-${f.position}`, labelKey: 'decisions.figure.goals_in_field', labelParams: params, value: de(f.goals), source, asOf: today });
        list.push({ key: `massnahmen.feld-${f.position}`, labelKey: 'decisions.figure.measures_in_field', labelParams: params, value: de(f.measures), source, asOf: today });
      }
    }
  }
  if (settings.inhabitants != null) {
    list.push({ key: 'einwohner', labelKey: 'decisions.figure.inhabitants', value: de(settings.inhabitants), source: settings.inhabitantsSource, asOf: settings.inhabitantsAsOf });
  }
  if (settings.foreignNationals != null) {
    list.push({ key: 'auslaender', labelKey: 'decisions.figure.foreign_nationals', value: de(settings.foreignNationals), source: settings.foreignNationalsSource, asOf: settings.foreignNationalsAsOf });
    if (settings.inhabitants) {
      const share = Math.round((1000 * settings.foreignNationals) / settings.inhabitants) / 10;
      list.push({
        key: 'auslaender-anteil',
        labelKey: 'decisions.figure.foreign_share',
        value: `${formatNumber('de', share)} %`,
        source: [settings.foreignNationalsSource, settings.inhabitantsSource].filter((s, i, all) => s && all.indexOf(s) === i).join('; '),
        asOf: settings.foreignNationalsAsOf,
      });
    }
  }
  return list;
}

/** The tokens of a text that name no available figure (refused on save). */
export function unknownFigures(text: string, available: readonly { key: string }[]): string[] {
  const keys = new Set(available.map((f) => f.key));
  return [...new Set([...text.matchAll(figureToken)].map((m) => m[1]!).filter((k) => !keys.has(k)))];
}

/** The figures a text uses, keyed, as they are to be frozen. */
export function usedFigures(text: string, available: readonly LiveFigure[]): Record<string, FrozenFigure> {
  const used = new Set([...text.matchAll(figureToken)].map((m) => m[1]!));
  return Object.fromEntries(available.filter((f) => used.has(f.key)).map((f) => [f.key, { value: f.value, source: f.source, asOf: f.asOf }]));
}

export type FactSegment = { text: string } | { key: string; figure: FrozenFigure | undefined };

/** The text cut into plain parts and figures (undefined where a figure is no longer known). */
export function factSegments(text: string, figures: Record<string, FrozenFigure>): FactSegment[] {
  const out: FactSegment[] = [];
  let at = 0;
  for (const m of text.matchAll(figureToken)) {
    if (m.index! > at) out.push({ text: text.slice(at, m.index) });
    out.push({ key: m[1]!, figure: figures[m[1]!] });
    at = m.index! + m[0].length;
  }
  if (at < text.length) out.push({ text: text.slice(at) });
  return out;
}

/** The Sachverhalt as plain text with the figures' values (documents, search). */
export const factsAsText = (text: string, figures: Record<string, FrozenFigure>) =>
  factSegments(text, figures)
    .map((s) => ('text' in s ? s.text : s.figure?.value ?? `{{${s.key}}}`))
    .join('');
