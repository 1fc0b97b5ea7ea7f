import { randomUUID } from 'node:crypto';
import { fold } from './columns.js';
import type { References } from './references.js';

/**
 * What a cell names: an id; or a problem (message key); or both for a name the Kommune does not
 * know yet, which the import may create (`unknownReference`; the id is a placeholder until then).
 */
export interface Resolved {
  id?: string;
  problem?: string;
  params?: Record<string, string | number>;
  unknownReference?: boolean;
}

export interface NewField {
  id: string;
  title: string;
  crossCutting: boolean;
  position: number;
}
export interface NewGoal {
  id: string;
  fieldId: string;
  fieldTitle: string;
  number: string;
  title: string;
}
export interface NewActor {
  id: string;
  name: string;
}

interface GoalRef {
  id: string;
  fieldId: string;
  number: string;
  title: string;
}

const goalNumber = /^\d+(?:\.\d+)*\.?$/;
const numberAndTitle = /^(\d+(?:\.\d+)+)\.?\s+(.+)$/s;
const leadingNumbering = /^\s*\d+(?:\.\d+)*[.):]?\s+/;

/**
 * Turns names in cells into ids of this edition and Kommune. Names it does not know become
 * planned new actors, Themenfelder and Ziele with a placeholder id (so the row can be validated
 * and compared); the import creates them only when asked to, in the order first named.
 */
export class Resolver {
  readonly newActors: NewActor[] = [];
  readonly newFields: NewField[] = [];
  readonly newGoals: NewGoal[] = [];
  private readonly actorsByName = new Map<string, string>();
  private readonly fieldsByTitle = new Map<string, { id: string; crossCutting: boolean; title: string; position: number }>();
  private readonly goals: GoalRef[];
  private readonly municipalities = new Map<string, string>();
  private lastFieldPosition: number;

  constructor(refs: References) {
    for (const a of refs.actors) if (!this.actorsByName.has(fold(a.name))) this.actorsByName.set(fold(a.name), a.id);
    for (const f of refs.fields) {
      if (!this.fieldsByTitle.has(fold(f.title))) this.fieldsByTitle.set(fold(f.title), { id: f.id, crossCutting: f.isCrossCutting, title: f.title, position: f.position });
    }
    this.goals = refs.goals.map((g) => ({ id: g.id, fieldId: g.fieldId, number: g.number.trim(), title: g.title }));
    for (const m of refs.municipalities) {
      this.municipalities.set(fold(m.name), m.id);
      this.municipalities.set(m.ags, m.id);
    }
    this.lastFieldPosition = Math.max(0, ...refs.fields.map((f) => f.position));
  }

  /** Placeholder ids of everything planned: naming a planned item again is again an unknown reference. */
  private readonly planned = new Map<string, Resolved>();

  private plan(id: string, problem: string, name: string): Resolved {
    const r: Resolved = { id, problem, params: { name }, unknownReference: true };
    this.planned.set(id, r);
    return r;
  }

  private known(id: string): Resolved {
    return this.planned.get(id) ?? { id };
  }

  actor(name: string): Resolved {
    const key = fold(name);
    const known = this.actorsByName.get(key);
    if (known) return this.known(known);
    if (name.length > 300) return { problem: 'validation.too_big', params: { max: 300 } };
    const id = randomUUID();
    this.newActors.push({ id, name });
    this.actorsByName.set(key, id);
    return this.plan(id, 'transfer.error.unknown_actor', name);
  }

  private fieldByTitle(title: string) {
    return this.fieldsByTitle.get(fold(title)) ?? this.fieldsByTitle.get(fold(title.replace(leadingNumbering, '')));
  }

  /** A Handlungsfeld (crossCutting = false) or a Querschnittsthema (true). */
  field(title: string, crossCutting: boolean): Resolved {
    const known = this.fieldByTitle(title);
    if (known) {
      if (known.crossCutting === crossCutting) return this.known(known.id);
      return { problem: crossCutting ? 'transfer.error.not_cross_cutting' : 'transfer.error.is_cross_cutting', params: { name: known.title } };
    }
    if (title.length > 200) return { problem: 'validation.too_big', params: { max: 200 } };
    const id = randomUUID();
    this.lastFieldPosition += 1;
    const planned = { id, title, crossCutting, position: this.lastFieldPosition };
    this.newFields.push(planned);
    this.fieldsByTitle.set(fold(title), planned);
    return this.plan(id, crossCutting ? 'transfer.error.unknown_cross_cutting' : 'transfer.error.unknown_field', title);
  }

  fieldTitle(id: string) {
    for (const f of this.fieldsByTitle.values()) if (f.id === id) return f;
    return undefined;
  }

  /** A Ziel of the given Themenfeld by number ("1.2"), title, or "1.2 Title". */
  goal(fieldId: string, text: string): Resolved {
    const own = this.goals.filter((g) => g.fieldId === fieldId);
    const byNumber = own.find((g) => g.number === text.replace(/\.$/, ''));
    if (byNumber) return this.known(byNumber.id);
    const byTitle = own.find((g) => fold(g.title) === fold(text));
    if (byTitle) return this.known(byTitle.id);
    const split = numberAndTitle.exec(text);
    if (split) {
      const numbered = own.find((g) => g.number === split[1]);
      if (numbered) return this.known(numbered.id);
    }
    if (goalNumber.test(text)) return { problem: 'transfer.error.goal_number_unknown', params: { number: text } };
    const number = split ? split[1]! : this.nextGoalNumber(fieldId, own);
    const title = split ? split[2]!.trim() : text;
    if (number.length > 20) return { problem: 'validation.too_big', params: { max: 20 } };
    if (title.length > 500) return { problem: 'validation.too_big', params: { max: 500 } };
    const id = randomUUID();
    const field = this.fieldTitle(fieldId);
    const planned = { id, fieldId, fieldTitle: field?.title ?? '', number, title };
    this.newGoals.push(planned);
    this.goals.push(planned);
    return this.plan(id, 'transfer.error.unknown_goal', `${number} ${title}`);
  }

  /** "3.4" after 3.0 … 3.3; "7.1" for the first Ziel of the 7th Themenfeld. */
  private nextGoalNumber(fieldId: string, own: GoalRef[]): string {
    const parts = own.map((g) => /^(.*)\.(\d+)$/.exec(g.number)).filter((m): m is RegExpExecArray => !!m);
    const prefix = parts[0]?.[1] ?? String(this.fieldTitle(fieldId)?.position ?? 1);
    const last = Math.max(0, ...parts.filter((m) => m[1] === prefix).map((m) => Number(m[2])));
    return `${prefix}.${last + 1}`;
  }

  municipality(name: string): Resolved {
    const id = this.municipalities.get(fold(name)) ?? this.municipalities.get(name.trim());
    return id ? { id } : { problem: 'transfer.error.unknown_municipality', params: { name } };
  }
}
