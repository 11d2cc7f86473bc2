export { MetricsDashboard } from './MetricsDashboard';
