// What the measures module offers other modules (with its schema.ts); everything else in the folder is its own.
export { measureFields, statusInput, updateMeasureInput } from './input.js';
export { canEditMeasure, canManageStatusRules, canUpdateMeasureStatus } from './policy.js';
export type { MeasureResponsibility } from './policy.js';
export { createMeasure, deleteMeasure, linksOf, linksOfEditions, listMeasures, listMeasureSummaries, measureById, measureColumns, targetGroupsOf, updateMeasure, updateMeasureStatus } from './service.js';
export type { Measure, MeasureFilter } from './service.js';
export { countsField, defaultRulesValues, impliedField, statusRulesOf, statusRulesWithVersion, updateStatusRules } from './status-rules.js';
export type { StatusRule, StatusRules } from './status-rules.js';
export { columnByKey, fold, matchStatus, measureNumberOf, parseDate, statusLabels } from './transfer/columns.js';
export { exportFileName, toCsv } from './transfer/export.js';
export type { ExportTable } from './transfer/export.js';
export { editionPath } from './transfer/views/upload-page.js';
export { StatusBadge } from './views/status-badge.js';
