// What the indicators module offers other modules (with its schema.ts); everything else in the folder is its own.
export { formatIndicatorValue, indicatorChartSvg } from './chart.js';
export type { ChartIndicator } from './chart.js';
export { valueFields } from './input.js';
export { addIndicatorValue, indicatorById, indicatorOverview, listIndicators, valuesByIndicator, valuesOf } from './service.js';
export type { Indicator, IndicatorValue } from './service.js';
export { indicatorStatus, indicatorStatuses, isBehind, targetDateOf } from './status.js';
export type { MeasuredValue } from './status.js';
export { publicIndicatorsOfMeasure } from './public-measure.js';
export type { PublicIndicator } from './present.js';
export { PublicIndicatorArticle } from './views/public-indicator.js';
