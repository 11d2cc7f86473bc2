export * from './analysis';
export * from './entityRef';
export * from './freezeWindow';
export * from './health';
export * from './release';
export * from './releaseModel';
export * from './releaseStatus';
export * from './time';
