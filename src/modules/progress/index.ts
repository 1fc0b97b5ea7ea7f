// What the progress module offers other modules (with its schema.ts); everything else in the folder is its own.
export { measureUpdateFields, todayInGermany } from './input.js';
export { editionRollup } from './rollup.js';
export type { Progress } from './rollup.js';
export { latestUpdates, recordMeasureUpdate, updatesOf } from './updates.js';
export type { MeasureUpdateRow } from './updates.js';
export { publicMeasureProgress } from './public-measure.js';
export type { PublicMeasureProgress } from './public-measure.js';
export { PublicMeasureProgressSection } from './views/public-measure.js';
