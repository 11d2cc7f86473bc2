export { ArchitectureExplorer } from './ArchitectureExplorer';
