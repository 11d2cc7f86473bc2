export { ReleaseDetailPage } from './ReleaseDetailPage';
