import type { ReportAudience } from './model.js';

/** The label that marks an internal Sachstand in an internal report. */
export const internalLabel = 'intern';

/** The label of a partner's report that waits for the Koordination's review (internal until approved). */
export const pendingLabel = 'intern, zur Prüfung';

/** What the title page says about who the report is for. */
export const audienceLine: Record<ReportAudience, string> = {
  public: 'Für die öffentliche Sitzung: enthält nur veröffentlichte Sachstände und Indikatoren.',
  internal: 'Interner Bericht – nicht zur Veröffentlichung: enthält interne Sachstände, jeweils als „intern“ gekennzeichnet.',
};

