export * from './occurrences';
export * from './recurrencePolicy';
export * from './recurrenceRule';
export { MAX_PERIODS_PER_EXPANSION } from './ruleIteration';
