export { ReleaseManagementPage } from './ReleaseManagementPage';
