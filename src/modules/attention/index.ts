// What the attention module offers other modules (with its schema.ts); everything else in the folder is its own.
export { isOverdue } from './rules.js';
export { attentionMeasures } from './service.js';
