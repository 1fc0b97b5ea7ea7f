/**
 * What a generated document says, as blocks that the DOCX and the PDF renderer only lay out:
 * both files carry the same words and tables.
 */

/**
 * A table cell: plain text, or text after a bold label (the "intern" mark); `stacked`: the label
 * on a line of its own (a measure's title above its description).
 */
export type Cell = string | { label: string; text: string; stacked?: boolean };

export interface TableBlock {
  kind: 'table';
  headers: string[];
  rows: Cell[][];
  /** Columns of figures, right-aligned. */
  numeric?: boolean[];
  /** How much of the spare width each column gets, relative to its text (see fitColumns). */
  weights?: number[];
}

export type Block =
  /** `keep`: room (pt) kept below the heading for what follows, where the level's default does not fit. */
  | { kind: 'heading'; level: 1 | 2 | 3; text: string; id: string; inContents: boolean; keep?: number }
  /** `lead`: bold words that open the paragraph ("Leitziel 1.1"). */
  | { kind: 'paragraph'; text: string; note?: boolean; lead?: string }
  | TableBlock
  /** A chart with its figures as a table beside it; `alt` says in words what the chart shows. */
  | { kind: 'figure'; svg: string; alt: string; table: TableBlock };

/** The text of a cell as one string (for measuring and for plain-text output). */
export const cellText = (c: Cell) => (typeof c === 'string' ? c : `${c.label} ${c.text}`);
