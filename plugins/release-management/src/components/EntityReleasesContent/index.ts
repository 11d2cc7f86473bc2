export { EntityReleasesContent } from './EntityReleasesContent';
export { isReleaseManagementAvailable } from './isReleaseManagementAvailable';
