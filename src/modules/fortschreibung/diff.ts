/**
 * What changed between two editions of a concept: a pure function over two snapshots (see
 * snapshot.ts for the loader). Items are matched by lineage (the first item of their
 * predecessor chain) when the editions share any lineage; editions without lineage (a new
 * edition typed in from scratch or imported) are matched by number (Ziele, Maßnahmen) or title
 * (Leitlinien, Themenfelder).
 */

export const diffKinds = ['guidelines', 'fields', 'goals', 'measures'] as const;
export type DiffKind = (typeof diffKinds)[number];

/** The compared fields of each kind, in display order. */
export const diffFields: Record<DiffKind, readonly string[]> = {
  guidelines: ['title', 'text'],
  fields: ['title', 'description', 'isCrossCutting'],
  goals: ['number', 'kind', 'field', 'title', 'description'],
  measures: [
    'number', 'field', 'goals', 'title', 'description', 'targetGroups', 'lead', 'partners', 'horizon', 'startDate', 'endDate',
    'priority', 'staffFte', 'costEur', 'fundingSource', 'indicator', 'targetValue', 'status', 'progress', 'weight',
    'crossCutting', 'sdgs', 'municipalities',
  ],
};

/**
 * Fields of a measure that say how far its implementation is, not what the concept says: the
 * comparison shows them in a section of their own, apart from the content changes.
 */
export const implementationFields: readonly string[] = ['status', 'progress', 'weight'];
const isContent = (kind: DiffKind, field: string) => kind !== 'measures' || !implementationFields.includes(field);

/** Catalog keys of the German field labels. */
export const fieldLabelKeys: Record<string, string> = {
  title: 'concept.item_title',
  text: 'concept.guideline_text',
  description: 'measure.description',
  isCrossCutting: 'fortschreibung.field.cross_cutting',
  number: 'measure.number',
  kind: 'concept.goal_kind',
  field: 'measure.field',
  goals: 'measure.goals',
  targetGroups: 'measure.target_groups',
  lead: 'measure.lead',
  partners: 'measure.partners',
  horizon: 'measure.horizon',
  startDate: 'measure.start',
  endDate: 'measure.end',
  priority: 'measure.priority',
  staffFte: 'measure.staff_fte',
  costEur: 'measure.cost_eur',
  fundingSource: 'measure.funding_source',
  indicator: 'measure.indicator',
  targetValue: 'measure.target_value',
  status: 'measure.status',
  progress: 'fortschreibung.field.progress',
  weight: 'fortschreibung.field.weight',
  crossCutting: 'measure.cross_cutting',
  sdgs: 'measure.sdgs',
  municipalities: 'measure.municipalities',
};

/**
 * What a value refers to (a Themenfeld, Ziel, Akteur, Gemeinde), so a renamed Themenfeld does
 * not count as a change of every measure in it: `root` when the editions share lineage, `key`
 * (number or normalised title; the id for things outside editions) when they do not.
 */
export interface Ref {
  root: string;
  key: string;
}

export interface SnapshotItem {
  id: string;
  /** The first item of its predecessor chain; the item itself when it has no predecessor. */
  root: string;
  /** Matching key without lineage: the number (Ziele, Maßnahmen) or the normalised title. */
  key: string;
  /** Shown in the "Nr." column: the number, or the position for Leitlinien and Themenfelder. */
  number: string;
  title: string;
  /** Display values by field (see diffFields); '' = empty. */
  values: Record<string, string>;
  /** For fields that point at other things: what they point at. */
  refs: Record<string, Ref[]>;
}

export interface EditionSnapshot {
  edition: { id: string; title: string; status: string; adoptedOn: string | null };
  guidelines: SnapshotItem[];
  fields: SnapshotItem[];
  goals: SnapshotItem[];
  measures: SnapshotItem[];
}

export type ChangeKind = 'added' | 'removed' | 'changed';

export interface FieldChange {
  field: string;
  before: string;
  after: string;
}

export interface ItemDiff {
  change: ChangeKind;
  number: string;
  title: string;
  /** The item in the earlier ("von") edition; absent for added items. */
  idBefore?: string;
  /** The item in the later ("zu") edition; absent for removed items. */
  idAfter?: string;
  /** Changed: the differing fields. Added/removed: every field with a value. */
  fields: FieldChange[];
}

export interface EditionDiff {
  /** How items were matched: by lineage (editions related by a Fortschreibung) or by number/title. */
  matchedBy: 'lineage' | 'key';
  /** Content changes: added, removed, and changed items without their implementation state. */
  items: Record<DiffKind, ItemDiff[]>;
  /** Items whose content is unchanged (their implementation state may have moved on). */
  unchanged: Record<DiffKind, number>;
  /** Measures present in both editions whose status, progress or weight differ. */
  implementation: ItemDiff[];
}

