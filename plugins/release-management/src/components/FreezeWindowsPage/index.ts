export { FreezeWindowsPage } from './FreezeWindowsPage';
