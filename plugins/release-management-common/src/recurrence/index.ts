export * from './occurrences';
export * from './recurrenceRule';