/** Lower case, single spaces, trimmed: the title key for matching without lineage. */
export const normaliseTitle = (s: string) => s.normalize('NFC').trim().replace(/\s+/g, ' ').toLocaleLowerCase('de');

const naturally = (a: string, b: string) => a.localeCompare(b, 'de', { numeric: true, sensitivity: 'base' });
const changeOrder: Record<ChangeKind, number> = { changed: 0, added: 1, removed: 2 };

function sameRefs(a: Ref[], b: Ref[], by: 'root' | 'key'): boolean {
  if (a.length !== b.length) return false;
  const x = a.map((r) => r[by]).sort();
  const y = b.map((r) => r[by]).sort();
  return x.every((v, i) => v === y[i]);
}

function changedFields(kind: DiffKind, a: SnapshotItem, b: SnapshotItem, by: 'root' | 'key'): FieldChange[] {
  const out: FieldChange[] = [];
  for (const field of diffFields[kind]) {
    const before = a.values[field] ?? '';
    const after = b.values[field] ?? '';
    if (before === after) continue;
    const ra = a.refs[field];
    const rb = b.refs[field];
    // Same Themenfeld/Ziel/Akteur, only renamed: the rename shows in its own section.
    if (ra && rb && sameRefs(ra, rb, by)) continue;
    out.push({ field, before, after });
  }
  return out;
}

const filled = (kind: DiffKind, item: SnapshotItem, side: 'before' | 'after'): FieldChange[] =>
  diffFields[kind]
    .filter((f) => (item.values[f] ?? '') !== '')
    .map((f) => ({ field: f, before: side === 'before' ? item.values[f]! : '', after: side === 'after' ? item.values[f]! : '' }));

/** True when any item of `b` continues (by lineage) an item of `a`. */
export function shareLineage(a: EditionSnapshot, b: EditionSnapshot): boolean {
  return diffKinds.some((k) => {
    const roots = new Set(a[k].map((i) => i.root));
    return b[k].some((i) => roots.has(i.root));
  });
}

/**
 * The changes from edition `a` (earlier, "von") to edition `b` (later, "zu"): per kind the added,
 * removed and changed items, field by field, sorted by number.
 */
export function diffEditions(a: EditionSnapshot, b: EditionSnapshot): EditionDiff {
  const by: 'root' | 'key' = shareLineage(a, b) ? 'root' : 'key';
  const items = {} as Record<DiffKind, ItemDiff[]>;
  const unchanged = {} as Record<DiffKind, number>;
  const implementation: ItemDiff[] = [];
  for (const kind of diffKinds) {
    // Candidates in `a` by matching value; each is used once (first come, first matched).
    const pool = new Map<string, SnapshotItem[]>();
    for (const item of a[kind]) {
      const list = pool.get(item[by]) ?? [];
      list.push(item);
      pool.set(item[by], list);
    }
    const matched = new Set<string>();
    const out: ItemDiff[] = [];
    let same = 0;
    for (const item of b[kind]) {
      const candidate = pool.get(item[by])?.find((x) => !matched.has(x.id));
      if (!candidate) {
        out.push({ change: 'added', number: item.number, title: item.title, idAfter: item.id, fields: filled(kind, item, 'after') });
        continue;
      }
      matched.add(candidate.id);
      const changed = changedFields(kind, candidate, item, by);
      const fields = changed.filter((f) => isContent(kind, f.field));
      const state = changed.filter((f) => !isContent(kind, f.field));
      if (fields.length === 0) same++;
      else out.push({ change: 'changed', number: item.number, title: item.title, idBefore: candidate.id, idAfter: item.id, fields });
      if (state.length) implementation.push({ change: 'changed', number: item.number, title: item.title, idBefore: candidate.id, idAfter: item.id, fields: state });
    }
    for (const item of a[kind]) {
      if (!matched.has(item.id)) out.push({ change: 'removed', number: item.number, title: item.title, idBefore: item.id, fields: filled(kind, item, 'before') });
    }
    out.sort((x, y) => naturally(x.number, y.number) || changeOrder[x.change] - changeOrder[y.change] || naturally(x.title, y.title));
    items[kind] = out;
    unchanged[kind] = same;
  }
  implementation.sort((x, y) => naturally(x.number, y.number));
  return { matchedBy: by === 'root' ? 'lineage' : 'key', items, unchanged, implementation };
}

/** Number of changed, added and removed items over all kinds (content only). */
export const changeCount = (d: EditionDiff) => diffKinds.reduce((n, k) => n + d.items[k].length, 0);
