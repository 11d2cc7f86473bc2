export interface Config {
  /**
   * Configuration of the release-management plugin.
   */
  releaseManagement?: {};
}
