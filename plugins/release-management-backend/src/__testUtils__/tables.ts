/** Every table of the plugin, for migration tests and database snapshots. */
export const PLUGIN_TABLES = [
  'release_models',
  'release_model_revisions',
  'releases',
  'release_scope',
  'release_checklist',
  'release_approvals',
  'release_history',
  'freeze_windows',
  'calendar_feeds',
  'deployments',
  'audit_findings',
  'release_ratings',
  'release_impacted_owners',
  'release_reminders',
];
