/**
 * Entity annotation that names the release model of an entity explicitly.
 * It wins over every applicability selector.
 *
 * @public
 */
export const RELEASE_MODEL_ANNOTATION = 'release-management.io/model';
