/** The columns of the translation table, as the export writes and the import reads them. */
export const translationColumns = {
  key: { heading: 'Schlüssel', width: 24 },
  kind: { heading: 'Art', width: 16 },
  item: { heading: 'Eintrag', width: 36 },
  field: { heading: 'Feld', width: 14 },
  state: { heading: 'Stand', width: 10 },
  german: { heading: 'Deutsch', width: 60 },
  previous: { heading: 'Bisherige Übersetzung', width: 50 },
  target: { heading: 'Übersetzung', width: 60 },
} as const;
export type TranslationColumn = keyof typeof translationColumns;
/** What the import needs; the other columns help the translator and are ignored. */
export const requiredColumns: TranslationColumn[] = ['key', 'german', 'target'];
