export { ReleasesTable } from './ReleasesTable';
